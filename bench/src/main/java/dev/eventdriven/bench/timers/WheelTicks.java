package dev.eventdriven.bench.timers;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.concurrent.TimeUnit;

/**
 * Netty's {@code HashedWheelTimer} (1 ms tick, 512 buckets): one-shot timeouts, each re-armed by its
 * task for the timer's next grid slot; ticks on the wheel's thread.
 */
final class WheelTicks implements TickSource {

    private final HashedWheelTimer wheel;

    WheelTicks(TickRecorder recorder, int timers) {
        wheel = new HashedWheelTimer(r -> {
            Thread t = new Thread(r, "w6-wheel");
            t.setDaemon(true);
            return t;
        }, 1, TimeUnit.MILLISECONDS, 512);
        for (int j = 0; j < timers; j++) {
            Periodic p = new Periodic(recorder, j);
            wheel.newTimeout(p, TickSource.delayTo(p.due), TimeUnit.NANOSECONDS);
        }
    }

    /** One timer: handles its tick and re-arms itself for the next slot of its grid. */
    private final class Periodic implements TimerTask {
        private final TickRecorder recorder;
        private final int j;
        private long due;

        Periodic(TickRecorder recorder, int j) {
            this.recorder = recorder;
            this.j = j;
            this.due = recorder.firstDue(j);
        }

        @Override
        public void run(Timeout timeout) {
            long now = System.nanoTime();
            recorder.tick(j, now);
            long interval = recorder.intervalNanos();
            due += ((now - due) / interval + 1) * interval; // the next slot after now, on the grid
            try {
                wheel.newTimeout(this, TickSource.delayTo(due), TimeUnit.NANOSECONDS);
            } catch (IllegalStateException | java.util.concurrent.RejectedExecutionException stopped) {
                // the window is over and the wheel stopped
            }
        }
    }

    @Override
    public void close() {
        wheel.stop();
    }
}
