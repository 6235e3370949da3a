package dev.eventdriven.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.SystemEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timer behaviour on virtual time: exact tick counts and schedules. */
@Timeout(30)
class TimerVirtualTimeTest {

    private static final Duration TEN = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VirtualTimeScheduler time = new VirtualTimeScheduler();
    private final List<Object> seen = new CopyOnWriteArrayList<>();
    private final List<Controller> controllers = new ArrayList<>();

    @AfterEach
    void stopControllers() {
        for (Controller c : controllers) {
            c.shutdownNow();
        }
    }

    private Controller controllerWith(Timer... timers) {
        var b = Controller.builder("timed-" + controllers.size())
                .on(SystemEvent.TIMING, s -> seen.add(s.value()));
        for (Timer t : timers) {
            b.adapter(t);
        }
        Controller c = b.build();
        controllers.add(c);
        return c;
    }

    private Timer timer(MissedTickPolicy policy) {
        return Timer.builder().interval(TEN).missedTickPolicy(policy).scheduler(time).build();
    }

    private static Duration secs(long s) {
        return Duration.ofSeconds(s);
    }

    private int handledTicks(Controller c) {
        assertTrue(c.awaitDrained(WAIT));
        return seen.size();
    }

    @Test
    void sendsTimingWithTheIntervalAsValueOncePerInterval() {
        Timer timer = timer(MissedTickPolicy.FIRE_ONCE);
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(9));
        assertEquals(0, handledTicks(c));
        time.advance(secs(1));
        assertEquals(1, handledTicks(c));
        time.advance(secs(90));
        assertEquals(10, handledTicks(c));
        assertEquals(10, timer.ticks());
        assertTrue(seen.stream().allMatch(TEN::equals));
    }

    @Test
    void ticksStayOnTheGridWhateverTheStepsOfTheClock() {
        Timer timer = timer(MissedTickPolicy.FIRE_ONCE);
        Controller c = controllerWith(timer);
        c.run();
        long[] stepsMillis = {3_000, 9_100, 7_000, 333, 12_567, 1, 40_000, 27_999};
        long total = 0;
        for (long step : stepsMillis) {
            time.advance(Duration.ofMillis(step));
            total += step;
            assertEquals(total / 10_000, timer.ticks(), "after " + total + " ms");
        }
        assertEquals(0, timer.missedTicks());
    }

    @Test
    void scheduledDeadlinesAreStartPlusMultiplesOfTheIntervalWithoutDrift() {
        List<Long> deadlines = new CopyOnWriteArrayList<>();
        TimerScheduler recording = new TimerScheduler() {
            @Override
            public long nanoTime() {
                return time.nanoTime();
            }

            @Override
            public ScheduledAction schedule(long deadlineNanos, Runnable action) {
                deadlines.add(deadlineNanos);
                return time.schedule(deadlineNanos, action);
            }

            @Override
            public void close() {
                time.close();
            }
        };
        Timer timer = Timer.builder().interval(Duration.ofMillis(7)).scheduler(recording).build();
        controllerWith(timer).run();
        for (int i = 0; i < 1000; i++) {
            time.advance(Duration.ofMillis(3));
        }
        assertEquals(428, timer.ticks());
        for (int k = 0; k < deadlines.size(); k++) {
            assertEquals((k + 1) * 7_000_000L, deadlines.get(k), "deadline " + k);
        }
    }

    @Test
    void catchUpSendsEveryMissedTickThenKeepsTheGrid() {
        Timer timer = timer(MissedTickPolicy.CATCH_UP);
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(10));
        time.jump(secs(35)); // a scheduler held up from 10 s to 45 s
        assertEquals(3, time.runDue());
        assertEquals(4, handledTicks(c));
        time.advance(secs(5));
        assertEquals(5, handledTicks(c));
        assertEquals(0, timer.missedTicks());
    }

    @Test
    void fireOnceCollapsesMissedTicksIntoOneThenKeepsTheGrid() {
        Timer timer = timer(MissedTickPolicy.FIRE_ONCE);
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(10));
        time.jump(secs(35));
        assertEquals(1, time.runDue());
        assertEquals(2, handledTicks(c));
        assertEquals(2, timer.missedTicks());
        time.advance(secs(4));
        assertEquals(2, handledTicks(c));
        time.advance(secs(1));
        assertEquals(3, handledTicks(c));
    }

    @Test
    void skipDropsTicksLateByAWholeIntervalAndKeepsTheGrid() {
        Timer timer = timer(MissedTickPolicy.SKIP);
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(10));
        time.jump(secs(35));
        time.runDue();
        assertEquals(1, handledTicks(c));
        assertEquals(3, timer.missedTicks());
        time.advance(secs(5));
        assertEquals(2, handledTicks(c));
    }

    @Test
    void skipStillSendsATickLateByLessThanOneInterval() {
        Timer timer = timer(MissedTickPolicy.SKIP);
        Controller c = controllerWith(timer);
        c.run();
        time.jump(secs(19));
        time.runDue();
        assertEquals(1, handledTicks(c));
        time.advance(secs(1));
        assertEquals(2, handledTicks(c));
        assertEquals(0, timer.missedTicks());
    }

    @Test
    void fixedDelaySendsOneTickAndRestartsTheGridFromThen() {
        Timer timer = timer(MissedTickPolicy.FIXED_DELAY);
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(10));
        time.jump(secs(35));
        time.runDue();
        assertEquals(2, handledTicks(c));
        time.advance(secs(9));
        assertEquals(2, handledTicks(c));
        time.advance(secs(1));
        assertEquals(3, handledTicks(c));
    }

    @Test
    void newIntervalCountsFromTheLastTickAndIsTheValueOfLaterTicks() {
        Timer timer = timer(MissedTickPolicy.FIRE_ONCE);
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(15));
        timer.setTiming(secs(30));
        assertEquals(secs(30), timer.timing());
        time.advance(secs(24)); // 39 s: the next tick is due at 10 + 30 = 40 s
        assertEquals(1, handledTicks(c));
        time.advance(secs(1));
        time.advance(secs(60));
        assertEquals(4, handledTicks(c));
        assertEquals(List.of(TEN, secs(30), secs(30), secs(30)), List.copyOf(seen));
    }

    @Test
    void nullTimingStopsTheTimerAndANewOneStartsItFromNow() {
        Timer timer = timer(MissedTickPolicy.FIRE_ONCE);
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(10));
        timer.setTiming(null);
        assertEquals(null, timer.timing());
        assertEquals(0, time.scheduledCount());
        time.advance(secs(1000));
        assertEquals(1, handledTicks(c));
        timer.setTiming(secs(100)); // now = 1010 s
        time.advance(secs(99));
        assertEquals(1, handledTicks(c));
        time.advance(secs(1));
        assertEquals(2, handledTicks(c));
    }

    @Test
    void timerBuiltWithoutIntervalWaitsForSetTiming() {
        Timer timer = Timer.builder().scheduler(time).build();
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(100));
        assertEquals(0, handledTicks(c));
        timer.setTiming(TEN);
        time.advance(secs(10));
        assertEquals(1, handledTicks(c));
    }

    @Test
    void noTicksWhileSuspendedAndTheGridGoesOnAfterResume() {
        Timer timer = timer(MissedTickPolicy.CATCH_UP);
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(10));
        c.suspend();
        assertEquals(0, time.scheduledCount());
        time.advance(secs(35));
        c.resume(); // at 45 s: slots 20, 30 and 40 were dropped even with CATCH_UP
        assertEquals(1, handledTicks(c));
        assertEquals(3, timer.missedTicks());
        time.advance(secs(4));
        assertEquals(1, handledTicks(c));
        time.advance(secs(1));
        assertEquals(2, handledTicks(c));
    }

    @Test
    void controllerStartedSuspendedStartsTickingOnResume() {
        Timer timer = timer(MissedTickPolicy.FIRE_ONCE);
        Controller c = controllerWith(timer);
        c.run(null, true);
        time.advance(secs(100));
        assertEquals(0, timer.ticks());
        c.resume();
        time.advance(secs(10));
        assertEquals(1, handledTicks(c));
    }

    @Test
    void shutdownStopsTheTimerForGood() {
        Timer timer = timer(MissedTickPolicy.FIRE_ONCE);
        Controller c = controllerWith(timer);
        c.run();
        time.advance(secs(20));
        c.shutdown();
        assertTrue(c.awaitTermination(WAIT));
        assertTrue(timer.isClosed());
        assertEquals(0, time.scheduledCount());
        timer.setTiming(secs(1));
        assertEquals(0, time.advance(secs(100)));
        assertEquals(2, seen.size());
    }

    @Test
    void timerOfAControllerThatNeverRanIsClosedWithIt() {
        Timer timer = timer(MissedTickPolicy.FIRE_ONCE);
        Controller c = controllerWith(timer);
        c.shutdown();
        assertTrue(timer.isClosed());
        assertEquals(0, time.advance(secs(100)));
    }

    @Test
    void severalTimersPerControllerEachWithItsNameIdAndInterval() {
        List<Object> ids = new CopyOnWriteArrayList<>();
        Timer fast = Timer.builder().name("fast").eventId("fast-tick").interval(secs(10)).scheduler(time).build();
        Timer slow = Timer.builder().name("slow").eventId("slow-tick").interval(secs(25)).scheduler(time).build();
        Controller c = Controller.builder("two-timers").adapter(fast).adapter(slow)
                .on("fast-tick", s -> ids.add(s.eventId()))
                .on("slow-tick", s -> ids.add(s.eventId())).build();
        controllers.add(c);
        c.run();
        time.advance(secs(100));
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(10, ids.stream().filter("fast-tick"::equals).count());
        assertEquals(4, ids.stream().filter("slow-tick"::equals).count());
        assertSame(fast, c.adapters().get("fast").orElseThrow());
        assertSame(slow, c.adapters().get("slow").orElseThrow());
        assertEquals(List.of("fast-tick", "fast-tick", "slow-tick"), ids.subList(0, 3));
    }

    @Test
    void ticksSurviveTheWrapAroundOfTheClock() {
        VirtualTimeScheduler wrapping = new VirtualTimeScheduler(Long.MAX_VALUE - 25_000_000_000L);
        Timer timer = Timer.builder().interval(TEN).scheduler(wrapping).build();
        controllerWith(timer).run();
        wrapping.advance(secs(100));
        assertEquals(10, timer.ticks());
    }

    @Test
    void dispatchLaterDeliversOnceAfterTheDelayUnlessCancelled() {
        Controller c = controllerWith();
        c.run();
        time.dispatchLater(c, SystemEvent.TIMING, "late", secs(5));
        ScheduledAction cancelled = time.dispatchLater(c, SystemEvent.TIMING, "never", secs(5));
        assertTrue(cancelled.cancel());
        time.advance(secs(4));
        assertEquals(0, handledTicks(c));
        time.advance(secs(1));
        time.advance(secs(100));
        assertEquals(1, handledTicks(c));
        assertEquals(List.of("late"), List.copyOf(seen));
        assertTrue(cancelled.isCancelled());
    }

    @Test
    void dispatchLaterToAClosedControllerIsDroppedQuietly() {
        Controller c = controllerWith();
        c.run();
        ScheduledAction a = time.dispatchLater(c, "x", null, secs(1));
        c.shutdown();
        assertTrue(c.awaitTermination(WAIT));
        assertEquals(1, time.advance(secs(1)));
        assertTrue(a.isDone());
        assertFalse(a.isCancelled());
    }
}
