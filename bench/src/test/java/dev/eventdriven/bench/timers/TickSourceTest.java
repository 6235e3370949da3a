package dev.eventdriven.bench.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The W6 contestants tick their timers on the recorder's grids, and the recorder counts what is due. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TickSourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"timer-thread", "timer-shared", "timerset-thread", "timerset-shared", "stpe", "hwt"})
    void everyContestantTicksWithinTheWindowAndNeverMoreThanTheSlots(String contestant) {
        // A first start loads the contestant's classes: in a cold JVM on a busy machine that took longer
        // than the margin below, and the window passed before the timers existed ("delivered nothing").
        TickSource.start(contestant, new TickRecorder(2, TimeUnit.MILLISECONDS.toNanos(20), System.nanoTime(),
                TimeUnit.MILLISECONDS.toNanos(20)), 2, 2).close();
        long interval = TimeUnit.MILLISECONDS.toNanos(20);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long window = TimeUnit.MILLISECONDS.toNanos(400);
        TickRecorder recorder = new TickRecorder(200, interval, t0, window);
        TickSource source = TickSource.start(contestant, recorder, 200, 2);
        try {
            long end = t0 + window + interval + TimeUnit.MILLISECONDS.toNanos(50);
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        } finally {
            source.close();
        }
        recorder.verify();
        assertEquals(21 + 199 * 20, recorder.expected(), "21 slots for the first timer (phase 0), 20 for the others");
        assertTrue(recorder.delivered() > 0, contestant + " delivered nothing");
        assertTrue(recorder.latenessMicros(0.5) >= 0);
    }

    @Test
    void aTimerTickingMoreOftenThanItsSlotsFailsTheCheck() {
        long interval = TimeUnit.MILLISECONDS.toNanos(10);
        long t0 = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(5);
        TickRecorder recorder = new TickRecorder(1, interval, t0, interval);
        long now = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            recorder.tick(0, now);
        }
        assertThrows(IllegalStateException.class, recorder::verify);
        assertThrows(IllegalArgumentException.class, () -> TickSource.start("nope", recorder, 1, 1));
    }
}
