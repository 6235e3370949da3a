package dev.eventdriven.bench.contestant;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Peers: a single-thread executor, through {@code submit(callable).get()} or {@code supplyAsync(…).join()}. */
final class ExecutorRequestReply implements RequestReply {

    private final ExecutorService executor;
    private final Tally tally;
    private final boolean completableFuture;

    private ExecutorRequestReply(Tally tally, boolean completableFuture) {
        this.tally = tally;
        this.completableFuture = completableFuture;
        this.executor = Executors.newSingleThreadExecutor(Threads.factory("bench-executor"));
    }

    static ExecutorRequestReply submitGet(Tally tally) {
        return new ExecutorRequestReply(tally, false);
    }

    static ExecutorRequestReply supplyAsyncJoin(Tally tally) {
        return new ExecutorRequestReply(tally, true);
    }

    @Override
    public Object call(Integer value) throws Exception {
        if (completableFuture) {
            return CompletableFuture.supplyAsync(() -> reply(value), executor).join();
        }
        return executor.submit(() -> reply(value)).get();
    }

    private Object reply(Integer value) {
        tally.add(value);
        return value;
    }

    @Override
    public void close() {
        Threads.shutdown(executor);
    }
}
