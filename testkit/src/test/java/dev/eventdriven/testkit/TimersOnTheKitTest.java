package dev.eventdriven.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerState;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.timer.MissedTickPolicy;
import dev.eventdriven.timer.Timer;
import dev.eventdriven.timer.TimerSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Timer behaviour that depends on where the loop is when a tick comes: on the kit the loop is held
 * simply by not running it, so these need no latches and no second thread (they were written with
 * both before the kit).
 */
@Timeout(30)
class TimersOnTheKitTest {

    private static final Duration TEN = Duration.ofSeconds(10);
    private final TestKit kit = TestKit.create();

    @AfterEach
    void closeKit() {
        kit.close();
    }

    private Timer timer() {
        return Timer.builder().interval(TEN).missedTickPolicy(MissedTickPolicy.FIRE_ONCE).scheduler(kit.clock())
                .build();
    }

    @Test
    void aTickToAClosingControllerStopsTheTimer() {
        Timer timer = timer();
        Controller c = kit.start(Controller.builder("closing").adapter(timer).on("hold", s -> { }));
        c.dispatch("hold");
        c.shutdown(); // SHUTTING_DOWN, "hold" not run yet: dispatches are refused, closing() not called yet

        kit.clock().advance(TEN); // the tick only, no turn
        assertTrue(timer.isClosed());
        assertEquals(0, timer.ticks());
        assertEquals(0, kit.clock().scheduledCount());

        kit.runAll();
        assertEquals(ControllerState.TERMINATED, c.state());
        kit.recording(c).assertHandled("hold", SystemEvent.SHUTDOWN);
    }

    @Test
    void aTickRefusedByAFullQueueIsCountedAsMissedAndTheTimerGoesOn() {
        Timer timer = timer();
        Controller c = kit.start(Controller.builder("bounded").adapter(timer).queueCapacity(2)
                .overflowPolicy(OverflowPolicy.FAIL)
                .on("filler", s -> { })
                .on(SystemEvent.TIMING, s -> { }));
        c.dispatch("filler");
        c.dispatch("filler");
        assertThrows(RejectedEventException.class, () -> c.dispatch("filler"));

        kit.clock().advance(TEN); // refused: the loop has not run
        assertEquals(0, timer.ticks());
        assertEquals(1, timer.missedTicks());

        kit.advance(TEN); // the fillers run first, then the next tick comes and is handled
        assertEquals(1, timer.ticks());
        kit.recording(c).assertHandled("filler", "filler", SystemEvent.TIMING);
    }

    @Test
    void ticksOfATimerSetAndOfTimersInterleaveInDeadlineOrder() {
        List<String> log = new ArrayList<>();
        TimerSet set = TimerSet.create("set", kit.clock());
        Controller c = kit.start(Controller.builder("mixed").adapter(set)
                .adapter(Timer.builder().eventId("t").interval(Duration.ofMillis(7)).scheduler(kit.clock()).build())
                .on("s", s -> log.add("s" + s.value() + "@" + kit.clock().elapsed().toMillis()))
                .on("t", s -> log.add("t@" + kit.clock().elapsed().toMillis())));
        set.every("s", Duration.ofMillis(5), Duration.ofMillis(5), 1);
        set.every("s", Duration.ofMillis(5), Duration.ofMillis(2), 2);

        kit.advance(Duration.ofMillis(14));

        // Equal deadlines (7 ms) fire in scheduling order: the timer scheduled its tick before the set did.
        assertEquals(List.of("s2@2", "s1@5", "t@7", "s2@7", "s1@10", "s2@12", "t@14"), log);
        assertEquals(7, kit.recording(c).events().size());
    }
}
