package dev.eventdriven.bench.contestant;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Peers: {@code ThreadPoolExecutor(2)} on a {@link LinkedBlockingQueue}, and {@code ForkJoinPool(2)}. */
final class ExecutorTaskRunner implements TaskRunner {

    private final ExecutorService executor;

    private ExecutorTaskRunner(ExecutorService executor) {
        this.executor = executor;
    }

    static ExecutorTaskRunner threadPool(int workers) {
        return new ExecutorTaskRunner(new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), Threads.factory("bench-tpe")));
    }

    static ExecutorTaskRunner forkJoin(int workers) {
        AtomicInteger n = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("bench-fjp-" + n.incrementAndGet());
            return t;
        };
        return new ExecutorTaskRunner(new ForkJoinPool(workers, factory, null, false));
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public void close() {
        Threads.shutdown(executor);
    }
}
