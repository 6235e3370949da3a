package dev.eventdriven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ExecutorGroup;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A shared controller's idle flag: a turn that announced idleness and then saw work takes the flag
 * back only if nobody took it since. The turns are handed to a queue the test runs by hand, so the
 * interleaving that a stress test meets once in thousands of rounds is laid out step by step.
 */
@Timeout(30)
class IdleFlagTest {

    private final ArrayDeque<Runnable> handedIn = new ArrayDeque<>();
    private final ExecutorGroup group = ExecutorGroup.on("by-hand", handedIn::add);

    @Test
    void aTurnCannotTakeBackAFlagThatAnotherTurnTookAndAnnouncedAgain() {
        AtomicInteger handled = new AtomicInteger();
        LoopController c = (LoopController) Controller.builder("flag").executor(group)
                .on("ev", s -> {
                    handled.incrementAndGet();
                }).build();
        c.run();
        assertTrue(c.isParked(), "idle after run() with nothing queued");

        c.dispatch("ev", 1); // a producer takes the flag and hands a turn in
        assertFalse(c.isParked());
        assertEquals(1, handedIn.size());
        // The turn (played here) announces idleness and is about to look at its queue again...
        int announced = c.markParked();
        // ...when a producer takes the flag, and that turn runs and goes idle again, announcing anew.
        c.dispatch("ev", 2);
        assertEquals(2, handedIn.size());
        handedIn.removeLast().run();
        assertEquals(2, handled.get());
        assertTrue(c.isParked());

        assertFalse(c.unmarkParked(announced), "the first turn's announcement was taken: it must end");
        assertTrue(c.isParked(), "the later announcement stands");
        handedIn.clear(); // the first turn, which ended

        c.dispatch("ev", 3); // the controller is still schedulable: one new turn
        assertEquals(1, handedIn.size());
        handedIn.removeFirst().run();
        assertEquals(3, handled.get());
        assertEquals(3, c.stats().handled());
        stop(c);
    }

    @Test
    void aTurnTakesItsOwnAnnouncementBackWhenNobodyTookIt() {
        LoopController c = (LoopController) Controller.builder("own").executor(group).build();
        c.run();
        c.dispatch("ev", 1);
        int announced = c.markParked();
        assertTrue(c.isParked());
        assertTrue(c.unmarkParked(announced));
        assertFalse(c.isParked());
        assertFalse(c.unmarkParked(announced), "taken back once");
        assertFalse(c.wakeIfParked(), "not parked: no producer hands a turn in");
        assertEquals(1, handedIn.size());
        stop(c);
    }

    private void stop(LoopController c) {
        c.shutdown();
        while (!handedIn.isEmpty()) {
            handedIn.removeFirst().run();
        }
        assertTrue(c.awaitTermination(Duration.ofSeconds(5)));
    }
}
