package dev.eventdriven.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.Event;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.timer.TimerSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@link TimerSet} hands the ticks of one wake-up to its controller as one queue entry, at most one
 * wake-up per resolution: seen on the kit, where the clock and the loop are moved separately.
 */
@Timeout(30)
class TimerSetBatchesTest {

    private static final Duration TEN_MS = Duration.ofMillis(10);
    private final TestKit kit = TestKit.create();

    @AfterEach
    void closeKit() {
        kit.close();
    }

    private static Duration micros(long n) {
        return Duration.ofNanos(n * 1_000);
    }

    private TimerSet set(Duration resolution) {
        return TimerSet.builder().name("set").scheduler(kit.clock()).resolution(resolution).build();
    }

    @Test
    void theTicksOfAWakeUpAreOneQueueEntry() {
        TimerSet set = set(TimerSet.DEFAULT_RESOLUTION);
        List<Object> seen = new ArrayList<>();
        // Capacity 1 with FAIL: 100 ticks one by one would be refused but for the first.
        Controller c = kit.start(Controller.builder("one-entry").adapter(set).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.FAIL).on("tick", s -> seen.add(s.value())));
        for (int i = 0; i < 100; i++) {
            set.every("tick", TEN_MS, Duration.ofMillis(5), i);
        }

        kit.clock().advance(Duration.ofMillis(5)); // the wake-up, not the loop
        assertEquals(1, c.stats().queued());
        assertEquals(100, set.ticks());
        assertEquals(0, set.missedTicks());

        assertEquals(100, kit.runAll());
        assertEquals(100, seen.size());
        assertEquals(100, c.stats().handled(), "each tick is a handled event");
        assertEquals(100, kit.recording(c).events("tick").size(), "the recording sees each tick");
    }

    @Test
    void aWakeUpTakesEveryTickDueAndTheNextComesNoSoonerThanTheResolution() {
        TimerSet set = set(Duration.ofMillis(1));
        Map<Object, Long> at = new LinkedHashMap<>();
        kit.start(Controller.builder("coalesced").adapter(set)
                .on("tick", s -> at.put(s.value(), kit.clock().elapsed().toNanos() / 1_000)));
        for (int i = 1; i <= 10; i++) {
            set.every("tick", TEN_MS, micros(200L * i), i); // due at 0.2, 0.4, ..., 2.0 ms
        }

        kit.advance(Duration.ofMillis(3));

        // 0.2 wakes; the next wake-up is 1 ms later (1.2) and takes 0.4..1.2; the next at 2.2 the rest.
        Map<Object, Long> expected = new LinkedHashMap<>();
        expected.put(1, 200L);
        for (int i = 2; i <= 6; i++) {
            expected.put(i, 1_200L);
        }
        for (int i = 7; i <= 10; i++) {
            expected.put(i, 2_200L);
        }
        assertEquals(expected, at, "in deadline order, late by less than the resolution, never early");
        assertEquals(0, set.missedTicks());
    }

    @Test
    void resolutionZeroWakesAtEachDeadline() {
        TimerSet set = set(Duration.ZERO);
        Map<Object, Long> at = new LinkedHashMap<>();
        kit.start(Controller.builder("exact").adapter(set)
                .on("tick", s -> at.put(s.value(), kit.clock().elapsed().toNanos() / 1_000)));
        for (int i = 1; i <= 5; i++) {
            set.every("tick", TEN_MS, micros(200L * i), i);
        }

        kit.advance(Duration.ofMillis(1));

        assertEquals(Map.of(1, 200L, 2, 400L, 3, 600L, 4, 800L, 5, 1_000L), at);
        assertEquals(Duration.ZERO, set.resolution());
    }

    @Test
    void aCancelledEntryLosesTheTicksTakenAlreadyButNotRun() {
        TimerSet set = set(TimerSet.DEFAULT_RESOLUTION);
        List<Object> seen = new ArrayList<>();
        kit.start(Controller.builder("cancelling").adapter(set).on("tick", s -> seen.add(s.value())));
        TimerSet.Entry a = set.every("tick", TEN_MS, TEN_MS, "a");
        set.every("tick", TEN_MS, TEN_MS, "b");

        kit.clock().advance(TEN_MS); // both taken into one batch, queued
        assertTrue(a.cancel());
        kit.runAll();

        assertEquals(List.of("b"), seen);
        kit.advance(TEN_MS);
        assertEquals(List.of("b", "b"), seen);
    }

    @Test
    void aHandlerThatCancelsAnEntryStopsItsTickInTheSameBatch() {
        TimerSet set = set(Duration.ofMillis(1));
        List<Object> seen = new ArrayList<>();
        TimerSet.Entry[] victim = new TimerSet.Entry[1];
        kit.start(Controller.builder("self-cancelling").adapter(set).on("tick", s -> {
            seen.add(s.value());
            if ("killer".equals(s.value())) {
                victim[0].cancel();
            }
        }));
        set.every("tick", TEN_MS, micros(100), "opener"); // wakes at 0.1; the next wake-up is at 1.1
        set.every("tick", TEN_MS, micros(500), "killer");
        victim[0] = set.every("tick", TEN_MS, micros(900), "victim"); // in the batch of 1.1, after the killer

        kit.advance(Duration.ofMillis(2));
        assertEquals(List.of("opener", "killer"), seen);
        assertEquals(2, set.size());

        kit.advance(Duration.ofMillis(30));
        assertTrue(seen.stream().noneMatch("victim"::equals), seen.toString());
    }

    @Test
    void shutdownNowHandsBackTheTicksOfAQueuedBatch() {
        TimerSet set = set(TimerSet.DEFAULT_RESOLUTION);
        Controller c = kit.start(Controller.builder("handing-back").adapter(set).on("tick", s -> { }));
        set.every("tick", TEN_MS, TEN_MS, 1);
        set.every("tick", TEN_MS, TEN_MS, 2);
        kit.clock().advance(TEN_MS);

        List<Event> back = c.shutdownNow();

        assertEquals(List.of(1, 2), back.stream().map(Event::value).sorted().toList());
        assertEquals(0, c.stats().handled());
    }

    @Test
    void aRefusedBatchCountsEachOfItsTicksAsMissedAndTheSetGoesOn() {
        TimerSet set = set(TimerSet.DEFAULT_RESOLUTION);
        Controller c = kit.start(Controller.builder("bounded").adapter(set).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.FAIL).on("filler", s -> { }).on("tick", s -> { }));
        set.every("tick", TEN_MS, TEN_MS, 1);
        set.every("tick", TEN_MS, TEN_MS, 2);
        set.every("tick", TEN_MS, TEN_MS, 3);
        c.dispatch("filler");
        assertThrows(RejectedEventException.class, () -> c.dispatch("filler"));

        kit.clock().advance(TEN_MS); // the batch is refused: the loop has not run
        assertEquals(0, set.ticks());
        assertEquals(3, set.missedTicks());

        kit.advance(TEN_MS); // the filler runs, then the next wake-up's batch
        assertEquals(3, set.ticks());
        assertEquals(List.of("filler", "tick", "tick", "tick"),
                kit.recording(c).events().stream().map(HandledEvent::eventId).toList());
    }

    @Test
    void aSuspensionDropsTheSlotsAndABatchQueuedBeforeItRunsAfter() {
        TimerSet set = set(TimerSet.DEFAULT_RESOLUTION);
        List<Long> at = new ArrayList<>();
        Controller c = kit.start(Controller.builder("suspending").adapter(set)
                .on("tick", s -> at.add(kit.clock().elapsed().toMillis())));
        set.every("tick", TEN_MS);

        kit.clock().advance(TEN_MS); // a batch queued at 10
        c.suspend();
        kit.advance(Duration.ofMillis(45)); // nothing while suspended
        assertEquals(List.of(), at);
        c.resume();
        kit.advance(Duration.ofMillis(10)); // the queued tick, then the grid's next slot (60)

        assertEquals(List.of(55L, 60L), at);
        assertEquals(4, set.missedTicks(), "20, 30, 40 and 50 were dropped");
    }
}
