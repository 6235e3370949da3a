package dev.eventdriven.bench.contestant;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * W4's bound, not an executor: the calling thread and one helper thread each make and run half of
 * the tasks themselves, with one hand-over per batch. Two threads cannot do the workload's work with
 * less than this, so no two-worker executor beats it by more than the noise, and its ratio to a peer
 * is the most a pool could reach against that peer in the same run.
 */
public final class DirectHalves implements AutoCloseable {

    private final ExecutorService helper = Executors.newSingleThreadExecutor(Threads.factory("bench-direct"));

    /** Starts the helper thread. */
    public DirectHalves() {
    }

    /**
     * Runs {@code task} for each index in {@code [0, n)}: the upper half on the helper, the lower half
     * here; returns when both halves are done.
     *
     * @param n how many
     * @param task makes and runs the task of one index
     */
    public void runHalves(int n, IntConsumer task) {
        int half = n / 2;
        Future<?> upper = helper.submit(() -> {
            for (int i = half; i < n; i++) {
                task.accept(i);
            }
        });
        for (int i = 0; i < half; i++) {
            task.accept(i);
        }
        try {
            upper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the helper ran its half", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the helper's half failed", e.getCause());
        }
    }

    /** Stops the helper thread. */
    @Override
    public void close() {
        Threads.shutdown(helper);
    }
}
