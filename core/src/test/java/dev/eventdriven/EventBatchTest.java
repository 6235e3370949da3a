package dev.eventdriven;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.adapter.EventBatch;
import dev.eventdriven.mapping.MappingBlueprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A batch of events is one queue entry; the loop handles each of its events as an event of its own:
 * mapping, hooks, OTHER, listeners, error path, stats, observers and hand-back.
 */
@Timeout(60)
class EventBatchTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    /** An adapter that keeps its context, to dispatch batches. */
    static final class Batching implements Adapter {
        AdapterContext context;

        @Override
        public void setup(AdapterContext context) {
            this.context = context;
        }
    }

    /** A batch of fixed events; counts its drains and what its sink refused to go on with. */
    static final class Fixed implements EventBatch {
        final List<Object[]> events = new ArrayList<>();
        final AtomicInteger drains = new AtomicInteger();
        volatile int handedOver;

        Fixed add(Object id, Object value) {
            events.add(new Object[] {id, value});
            return this;
        }

        @Override
        public void drainTo(Sink sink) {
            drains.incrementAndGet();
            int n = 0;
            for (Object[] e : events) {
                n++;
                if (!sink.accept(e[0], e[1])) {
                    break;
                }
            }
            handedOver = n;
        }
    }

    @Test
    void eachEventOfABatchRunsThroughTheMappingAndTheHooks() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Batching b = new Batching();
        Controller c = controllers.run(Controller.builder("batched").adapter(b)
                .mapping(new MappingBlueprint()
                        .before(s -> calls.add("before " + s.originEventId()))
                        .after(s -> calls.add("after " + s.returns()))
                        .other(s -> calls.add("other " + s.originEventId() + "=" + s.value())))
                .on("a", s -> { calls.add("a=" + s.value()); return "ra"; })
                .on("b", s -> { calls.add("b=" + s.value()); return "rb"; }));

        Fixed batch = new Fixed().add("a", 1).add("nobody", 2).add("b", 3);
        b.context.dispatchBatch(batch);
        assertTrue(c.awaitDrained(TestControllers.WAIT));

        assertEquals(List.of("before a", "a=1", "after [ra]", "before nobody", "other nobody=2", "after [null]",
                "before b", "b=3", "after [rb]"), calls);
        assertEquals(1, batch.drains.get());
        assertEquals(3, c.stats().handled(), "each event of the batch counts as handled");
    }

    @Test
    void aFailingHandlerTakesTheErrorPathAndTheBatchGoesOn() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        List<HandlerFailure> failures = new CopyOnWriteArrayList<>();
        Batching b = new Batching();
        Controller c = controllers.run(Controller.builder("failing").adapter(b).errorHandler(failures::add)
                .on("e", s -> {
                    if (Integer.valueOf(2).equals(s.value())) {
                        throw new IllegalStateException("two");
                    }
                    return seen.add(s.value());
                })
                .on(SystemEvent.ERROR, s -> seen.add("error")));

        b.context.dispatchBatch(new Fixed().add("e", 1).add("e", 2).add("e", 3));
        assertTrue(c.awaitDrained(TestControllers.WAIT));

        assertEquals(List.of(1, "error", 3), seen);
        assertEquals(1, failures.size());
        assertEquals("e", failures.get(0).eventId());
        assertEquals(1, c.stats().failed());
    }

    @Test
    void errorPolicyStopEndsTheBatchAtTheFailure() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Batching b = new Batching();
        Controller c = controllers.run(Controller.builder("stopping").adapter(b).errorHandler(f -> { })
                .errorPolicy(ErrorPolicy.STOP)
                .on("e", s -> {
                    if (Integer.valueOf(2).equals(s.value())) {
                        throw new IllegalStateException("two");
                    }
                    return seen.add(s.value());
                }));

        Fixed batch = new Fixed().add("e", 1).add("e", 2).add("e", 3);
        b.context.dispatchBatch(batch);

        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertEquals(List.of(1), seen);
        assertEquals(2, batch.handedOver, "the sink said stop after the failing event");
    }

    @Test
    void anObserverSeesEachEventOfABatch() {
        EventObserverTest.Observing o = new EventObserverTest.Observing();
        Batching b = new Batching();
        Controller c = controllers.keep(Controller.builder("observed").adapter(o).adapter(b)
                .on("x", s -> 1).on("y", s -> 2).build());
        c.run(null, true);
        b.context.dispatchBatch(new Fixed().add("x", null).add("y", null));
        c.resume();
        assertTrue(c.awaitDrained(TestControllers.WAIT));

        assertEquals(List.of("x", "y"), o.seen.stream().map(EventObserverTest.Seen::id).toList());
        assertTrue(o.seen.stream().allMatch(s -> s.queueWait() >= 0), "the batch's dispatch was timed: " + o.seen);
    }

    @Test
    void aListenerGetsEachAllowedEventOfABatch() {
        List<Object> received = new CopyOnWriteArrayList<>();
        Batching b = new Batching();
        Controller a = controllers.run(Controller.builder("source").adapter(b).on("cpy", s -> 1));
        Controller listener = controllers.run(Controller.builder("listener").on("cpy", s -> received.add(s.value())));
        listener.listen(a, List.of("cpy"), "copy");

        b.context.dispatchBatch(new Fixed().add("cpy", 1).add("other", 2).add("cpy", 3));

        await().atMost(TestControllers.WAIT).until(() -> received.size() == 2);
        assertEquals(List.of("cpy", "cpy"), received.stream().map(p -> ((ForwardingPacket) p).eventId()).toList());
    }

    @Test
    void shutdownNowHandsBackEachEventOfAQueuedBatch() {
        Batching b = new Batching();
        Controller c = controllers.keep(Controller.builder("handing-back").adapter(b).on("e", s -> 1).build());
        c.run(null, true);
        b.context.dispatchBatch(new Fixed().add("e", 1).add("e", 2));
        c.dispatch("e", 3);
        assertEquals(2, c.stats().queued(), "a batch is one queue entry");

        List<Event> back = c.shutdownNow();

        assertEquals(List.of(new Event("e", 1, Map.of(), List.of()), new Event("e", 2, Map.of(), List.of()),
                new Event("e", 3, Map.of(), List.of())), back);
    }

    @Test
    void cleanHandsBackEachEventOfAQueuedBatch() {
        Batching b = new Batching();
        List<Object> cleaned = new CopyOnWriteArrayList<>();
        Controller c = controllers.keep(Controller.builder("cleaning").adapter(b).on("e", s -> 1)
                .on(SystemEvent.CLEAN, s -> cleaned.add(s.value())).build());
        c.run(null, true);
        b.context.dispatchBatch(new Fixed().add("e", 1).add("e", 2));

        List<Event> back = c.clean();
        c.resume();
        assertTrue(c.awaitDrained(TestControllers.WAIT));

        assertEquals(2, back.size());
        assertEquals(List.of(back), cleaned);
        assertEquals(1, c.stats().handled(), "only CLEAN ran");
    }

    @Test
    void eventIdsThatAreNoEventsAreSkipped() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Batching b = new Batching();
        Controller c = controllers.run(Controller.builder("skipping").adapter(b).on("e", s -> seen.add(s.value()))
                .on(SystemEvent.SHUTDOWN, s -> seen.add("shutdown")));

        b.context.dispatchBatch(new Fixed().add("e", 1).add(null, 2).add(SystemEvent.BEFORE, 3)
                .add(SystemEvent.SHUTDOWN, 4).add("e", 5));
        assertTrue(c.awaitDrained(TestControllers.WAIT));

        assertEquals(List.of(1, 5), seen);
        assertEquals(ControllerState.RUNNING, c.state());
    }

    @Test
    void aBatchThatThrowsIsLoggedAndTheLoopGoesOn() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Batching b = new Batching();
        Controller c = controllers.run(Controller.builder("robust").adapter(b).on("e", s -> seen.add(s.value())));

        b.context.dispatchBatch(sink -> {
            sink.accept("e", 1);
            throw new IllegalStateException("the batch's own bug");
        });
        c.dispatch("e", 2);
        assertTrue(c.awaitDrained(TestControllers.WAIT));

        assertEquals(List.of(1, 2), seen);
        assertTrue(c.isAlive());
    }

    @Test
    void withADispatchRouteEachEventIsDispatchedOnItsOwn() {
        List<Object> routed = new CopyOnWriteArrayList<>();
        List<Object> seen = new CopyOnWriteArrayList<>();
        Batching b = new Batching();
        Adapter router = new Adapter() {
            @Override
            public void setup(AdapterContext context) {
                context.addDispatchRoute(e -> {
                    routed.add(e.eventId());
                    return "away".equals(e.eventId());
                });
            }
        };
        Controller c = controllers.run(Controller.builder("routed").adapter(router).adapter(b)
                .on("e", s -> seen.add(s.value())));

        b.context.dispatchBatch(new Fixed().add("e", 1).add("away", 2).add("e", 3));
        assertTrue(c.awaitDrained(TestControllers.WAIT));

        assertEquals(List.of("e", "away", "e"), routed);
        assertEquals(List.of(1, 3), seen);
    }

    @Test
    void aBatchOnAClosedControllerIsRefusedAndNotDrained() {
        Batching b = new Batching();
        Controller c = controllers.run(Controller.builder("closed").adapter(b));
        c.shutdown();
        assertTrue(c.awaitTermination(TestControllers.WAIT));

        Fixed batch = new Fixed().add("e", 1);
        assertThrows(ControllerClosedException.class, () -> b.context.dispatchBatch(batch));
        assertEquals(0, batch.drains.get());
        assertThrows(IllegalArgumentException.class, () -> b.context.dispatchBatch(null));
    }

    @Test
    void aFullQueueWithFailRefusesTheBatchAsOneEntry() {
        Batching b = new Batching();
        Controller c = controllers.keep(Controller.builder("full").adapter(b).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.FAIL).on("e", s -> 1).build());
        c.run(null, true);
        b.context.dispatchBatch(new Fixed().add("e", 1).add("e", 2));

        assertThrows(RejectedEventException.class, () -> b.context.dispatchBatch(new Fixed().add("e", 3)));
        c.resume();
        assertTrue(c.awaitDrained(TestControllers.WAIT));
        assertEquals(2, c.stats().handled());
        assertFalse(c.isSuspended());
    }

    @Test
    void aHandlerThatBlocksInABatchIsReportedUnderItsOwnEventId() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Batching b = new Batching();
        Controller c = controllers.run(Controller.builder("blocked-in-batch").adapter(b)
                .blockedLoopThreshold(java.time.Duration.ofMillis(200))
                .on("fast", s -> 1)
                .on("slow", s -> release.await(20, java.util.concurrent.TimeUnit.SECONDS)));

        b.context.dispatchBatch(new Fixed().add("fast", 1).add("slow", 2).add("fast", 3));

        await().atMost(TestControllers.WAIT).until(() -> c.stats().blocked() == 1);
        release.countDown();
        assertTrue(c.awaitDrained(TestControllers.WAIT));
        assertEquals(1, c.stats().blocked());
        assertEquals(3, c.stats().handled());
    }

    @Test
    void aLongBatchOfQuickEventsIsNotABlockedLoop() {
        Batching b = new Batching();
        Controller c = controllers.run(Controller.builder("long-batch").adapter(b)
                .blockedLoopThreshold(java.time.Duration.ofMillis(100))
                .on("e", s -> {
                    long end = System.nanoTime() + 1_000_000; // 1 ms each, 400 ms in all
                    while (System.nanoTime() - end < 0) {
                        Thread.onSpinWait();
                    }
                }));
        Fixed batch = new Fixed();
        for (int i = 0; i < 400; i++) {
            batch.add("e", i);
        }

        b.context.dispatchBatch(batch);

        assertTrue(c.awaitDrained(TestControllers.WAIT));
        assertEquals(400, c.stats().handled());
        assertEquals(0, c.stats().blocked(), "the detector sees each event of the batch as progress");
    }
}
