package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.mapping.MappingBlueprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DispatchAndHooksTest {

    private final TestControllers controllers = new TestControllers();

    enum Color { RED, GREEN }

    record Key(String a, int b) {
    }

    @AfterEach
    void stop() {
        controllers.close();
    }

    @Test
    void handlersOfAnEventRunInRegistrationOrderOnTheLoopThread() {
        List<String> calls = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("order")
                .on("e", s -> { calls.add("first"); threads.add(Thread.currentThread().getName()); return 1; })
                .on("e", s -> { calls.add("second"); threads.add(Thread.currentThread().getName()); return 2; }));

        assertEquals(List.of(1, 2), c.request("e").await(TestControllers.WAIT));
        assertEquals(List.of("first", "second"), calls);
        assertEquals(List.of("order-loop", "order-loop"), threads);
    }

    @Test
    void eventIdsMayBeStringsEnumsOrValueObjects() {
        Controller c = controllers.run(Controller.builder("ids")
                .on("s", s -> "string")
                .on(Color.RED, s -> "enum")
                .on(new Key("k", 1), s -> "record"));

        assertEquals(List.of("string"), c.request("s").await(TestControllers.WAIT));
        assertEquals(List.of("enum"), c.request(Color.RED).await(TestControllers.WAIT));
        assertEquals(List.of("record"), c.request(new Key("k", 1)).await(TestControllers.WAIT));
    }

    @Test
    void eventsAreHandledInDispatchOrderFromOneThread() {
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        Controller c = controllers.run(Controller.builder("fifo").on("n", s -> seen.add(s.value())));
        for (int i = 0; i < 10_000; i++) {
            c.dispatch("n", i);
        }
        assertTrue(c.awaitDrained(TestControllers.WAIT));
        assertEquals(10_000, seen.size());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void valueContextAndArgumentsReachTheHandler() {
        Controller c = controllers.run(Controller.builder("args")
                .on("e", s -> s.value() + ":" + s.get("k") + ":" + s.args()));

        Object r = c.request("e", "v", java.util.Map.of("k", "ctx"), 1, "two", null).first(Object.class).await(TestControllers.WAIT);

        assertEquals("v:ctx:[1, two, null]", r);
    }

    @Test
    void beforeRunsBeforeAndAfterSeesTheReturns() {
        List<String> calls = new CopyOnWriteArrayList<>();
        List<Object> afterSaw = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("hooks")
                .mapping(new MappingBlueprint()
                        .before(s -> calls.add("before " + s.originEventId()))
                        .after(s -> { afterSaw.addAll(s.returns()); return calls.add("after"); }))
                .on("e", s -> { calls.add("handler"); return "r1"; })
                .on("e", s -> "r2"));

        assertEquals(List.of("r1", "r2"), c.request("e").await(TestControllers.WAIT));
        assertEquals(List.of("before e", "handler", "after"), calls);
        assertEquals(List.of("r1", "r2"), afterSaw);
    }

    @Test
    void anEventWithoutHandlerGoesToOtherWithItsOriginalId() {
        List<Object> dead = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("other")
                .mapping(new MappingBlueprint().other(s -> {
                    dead.add(s.originEventId() + "=" + s.value());
                    return s.eventId();
                })));

        assertEquals(List.of(SystemEvent.OTHER), c.request("nobody", 7).await(TestControllers.WAIT));
        assertEquals(List.of("nobody=7"), dead);
    }

    @Test
    void anUnmappedEventWithoutOtherHandlerCompletesWithNoReturns() {
        Controller c = controllers.run(Controller.builder("unmapped"));
        assertEquals(List.of(), c.request("nobody").await(TestControllers.WAIT));
    }

    @Test
    void submittedTasksRunOnTheLoopAndReturnTheirResult() {
        Controller c = controllers.run(Controller.builder("tasks"));
        CountDownLatch ran = new CountDownLatch(1);

        c.execute(ran::countDown);
        Object callable = c.submit(() -> Thread.currentThread().getName()).first(Object.class).await(TestControllers.WAIT);
        Object task = c.submit(args -> args.get(0) + "+" + args.get(1), "a", "b").first(Object.class).await(TestControllers.WAIT);

        assertEquals("tasks-loop", callable);
        assertEquals("a+b", task);
        assertEquals(0, ran.getCount());
    }

    @Test
    void mappedSubmitReceivesTasksAsData() {
        List<Object> tasks = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("submit-mapped")
                .on(SystemEvent.SUBMIT, s -> {
                    SubmittedTask t = (SubmittedTask) s.value();
                    tasks.add(t.args());
                    return "intercepted:" + t.call();
                }));

        Object r = c.submit(args -> "ran " + args, 1, 2).first(Object.class).await(TestControllers.WAIT);

        assertEquals("intercepted:ran [1, 2]", r);
        assertEquals(List.of(List.of(1, 2)), tasks);
    }

    @Test
    void skipInBeforeSkipsHandlersAndAfter() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("skip")
                .mapping(new MappingBlueprint()
                        .before(s -> { if ("skip".equals(s.value())) { s.skip(); } return null; })
                        .after(s -> calls.add("after " + s.value())))
                .on("e", s -> calls.add("handler " + s.value())));

        c.request("e", "skip").await(TestControllers.WAIT);
        c.request("e", "go").await(TestControllers.WAIT);

        assertEquals(List.of("handler go", "after go"), calls);
    }

    @Test
    void skipInAHandlerStopsTheRemainingHandlers() {
        Controller c = controllers.run(Controller.builder("skip-handler")
                .on("e", s -> { s.skip(); return "first"; })
                .on("e", s -> "second"));

        assertEquals(List.of("first"), c.request("e").await(TestControllers.WAIT));
    }

    @Test
    void hookIdsCannotBeDispatched() {
        Controller c = controllers.run(Controller.builder("hook-ids"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.dispatch(SystemEvent.BEFORE));
        assertEquals("eventId: BEFORE (expected: an event id; BEFORE, AFTER and OTHER are hooks, not events)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.dispatch(null));
    }

    @Test
    void aHandlerMayReturnACompletionStageThatCompletesThePendingLater() {
        java.util.concurrent.CompletableFuture<String> later = new java.util.concurrent.CompletableFuture<>();
        Controller c = controllers.run(Controller.builder("async")
                .on("e", s -> later)
                .on("e", s -> "now"));

        Pending<List<Object>> p = c.request("e");
        assertTrue(c.awaitIdle(TestControllers.WAIT));
        assertTrue(!p.isDone());
        later.complete("later");

        assertEquals(List.of("later", "now"), p.await(TestControllers.WAIT));
    }

    @Test
    void aFailedCompletionStageFailsThePending() {
        Controller c = controllers.run(Controller.builder("async-fail")
                .on("e", s -> { return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("remote")); }));

        EventFailedException e = assertThrows(EventFailedException.class, () -> c.request("e").await(TestControllers.WAIT));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void dispatchFromManyThreadsDeliversEveryEventOnce() throws Exception {
        int threads = 4;
        int each = 20_000;
        long[] sum = new long[1];
        Controller c = controllers.run(Controller.builder("many").on("n", s -> sum[0] += (Integer) s.value()));
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                for (int i = 1; i <= each; i++) {
                    c.dispatch("n", i);
                }
            });
            producers.add(th);
            th.start();
        }
        for (Thread th : producers) {
            th.join();
        }
        long expected = (long) threads * each * (each + 1) / 2;
        Object total = c.submit(() -> sum[0]).first(Object.class).await(Duration.ofSeconds(20));
        assertEquals(expected, total);
        assertEquals((long) threads * each + 1, c.stats().handled());
    }
}
