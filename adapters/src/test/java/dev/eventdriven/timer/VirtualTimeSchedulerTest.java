package dev.eventdriven.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Virtual time: the contract plus synchronous, ordered firing. */
class VirtualTimeSchedulerTest extends TimerSchedulerContract {

    @Override
    protected TimerScheduler newScheduler() {
        return new VirtualTimeScheduler();
    }

    @Override
    protected void pass(Duration d) {
        ((VirtualTimeScheduler) scheduler).advance(d);
    }

    @Test
    void advanceRunsEachActionWithTheClockAtItsDeadline() {
        VirtualTimeScheduler time = (VirtualTimeScheduler) scheduler;
        List<Long> clock = new CopyOnWriteArrayList<>();
        time.scheduleAfter(Duration.ofNanos(30), () -> clock.add(time.nanoTime()));
        time.scheduleAfter(Duration.ofNanos(10), () -> clock.add(time.nanoTime()));
        assertEquals(2, time.advance(Duration.ofNanos(100)));
        assertEquals(List.of(10L, 30L), clock);
        assertEquals(Duration.ofNanos(100), time.elapsed());
    }

    @Test
    void jumpRunsNothingAndRunDueRunsLateActionsAtTheNewTime() {
        VirtualTimeScheduler time = (VirtualTimeScheduler) scheduler;
        List<Long> clock = new CopyOnWriteArrayList<>();
        time.scheduleAfter(Duration.ofNanos(10), () -> clock.add(time.nanoTime()));
        time.jump(Duration.ofNanos(50));
        assertEquals(List.of(), clock);
        assertEquals(1, time.runDue());
        assertEquals(List.of(50L), clock);
    }

    @Test
    void actionsScheduledDuringAnAdvanceRunIfDueBeforeItsEnd() {
        VirtualTimeScheduler time = (VirtualTimeScheduler) scheduler;
        List<Long> clock = new CopyOnWriteArrayList<>();
        time.scheduleAfter(Duration.ofNanos(10),
                () -> time.scheduleAfter(Duration.ofNanos(10), () -> clock.add(time.nanoTime())));
        time.advance(Duration.ofNanos(25));
        assertEquals(List.of(20L), clock);
        assertEquals(0, time.scheduledCount());
    }
}
