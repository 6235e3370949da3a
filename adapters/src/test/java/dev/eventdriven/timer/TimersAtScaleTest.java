package dev.eventdriven.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ExecutorGroup;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.adapter.Adapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Timers by the thousand: a {@link TimerSet} of many phased timers on one controller, the first delay
 * of a {@link Timer}, timers installed into and removed from a running controller, and linear-time
 * installs. On virtual time, so counts are exact.
 */
@Timeout(60)
class TimersAtScaleTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final VirtualTimeScheduler time = new VirtualTimeScheduler();
    private final List<Controller> made = new ArrayList<>();
    private final List<ExecutorGroup> groups = new ArrayList<>();

    @AfterEach
    void stop() {
        made.forEach(Controller::shutdownNow);
        groups.forEach(ExecutorGroup::shutdown);
    }

    private Controller track(Controller c) {
        made.add(c);
        return c;
    }

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    @Test
    void tenThousandPhasedTimersInOneSetTickExactlyOnAControllerOnASharedGroup() {
        ExecutorGroup g = ExecutorGroup.builder("ticks").size(1).daemon(true).build();
        groups.add(g);
        TimerSet set = TimerSet.create("set", time);
        AtomicLong ticks = new AtomicLong();
        long[] perTimer = new long[10_000];
        Controller c = track(Controller.builder("many").executor(g).adapter(set)
                .on("tick", Integer.class, i -> {
                    perTimer[i]++;
                    ticks.incrementAndGet();
                }).build());
        for (int i = 0; i < 5_000; i++) {
            set.every("tick", ms(10), ms(i % 10), i); // before run(): the phase counts from the start
        }
        c.run();
        for (int i = 5_000; i < 10_000; i++) {
            set.every("tick", ms(10), ms(i % 10), i);
        }
        assertEquals(10_000, set.size());

        // Phases 0..9 ms, every 10 ms: in 100 ms each timer ticks 10 times (at phase, +10, ..., +90).
        time.advance(ms(99));
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(100_000, ticks.get());
        for (long n : perTimer) {
            assertEquals(10, n);
        }
        assertEquals(100_000, set.ticks());
        assertEquals(0, set.missedTicks());
    }

    @Test
    void aSetFollowsSuspendCancelAndShutdown() {
        TimerSet set = TimerSet.create("set", time);
        List<Object> seen = new CopyOnWriteArrayList<>();
        Controller c = track(Controller.builder("follow").adapter(set).on("a", s -> seen.add("a"))
                .on("b", s -> seen.add("b")).build());
        c.run();
        TimerSet.Entry a = set.every("a", ms(10));
        set.every("b", ms(10), ms(5), null);

        time.advance(ms(20)); // a at 10, 20; b at 5, 15
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(List.of("b", "a", "b", "a"), seen);

        assertTrue(a.cancel());
        assertFalse(a.cancel());
        time.advance(ms(10)); // b at 25
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(5, seen.size());

        c.suspend();
        time.advance(ms(100)); // nothing while suspended; the slots are dropped
        c.resume();
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(5, seen.size());
        time.advance(ms(10));
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(6, seen.size());

        c.shutdown();
        assertTrue(c.awaitTermination(WAIT));
        time.advance(ms(100));
        assertEquals(6, seen.size());
        assertThrows(IllegalStateException.class, () -> set.every("a", ms(10)));
    }

    @Test
    void aTimerWithAFirstDelayTicksThenAndEveryIntervalAfter() {
        List<Long> at = new CopyOnWriteArrayList<>();
        Timer phased = Timer.builder().interval(ms(10)).firstDelay(ms(3)).scheduler(time).build();
        Timer now = Timer.builder().name("now").eventId("now").interval(ms(10)).firstDelay(Duration.ZERO)
                .scheduler(time).build();
        Controller c = track(Controller.builder("phased").adapter(phased).adapter(now)
                .on(SystemEvent.TIMING, s -> at.add(time.elapsed().toMillis()))
                .on("now", s -> at.add(-time.elapsed().toMillis())).build());
        c.run();
        time.advance(ms(25));
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(3, phased.ticks());
        assertEquals(3, now.ticks()); // 0, 10, 20
        assertThrows(IllegalArgumentException.class, () -> Timer.builder().firstDelay(ms(-1)));
    }

    @Test
    void aTimerIsInstalledIntoARunningControllerAndRemovedFromIt() {
        AtomicLong ticks = new AtomicLong();
        Controller c = track(Controller.builder("dynamic").on(SystemEvent.TIMING, s -> ticks.incrementAndGet())
                .build());
        c.run();
        Timer timer = Timer.builder().interval(ms(10)).scheduler(time).build();
        c.adapters().install(timer);
        assertTrue(c.adapters().all().contains(timer));

        time.advance(ms(30));
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(3, ticks.get());

        assertTrue(c.adapters().uninstall(timer));
        assertFalse(c.adapters().uninstall(timer));
        assertFalse(c.adapters().all().contains(timer));
        time.advance(ms(30));
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(3, ticks.get());
        assertTrue(timer.isClosed());
    }

    @Test
    void anAdapterThatIsNotDynamicIsRefusedOnARunningController() {
        Controller c = track(Controller.builder("static").build());
        c.run();
        Adapter plain = new Adapter() { };
        IllegalControllerStateException e = assertThrows(IllegalControllerStateException.class,
                () -> c.adapters().install(plain));
        assertTrue(e.getMessage().contains("not dynamic"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.adapters().uninstall(plain));
        c.shutdown();
        assertTrue(c.awaitTermination(WAIT));
        assertThrows(IllegalControllerStateException.class,
                () -> c.adapters().install(Timer.builder().interval(ms(10)).scheduler(time).build()));
    }

    @Test
    void aHundredThousandTimersInstallInLinearTime() {
        var b = Controller.builder("installs").on(SystemEvent.TIMING, s -> { });
        Controller c = track(b.build());
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            c.adapters().install(Timer.builder().name("t" + i).interval(ms(100)).scheduler(time).build());
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(100_000, c.adapters().all().size());
        // Quadratic (a copy-on-write list) took seconds here; linear takes tens of milliseconds.
        assertTrue(tookMs < 20_000, tookMs + " ms");
        c.run();
        time.advance(ms(100));
        assertTrue(c.awaitDrained(WAIT));
        assertEquals(100_000, c.stats().handled());
    }
}
