package dev.eventdriven.bench.contestant;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread plumbing shared by the contestants. */
final class Threads {

    private Threads() {
    }

    /**
     * @param prefix the thread name prefix
     * @return a factory of daemon threads named {@code prefix-n} (daemon: a failed trial must not keep
     *     the forked JVM alive)
     */
    static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Shuts an executor down gracefully and waits for it.
     *
     * @param executor the executor
     * @throws IllegalStateException if it does not terminate within 30 s
     */
    static void shutdown(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(executor + " did not terminate within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while shutting down " + executor, e);
        }
    }
}
