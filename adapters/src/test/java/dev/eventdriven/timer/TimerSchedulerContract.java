package dev.eventdriven.timer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link TimerScheduler} promises; subclassed for each implementation. */
@Timeout(30)
abstract class TimerSchedulerContract {

    protected TimerScheduler scheduler;

    /** A fresh scheduler the test may close. */
    protected abstract TimerScheduler newScheduler();

    /** Lets at least {@code d} pass on the scheduler's clock and runs what fell due. */
    protected abstract void pass(Duration d);

    @BeforeEach
    void createScheduler() {
        scheduler = newScheduler();
    }

    @AfterEach
    void closeScheduler() {
        scheduler.close();
    }

    private void awaitTrue(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10)).until(condition);
    }

    @Test
    void runsAnActionOnceAtOrAfterItsDeadline() {
        List<Long> ranAt = new CopyOnWriteArrayList<>();
        long deadline = scheduler.nanoTime() + Duration.ofMillis(20).toNanos();
        ScheduledAction a = scheduler.schedule(deadline, () -> ranAt.add(scheduler.nanoTime()));
        assertFalse(a.isDone());
        pass(Duration.ofMillis(20));
        awaitTrue(() -> ranAt.size() == 1);
        pass(Duration.ofMillis(40));
        assertEquals(1, ranAt.size());
        assertTrue(ranAt.get(0) - deadline >= 0, "ran before its deadline");
        assertTrue(a.isDone());
        assertFalse(a.isCancelled());
        assertFalse(a.cancel(), "cancel after the run");
    }

    @Test
    void runsAPastDeadlineAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.schedule(scheduler.nanoTime() - 1_000_000, runs::incrementAndGet);
        pass(Duration.ZERO);
        awaitTrue(() -> runs.get() == 1);
    }

    @Test
    void runsActionsInDeadlineOrderAndEqualDeadlinesInSchedulingOrder() {
        List<Integer> order = new CopyOnWriteArrayList<>();
        long base = scheduler.nanoTime() + Duration.ofMillis(30).toNanos();
        scheduler.schedule(base + 2_000_000, () -> order.add(4));
        scheduler.schedule(base, () -> order.add(1));
        scheduler.schedule(base, () -> order.add(2));
        scheduler.schedule(base + 1_000_000, () -> order.add(3));
        pass(Duration.ofMillis(40));
        awaitTrue(() -> order.size() == 4);
        assertEquals(List.of(1, 2, 3, 4), order);
    }

    @Test
    void aCancelledActionNeverRuns() {
        AtomicInteger runs = new AtomicInteger();
        ScheduledAction a = scheduler.scheduleAfter(Duration.ofMillis(10), runs::incrementAndGet);
        AtomicInteger marker = new AtomicInteger();
        scheduler.scheduleAfter(Duration.ofMillis(30), marker::incrementAndGet);
        assertTrue(a.cancel());
        assertFalse(a.cancel(), "second cancel");
        assertTrue(a.isCancelled());
        assertTrue(a.isDone());
        pass(Duration.ofMillis(30));
        awaitTrue(() -> marker.get() == 1);
        assertEquals(0, runs.get());
    }

    @Test
    void anActionThatThrowsDoesNotStopTheOthers() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.scheduleAfter(Duration.ofMillis(5), () -> {
            throw new IllegalStateException("boom (expected by the test)");
        });
        scheduler.scheduleAfter(Duration.ofMillis(6), runs::incrementAndGet);
        pass(Duration.ofMillis(10));
        awaitTrue(() -> runs.get() == 1);
    }

    @Test
    void anActionMayScheduleTheNextOne() {
        AtomicInteger runs = new AtomicInteger();
        Runnable[] chain = new Runnable[1];
        chain[0] = () -> {
            if (runs.incrementAndGet() < 5) {
                scheduler.scheduleAfter(Duration.ofMillis(1), chain[0]);
            }
        };
        scheduler.scheduleAfter(Duration.ofMillis(1), chain[0]);
        for (int i = 0; i < 5; i++) {
            pass(Duration.ofMillis(1));
        }
        awaitTrue(() -> runs.get() == 5);
    }

    @Test
    void closeCancelsWhatIsScheduledAndRefusesMore() {
        AtomicInteger runs = new AtomicInteger();
        ScheduledAction a = scheduler.scheduleAfter(Duration.ofMillis(20), runs::incrementAndGet);
        scheduler.close();
        assertTrue(a.isCancelled());
        assertThrows(RejectedExecutionException.class, () -> scheduler.scheduleAfter(Duration.ZERO, runs::incrementAndGet));
        scheduler.close();
        assertEquals(0, runs.get());
    }

    @Test
    void argumentsAreCheckedWithTheCommonMessageFormat() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.scheduleAfter(Duration.ofMillis(-1), () -> { }));
        assertEquals("delay: PT-0.001S (expected: a duration >= 0 and <= 100 years)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(0, null));
        assertEquals("action: null (expected: not null)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> scheduler.dispatchLater(null, "x", null, Duration.ZERO));
    }
}
