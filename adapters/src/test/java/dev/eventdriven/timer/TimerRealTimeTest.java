package dev.eventdriven.timer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.EventHandler;
import dev.eventdriven.SystemEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timer behaviour with real threads and the real clock. */
@Timeout(60)
class TimerRealTimeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration INTERVAL = Duration.ofMillis(20);

    private final List<Thread> schedulerThreads = new CopyOnWriteArrayList<>();
    private final ThreadFactory counting = r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        schedulerThreads.add(t);
        return t;
    };
    private final TimerScheduler scheduler = TimerScheduler.builder("real-timer").threadFactory(counting)
            .keepAlive(Duration.ZERO).build();
    private final AtomicInteger handled = new AtomicInteger();
    private final List<String> handlerThreads = new CopyOnWriteArrayList<>();
    private final List<Controller> controllers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        controllers.forEach(Controller::shutdownNow);
        scheduler.close();
    }

    private Controller controllerWith(Timer timer) {
        Controller c = Controller.builder("real-" + controllers.size()).adapter(timer)
                .on(SystemEvent.TIMING, s -> {
                    handled.incrementAndGet();
                    handlerThreads.add(Thread.currentThread().getName());
                }).build();
        controllers.add(c);
        return c;
    }

    private Timer timer() {
        return Timer.builder().interval(INTERVAL).scheduler(scheduler).build();
    }

    private void assertNoTickFor(Duration quiet) {
        int before = handled.get();
        await().during(quiet).atMost(quiet.plusSeconds(5)).until(() -> handled.get() == before);
    }

    @Test
    void ticksArriveRepeatedlyAndHandlersRunOnTheLoopThread() {
        Controller c = controllerWith(timer());
        c.run();
        await().atMost(WAIT).until(() -> handled.get() >= 5);
        assertTrue(handlerThreads.stream().allMatch("real-0-loop"::equals), handlerThreads.toString());
    }

    @Test
    void ticksAreNeverEarlyAndNoSlotIsLostWhateverTheLoad() {
        Timer timer = timer();
        Controller c = controllerWith(timer);
        long t0 = System.nanoTime();
        c.run();
        await().atMost(WAIT).until(() -> timer.ticks() >= 20);
        timer.setTiming(null);
        long slots = timer.ticks() + timer.missedTicks();
        long elapsed = System.nanoTime() - t0;
        // Fixed rate: the slots handed out are the whole intervals elapsed since run(), never more.
        assertTrue(slots <= elapsed / INTERVAL.toNanos(), slots + " slots in " + elapsed + " ns");
        assertTrue(slots >= 20);
    }

    @Test
    void suspendStopsTicksAndResumeRestartsThem() {
        Timer timer = timer();
        Controller c = controllerWith(timer);
        c.run();
        await().atMost(WAIT).until(() -> handled.get() >= 2);
        c.suspend();
        long ticks = timer.ticks();
        c.resume();
        c.suspend(); // a quick resume/suspend must not leave a tick scheduled
        assertTrue(timer.ticks() - ticks <= 1);
        long frozen = timer.ticks();
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> timer.ticks() == frozen);
        c.resume();
        await().atMost(WAIT).until(() -> timer.ticks() >= frozen + 3);
    }

    @Test
    void setTimingNullStopsTicksAtOnce() {
        Timer timer = timer();
        Controller c = controllerWith(timer);
        c.run();
        await().atMost(WAIT).until(() -> timer.ticks() >= 2);
        timer.setTiming(null);
        long stoppedAt = timer.ticks();
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(stoppedAt, handled.get());
        assertNoTickFor(Duration.ofMillis(200));
        assertEquals(stoppedAt, timer.ticks());
    }

    @Test
    void shutdownStopsTheTimerAndLeavesNoThreadBehind() {
        Timer timer = timer();
        Controller c = controllerWith(timer);
        c.run();
        await().atMost(WAIT).until(() -> timer.ticks() >= 2);
        c.shutdown();
        assertTrue(c.awaitTermination(WAIT));
        assertTrue(timer.isClosed());
        // keepAlive(0): the scheduler thread ends as soon as nothing is scheduled.
        await().atMost(WAIT).until(() -> schedulerThreads.stream().noneMatch(Thread::isAlive));
        scheduler.close();
        assertFalse(schedulerThreads.stream().anyMatch(Thread::isAlive));
    }

    @Test
    void timersOnTheSharedSchedulerTickAndItsThreadEndsAfterShutdown() {
        Timer timer = Timer.every(INTERVAL);
        Controller c = controllerWith(timer);
        c.run();
        await().atMost(WAIT).until(() -> timer.ticks() >= 3);
        c.shutdown();
        assertTrue(c.awaitTermination(WAIT));
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("eventdriven-timer")));
    }

    @Test
    void dispatchLaterDeliversNoSoonerThanTheDelay() {
        List<Long> at = new CopyOnWriteArrayList<>();
        Controller c = Controller.builder("later").on("later", s -> at.add(System.nanoTime())).build();
        controllers.add(c);
        c.run();
        long t0 = System.nanoTime();
        scheduler.dispatchLater(c, "later", null, Duration.ofMillis(50));
        await().atMost(WAIT).until(() -> at.size() == 1);
        assertTrue(at.get(0) - t0 >= Duration.ofMillis(50).toNanos());
    }

    @Test
    void aTimerServesOneControllerAndArgumentsAreChecked() {
        Timer timer = timer();
        controllerWith(timer);
        var twice = assertThrows(IllegalStateException.class, () -> controllerWith(timer));
        assertTrue(twice.getMessage().contains("installed in controller 'real-0' already"), twice.getMessage());
        var zero = assertThrows(IllegalArgumentException.class, () -> Timer.every(Duration.ZERO));
        assertEquals("interval: PT0S (expected: a duration > 0 and <= 100 years)", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> timer.setTiming(Duration.ofMillis(-5)));
        assertThrows(IllegalArgumentException.class, () -> Timer.builder().eventId(SystemEvent.BEFORE));
        assertThrows(IllegalArgumentException.class, () -> Timer.builder().name(" "));
        assertEquals("Timer[beat]", Timer.builder().eventId("beat").build().name());
        assertEquals("Timer", Timer.builder().build().name());
    }
}
