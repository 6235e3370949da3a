package dev.eventdriven.bench.contestant;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Peer: a single-thread {@link ThreadPoolExecutor} on a {@link LinkedBlockingQueue}, one Runnable per value. */
final class ThreadPoolSink implements EventSink {

    private final ExecutorService executor;
    private final Tally tally;

    ThreadPoolSink(Tally tally) {
        this.tally = tally;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                Threads.factory("bench-tpe"));
    }

    @Override
    public void send(Integer value) {
        executor.execute(() -> tally.add(value));
    }

    @Override
    public void close() {
        Threads.shutdown(executor);
    }
}
