package dev.eventdriven.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerState;
import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.HandlerFailure;
import dev.eventdriven.Pending;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.pool.ControllerPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test kit: handlers on the test's thread, one event at a time, on one virtual clock. */
@Timeout(30)
class TestKitTest {

    private final TestKit kit = TestKit.create();
    private final Thread testThread = Thread.currentThread();

    @AfterEach
    void closeKit() {
        kit.close();
    }

    @Test
    void nothingRunsUntilTheTestSaysThenOneEventAtATimeInArrivalOrder() {
        List<String> log = new ArrayList<>();
        Controller a = kit.start(Controller.builder("a").on("x", s -> log.add("a" + s.value())));
        Controller b = kit.start(Controller.builder("b").on("x", s -> {
            assertTrue(Thread.currentThread() == testThread);
            log.add("b" + s.value());
        }));
        a.dispatch("x", 1);
        b.dispatch("x", 2);
        a.dispatch("x", 3);
        assertEquals(List.of(), log);

        assertTrue(kit.runNext());
        assertEquals(List.of("a1"), log);
        assertTrue(kit.runNext());
        assertEquals(List.of("a1", "b2"), log);
        assertEquals(1, kit.runAll());
        assertEquals(List.of("a1", "b2", "a3"), log);
        assertFalse(kit.runNext());
        kit.recording(a).assertHandled("x", "x");
        kit.recording(b).assertHandled("x");
    }

    @Test
    void aBlockingWaitOnTheTestsThreadRunsTheTurnsItNeeds() {
        Controller c = kit.start(Controller.builder("c").on("greet", String.class, n -> "hello " + n));

        assertEquals("hello Ada", c.request("greet", "Ada", String.class).await(Duration.ofSeconds(1)));
        assertTrue(c.awaitIdle(Duration.ofSeconds(1)));
        c.close();
        assertEquals(ControllerState.TERMINATED, c.state());
        kit.recording(c).assertHandled("greet", SystemEvent.SHUTDOWN);
        assertEquals(List.of("hello Ada"), kit.recording(c).returnsOf("greet"));
    }

    @Test
    void advanceFiresTimersAndDelayedDispatchesInDeadlineOrderWithTheClockAtEachDeadline() {
        List<String> log = new ArrayList<>();
        Controller c = kit.start(Controller.builder("timed")
                .adapter(kit.every(Duration.ofMillis(10)))
                .on(SystemEvent.TIMING, s -> log.add("tick@" + kit.clock().elapsed().toMillis()))
                .on("later", s -> log.add("later@" + kit.clock().elapsed().toMillis())));
        kit.clock().dispatchLater(c, "later", null, Duration.ofMillis(15));

        int handled = kit.advance(Duration.ofMillis(30));

        assertEquals(List.of("tick@10", "later@15", "tick@20", "tick@30"), log);
        assertEquals(4, handled);
        assertEquals(30, kit.clock().elapsed().toMillis());
    }

    @Test
    void theErrorPathIsARealControllersAndIsRecorded() {
        List<HandlerFailure> errors = new ArrayList<>();
        Controller c = kit.start(Controller.builder("failing")
                .on("bad", s -> {
                    throw new IllegalStateException("boom");
                })
                .on(SystemEvent.ERROR, HandlerFailure.class, errors::add)
                .errorPolicy(ErrorPolicy.SHUTDOWN));
        Pending<List<Object>> p = c.request("bad");
        kit.runAll();

        EventFailedException e = assertThrows(EventFailedException.class, () -> p.await(Duration.ofSeconds(1)));
        assertEquals("boom", e.getCause().getMessage());
        assertEquals(1, errors.size());
        assertEquals("boom", kit.recording(c).assertFailed("bad", IllegalStateException.class).getMessage());
        assertEquals(ControllerState.TERMINATED, c.state()); // the SHUTDOWN policy ran
        AssertionError none = assertThrows(AssertionError.class, () -> kit.recording(c).assertNoFailures());
        assertTrue(none.getMessage().contains("boom"), none.getMessage());
    }

    @Test
    void hooksContextsAndSkipBehaveAsOnARealController() {
        Controller c = kit.start(Controller.builder("hooks").globalContext("who", "global")
                .before(s -> {
                    if ("skip-me".equals(s.value())) {
                        s.skip();
                    }
                })
                .on("x", s -> { return s.get("who"); }));
        Pending<List<Object>> global = c.request("x", "v");
        Pending<List<Object>> event = c.request("x", "v", Map.of("who", "event"));
        Pending<List<Object>> skipped = c.request("x", "skip-me");
        kit.runAll();

        assertEquals(List.of("global"), global.join());
        assertEquals(List.of("event"), event.join());
        assertEquals(List.of(), skipped.join());
        kit.recording(c).assertHandled("x", "x", "x");
        assertEquals(null, kit.recording(c).events().get(2).returns()); // skipped before its AFTER hooks
    }

    @Test
    void aPoolRunsOnTheKitAndItsListenersGetTheirPackets() {
        ControllerPool pool = kit.start(ControllerPool.builder("pool").size(2).on("job", Integer.class, i -> {
            return i * 2;
        }));
        ForwardedPackets audit = kit.listen(pool, List.of("job"));
        List<Pending<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(pool.request("job", i, Integer.class));
        }
        kit.runAll();

        for (int i = 0; i < 5; i++) {
            assertEquals(i * 2, results.get(i).join());
        }
        audit.assertForwarded("job", "job", "job", "job", "job");
        assertEquals(5, kit.recording(pool).events("job").size());
    }

    @Test
    void aTurnDuringWhichTheVirtualClockMovesPastTheThresholdIsReportedAsBlocked() {
        kit.blockedLoopThreshold(Duration.ofSeconds(1));
        Controller c = kit.start(Controller.builder("slow").on("slow", s -> {
            kit.clock().jump(Duration.ofSeconds(2)); // a slow call, on virtual time
        }).on("fast", s -> { }));
        c.dispatch("fast");
        c.dispatch("slow");
        kit.runAll();

        assertEquals(1, kit.blockedTurns().size());
        assertTrue(kit.blockedTurns().get(0).startsWith("turn of 'slow' took PT2S"), kit.blockedTurns().toString());
    }

    @Test
    void aHandlerWaitingForAnotherControllerOfTheKitGetsItsAnswerAndKeepsItsSession() {
        Controller b = kit.start(Controller.builder("b").on("twice", Integer.class, i -> { return i * 2; }));
        Controller a = kit.start(Controller.builder("a").on("ask", Integer.class, i -> {
            Integer answer = b.request("twice", i, Integer.class).await(Duration.ofSeconds(1)); // runs b's turn here
            return answer + ":" + dev.eventdriven.Session.current().controller().name();
        }));
        Pending<String> result = a.request("ask", 21, String.class);
        kit.runAll();

        assertEquals("42:a", result.join());
        kit.recording(b).assertHandled("twice");
    }

    @Test
    void aProcessorNotBuiltByTheKitHasNoRecording() {
        Controller other = Controller.builder("other").build();
        assertThrows(IllegalArgumentException.class, () -> kit.recording(other));
        other.shutdown();
    }
}
