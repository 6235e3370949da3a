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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The real-time scheduler: the contract plus its thread's life. */
class ThreadTimerSchedulerTest extends TimerSchedulerContract {

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadFactory counting = r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        threads.add(t);
        return t;
    };

    @Override
    protected TimerScheduler newScheduler() {
        return TimerScheduler.builder("test-timer").threadFactory(counting).keepAlive(Duration.ofMillis(100)).build();
    }

    @Override
    protected void pass(Duration d) {
        long until = scheduler.nanoTime() + d.toNanos();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                .until(() -> scheduler.nanoTime() - until >= 0);
    }

    @Test
    void startsNoThreadUntilSomethingIsScheduled() {
        assertTrue(threads.isEmpty());
        scheduler.scheduleAfter(Duration.ZERO, () -> { });
        assertEquals(1, threads.size());
        assertEquals("test-timer", threads.get(0).getName());
    }

    @Test
    void threadEndsWhenIdleAndANewScheduleStartsAnother() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.scheduleAfter(Duration.ZERO, runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1 && !threads.get(0).isAlive());
        scheduler.scheduleAfter(Duration.ZERO, runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
        assertEquals(2, threads.size());
    }

    @Test
    void closeLeavesNoThreadBehind() {
        scheduler.scheduleAfter(Duration.ofHours(1), () -> { });
        Thread t = threads.get(0);
        assertTrue(t.isAlive());
        scheduler.close();
        assertFalse(t.isAlive(), "close() waits for the thread");
    }

    @Test
    void anEarlierDeadlineWakesTheParkedThread() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.scheduleAfter(Duration.ofHours(1), () -> { });
        scheduler.scheduleAfter(Duration.ofMillis(1), runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
    }

    @Test
    void anActionThatLeavesTheInterruptFlagSetDoesNotBreakTheTiming() {
        List<Long> ranAt = new CopyOnWriteArrayList<>();
        scheduler.scheduleAfter(Duration.ZERO, () -> Thread.currentThread().interrupt());
        long deadline = scheduler.nanoTime() + Duration.ofMillis(50).toNanos();
        scheduler.schedule(deadline, () -> ranAt.add(scheduler.nanoTime()));
        await().atMost(Duration.ofSeconds(5)).until(() -> ranAt.size() == 1);
        assertTrue(ranAt.get(0) - deadline >= 0);
    }

    @Test
    void aThreadFactoryThatFailsRejectsTheScheduleAndNothingRunsLater() {
        AtomicInteger runs = new AtomicInteger();
        try (TimerScheduler broken = TimerScheduler.builder("broken").threadFactory(r -> null).build()) {
            assertThrows(RejectedExecutionException.class, () -> broken.scheduleAfter(Duration.ZERO, runs::incrementAndGet));
        }
        assertEquals(0, runs.get());
    }

    @Test
    void sharedSchedulerIgnoresCloseAndItsThreadEndsWhenIdle() {
        TimerScheduler shared = TimerScheduler.shared();
        shared.close();
        AtomicInteger runs = new AtomicInteger();
        shared.scheduleAfter(Duration.ofMillis(1), runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(th -> th.getName().equals("eventdriven-timer")));
    }
}
