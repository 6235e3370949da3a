package dev.eventdriven;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.jfr.BlockedLoopEvent;
import dev.eventdriven.jfr.BridgeDecodeFailedEvent;
import dev.eventdriven.jfr.EventHandledEvent;
import dev.eventdriven.jfr.HandlerFailedEvent;
import dev.eventdriven.jfr.OverflowEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Flight Recorder events a controller emits, recorded with {@code jdk.jfr.Recording} and read back
 * from the file: what was handled (and how long it waited and ran), what failed, what overflowed, what
 * blocked the loop; and the decode-failure event other modules emit.
 */
@Timeout(60)
class FlightRecorderEventsTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    /** Runs for at least {@code millis} on the CPU (a handler that takes time without sleeping). */
    private static long busy(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        return spins;
    }

    private static List<RecordedEvent> handledOf(FlightRecording r, String controller) {
        return r.events(EventHandledEvent.NAME).stream()
                .filter(e -> controller.equals(e.getString("controller"))).toList();
    }

    @Test
    void aHandledEventCarriesTheControllerTheEventIdTheQueueWaitAndTheHandlerTime() {
        try (FlightRecording r = FlightRecording.of(EventHandledEvent.NAME)) {
            Controller c = controllers.keep(Controller.builder("recorded").on("work", s -> busy(5)).build());
            c.run(null, true);
            c.dispatch("work", 1);
            c.resume();
            assertTrue(c.awaitDrained(TestControllers.WAIT));

            List<RecordedEvent> handled = handledOf(r, "recorded");
            assertEquals(1, handled.size(), handled.toString());
            RecordedEvent e = handled.get(0);
            assertEquals("work", e.getString("eventId"));
            assertFalse(e.getBoolean("failed"));
            assertTrue(e.getDuration().compareTo(Duration.ofMillis(5)) >= 0, "the handler time: " + e.getDuration());
            assertTrue(e.getDuration("queueWait").toNanos() >= 0, "the dispatch was timed: " + e.getDuration("queueWait"));
            assertEquals("recorded-loop", e.getThread().getJavaName());
        }
    }

    @Test
    void theDefaultThresholdKeepsFastEventsOutOfADefaultRecording() {
        try (FlightRecording r = FlightRecording.withDefaults(EventHandledEvent.NAME)) {
            Controller c = controllers.run(Controller.builder("defaults")
                    .on("fast", s -> 1)
                    .on("slow", s -> busy(15)));
            for (int i = 0; i < 100; i++) {
                c.dispatch("fast", i);
            }
            c.dispatch("slow");
            assertTrue(c.awaitDrained(TestControllers.WAIT));

            List<RecordedEvent> handled = handledOf(r, "defaults");
            assertEquals(List.of("slow"), handled.stream().map(e -> e.getString("eventId")).toList());
        }
    }

    @Test
    void aFailingHandlerIsRecordedWithItsExceptionAndTheHandledEventSaysItFailed() {
        try (FlightRecording r = FlightRecording.of(EventHandledEvent.NAME, HandlerFailedEvent.NAME)) {
            Controller c = controllers.run(Controller.builder("failing")
                    .errorHandler(f -> { })
                    .on("bad", s -> {
                        throw new IllegalStateException("boom");
                    }));
            c.dispatch("bad");
            assertTrue(c.awaitDrained(TestControllers.WAIT));

            List<RecordedEvent> failures = r.events(HandlerFailedEvent.NAME).stream()
                    .filter(e -> "failing".equals(e.getString("controller"))).toList();
            assertEquals(1, failures.size(), failures.toString());
            RecordedEvent f = failures.get(0);
            assertEquals("bad", f.getString("eventId"));
            assertEquals(IllegalStateException.class.getName(), f.getString("exception"));
            assertEquals("boom", f.getString("message"));
            assertTrue(f.getString("handler").contains("FlightRecorderEventsTest"), f.getString("handler"));
            assertTrue(handledOf(r, "failing").get(0).getBoolean("failed"));
        }
    }

    @Test
    void rejectedAndDroppedDispatchesAreRecordedWithTheDispatchersStack() {
        try (FlightRecording r = FlightRecording.of(OverflowEvent.NAME)) {
            Controller failing = controllers.keep(Controller.builder("full-fail").queueCapacity(1)
                    .overflowPolicy(OverflowPolicy.FAIL).on("e", s -> 1).build());
            failing.run(null, true);
            failing.dispatch("e", 1);
            assertThrows(RejectedEventException.class, () -> failing.dispatch("e", 2));
            Controller dropping = controllers.keep(Controller.builder("full-drop").queueCapacity(1)
                    .overflowPolicy(OverflowPolicy.DROP_NEWEST).on("e", s -> 1).build());
            dropping.run(null, true);
            dropping.dispatch("e", 1);
            dropping.dispatch("e", 2);
            Controller closed = controllers.run(Controller.builder("closed").on("e", s -> 1));
            closed.shutdown();
            assertTrue(closed.awaitTermination(TestControllers.WAIT));
            assertThrows(ControllerClosedException.class, () -> closed.dispatch("late"));

            List<RecordedEvent> overflows = r.events(OverflowEvent.NAME);
            RecordedEvent fail = only(overflows, "full-fail");
            assertEquals(OverflowEvent.REJECTED, fail.getString("action"));
            assertEquals("queue full (FAIL)", fail.getString("reason"));
            assertEquals(1, fail.getLong("capacity"));
            assertEquals("e", fail.getString("eventId"));
            assertTrue(fail.getStackTrace().getFrames().stream().anyMatch(fr -> fr.getMethod().getName()
                    .contains("rejectedAndDroppedDispatchesAreRecorded")), "the dispatcher's stack");
            RecordedEvent drop = only(overflows, "full-drop");
            assertEquals(OverflowEvent.DROPPED, drop.getString("action"));
            RecordedEvent late = only(overflows, "closed");
            assertEquals(OverflowEvent.REJECTED, late.getString("action"));
            assertEquals("closed (TERMINATED)", late.getString("reason"));
            assertEquals("late", late.getString("eventId"));
            assertEquals(-1, late.getLong("capacity"), "unbounded");
        }
    }

    private static RecordedEvent only(List<RecordedEvent> events, String processor) {
        List<RecordedEvent> of = events.stream().filter(e -> processor.equals(e.getString("processor"))).toList();
        assertEquals(1, of.size(), of.toString());
        return of.get(0);
    }

    @Test
    void aBlockedLoopIsRecordedWithTheTopOfTheBlockedStack() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (FlightRecording r = FlightRecording.of(BlockedLoopEvent.NAME)) {
            Controller c = controllers.run(Controller.builder("stuck").blockedLoopThreshold(Duration.ofMillis(100))
                    .on("wait", s -> release.await(20, TimeUnit.SECONDS)));
            c.dispatch("wait");
            await().atMost(Duration.ofSeconds(10)).until(() -> c.stats().blocked() == 1);
            release.countDown();
            assertTrue(c.awaitDrained(TestControllers.WAIT));

            List<RecordedEvent> blocked = r.events(BlockedLoopEvent.NAME).stream()
                    .filter(e -> "stuck".equals(e.getString("controller"))).toList();
            assertEquals(1, blocked.size(), blocked.toString());
            RecordedEvent b = blocked.get(0);
            assertEquals("wait", b.getString("eventId"));
            assertEquals("stuck-loop", b.getString("loopThread"));
            assertEquals(Duration.ofMillis(100), b.getDuration("threshold"));
            assertTrue(b.getDuration("blockedFor").compareTo(Duration.ofMillis(100)) >= 0);
            assertTrue(b.getString("stackTop").contains("CountDownLatch.await"), b.getString("stackTop"));
        }
    }

    @Test
    void aBridgesDecodeFailureIsRecordedWithWhereItCameFrom() {
        try (FlightRecording r = FlightRecording.of(BridgeDecodeFailedEvent.NAME)) {
            BridgeDecodeFailedEvent.emit("nats", "orders", "eventdriven.orders.in", 42,
                    new IllegalArgumentException("unknown type tag 7"));

            List<RecordedEvent> failures = r.events(BridgeDecodeFailedEvent.NAME);
            assertEquals(1, failures.size());
            RecordedEvent f = failures.get(0);
            assertEquals("nats", f.getString("bridge"));
            assertEquals("orders", f.getString("endpoint"));
            assertEquals("eventdriven.orders.in", f.getString("channel"));
            assertEquals(42, f.getLong("size"));
            assertEquals(IllegalArgumentException.class.getName(), f.getString("exception"));
            assertEquals("unknown type tag 7", f.getString("message"));
        }
    }
}
