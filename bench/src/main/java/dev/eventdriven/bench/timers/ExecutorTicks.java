package dev.eventdriven.bench.timers;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@code ScheduledThreadPoolExecutor(1)}: {@code scheduleAtFixedRate} per timer, ticks on its thread. */
final class ExecutorTicks implements TickSource {

    private final ScheduledThreadPoolExecutor executor;

    ExecutorTicks(TickRecorder recorder, int timers) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "w6-stpe");
            t.setDaemon(true);
            return t;
        });
        for (int j = 0; j < timers; j++) {
            int timer = j;
            executor.scheduleAtFixedRate(() -> recorder.tick(timer, System.nanoTime()),
                    TickSource.delayTo(recorder.firstDue(j)), recorder.intervalNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the executor did not terminate within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
