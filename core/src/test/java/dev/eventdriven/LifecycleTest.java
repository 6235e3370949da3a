package dev.eventdriven;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LifecycleTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    /** A handler that blocks the loop until released, to hold events in the queue. */
    private static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Object pass(Session s) throws InterruptedException {
            entered.countDown();
            if (!release.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never released");
            }
            return "gate";
        }

        void awaitEntered() throws InterruptedException {
            assertTrue(entered.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aControllerGoesThroughItsStates() {
        Controller c = controllers.keep(Controller.builder("states").build());
        assertEquals(ControllerState.NEW, c.state());
        assertFalse(c.isAlive());
        c.run();
        assertEquals(ControllerState.RUNNING, c.state());
        assertTrue(c.isAlive());
        c.suspend();
        assertTrue(c.isSuspended());
        c.resume();
        assertEquals(ControllerState.RUNNING, c.state());
        c.shutdown();
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertEquals(ControllerState.TERMINATED, c.state());
        assertFalse(c.isAlive());
    }

    @Test
    void runningTwiceFailsNamingTheState() {
        Controller c = controllers.run(Controller.builder("twice"));
        IllegalControllerStateException e = assertThrows(IllegalControllerStateException.class, c::run);
        assertEquals("run controller 'twice': it was started already (state: RUNNING)", e.getMessage());
        assertEquals(ControllerState.RUNNING, e.state());
    }

    @Test
    void suspendBeforeRunFailsNamingTheState() {
        Controller c = controllers.keep(Controller.builder("early").build());
        IllegalControllerStateException e = assertThrows(IllegalControllerStateException.class, c::suspend);
        assertEquals("suspend controller 'early' (state: NEW, expected: RUNNING or SUSPENDED)", e.getMessage());
    }

    @Test
    void eventsDispatchedBeforeRunWaitInTheQueue() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Controller c = controllers.keep(Controller.builder("early-events").on("e", s -> seen.add(s.value())).build());
        c.dispatch("e", 1);
        Pending<List<Object>> p = c.request("e", 2);
        c.run();
        p.await(TestControllers.WAIT);
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void aSuspendedControllerTakesNoEventsUntilResumed() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Controller c = controllers.keep(Controller.builder("suspended").on("e", s -> seen.add(s.value())).build());
        c.run(null, true);
        assertTrue(c.isSuspended());
        Pending<List<Object>> p = c.request("e", 1);
        assertFalse(c.awaitDrained(Duration.ofMillis(200)));
        assertEquals(List.of(), seen);

        c.resume();

        p.await(TestControllers.WAIT);
        assertEquals(List.of(1), seen);
    }

    @Test
    void awaitDrainedWaitsForEverythingDispatchedBefore() {
        long[] count = new long[1];
        Controller c = controllers.run(Controller.builder("drained").on("e", s -> ++count[0]));
        for (int i = 0; i < 50_000; i++) {
            c.dispatch("e");
        }
        assertTrue(c.awaitDrained(TestControllers.WAIT));
        assertEquals(50_000, c.stats().handled());
    }

    @Test
    void awaitIdleWaitsUntilNoHandlerRuns() throws Exception {
        Gate gate = new Gate();
        Controller c = controllers.run(Controller.builder("idle").on("block", gate::pass));
        c.dispatch("block");
        gate.awaitEntered();
        assertFalse(c.isIdle());
        assertFalse(c.awaitIdle(Duration.ofMillis(100)));
        gate.release.countDown();
        assertTrue(c.awaitIdle(TestControllers.WAIT));
        assertTrue(c.isIdle());
    }

    @Test
    void gracefulShutdownHandlesEverythingDispatchedBefore() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("graceful")
                .on("e", s -> seen.add(s.value()))
                .on(SystemEvent.SHUTDOWN, s -> seen.add("SHUTDOWN")));
        for (int i = 0; i < 1000; i++) {
            c.dispatch("e", i);
        }
        c.shutdown();
        c.shutdown();
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertEquals(1001, seen.size());
        assertEquals("SHUTDOWN", seen.get(1000));
    }

    @Test
    void dispatchAfterShutdownFailsLoudly() {
        Controller c = controllers.run(Controller.builder("closed"));
        c.shutdown();
        ControllerClosedException e = assertThrows(ControllerClosedException.class, () -> c.dispatch("late"));
        assertTrue(e.getMessage().startsWith("controller 'closed' is "), e.getMessage());
        assertTrue(e.getMessage().endsWith("event late refused (dispatch after shutdown)"), e.getMessage());
        assertThrows(ControllerClosedException.class, () -> c.submit(() -> 1));
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertThrows(ControllerClosedException.class, () -> c.execute(() -> { }));
        assertEquals(3, c.stats().rejected());
    }

    @Test
    void skippingShutdownCancelsIt() {
        int[] attempts = new int[1];
        Controller c = controllers.run(Controller.builder("cancel")
                .on(SystemEvent.SHUTDOWN, s -> {
                    if (++attempts[0] == 1) {
                        s.skip();
                    }
                    return null;
                })
                .on("e", s -> "alive"));
        c.shutdown();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.state() == ControllerState.RUNNING && attempts[0] == 1);
        assertEquals(List.of("alive"), c.request("e").await(TestControllers.WAIT));

        c.shutdown();
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertEquals(2, attempts[0]);
    }

    @Test
    void forcedShutdownStopsAfterTheRunningHandlerAndHandsBackTheRest() throws Exception {
        Gate gate = new Gate();
        Controller c = controllers.run(Controller.builder("forced").on("block", gate::pass).on("e", s -> "ran"));
        Pending<List<Object>> blocked = c.request("block");
        gate.awaitEntered();
        c.dispatch("e", 1);
        Pending<List<Object>> second = c.request("e", 2, java.util.Map.of("k", "v"), "arg");

        List<Event> back = c.shutdownNow();

        assertEquals(List.of(new Event("e", 1, java.util.Map.of(), List.of()),
                new Event("e", 2, java.util.Map.of("k", "v"), List.of("arg"))), back);
        ExecutionException failed = assertThrows(ExecutionException.class, second::get);
        assertInstanceOf(ControllerClosedException.class, failed.getCause());
        assertEquals("controller 'forced' stopped before event e ran; the event was handed back",
                failed.getCause().getMessage());
        // the running handler was interrupted out of its wait, and the controller terminated
        assertTrue(blocked.isDone());
        assertEquals(ControllerState.TERMINATED, c.state());
    }

    @Test
    void forcedShutdownFromAHandlerHandsBackWhatIsQueued() throws Exception {
        Gate gate = new Gate();
        List<Object> handedBack = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("forced-inside")
                .on("block", gate::pass)
                .on("stop", s -> {
                    s.controller().shutdownNow().forEach(ev -> handedBack.add(ev.value()));
                    return null;
                })
                .on("e", s -> "ran"));
        c.dispatch("block");
        gate.awaitEntered();
        c.dispatch("stop");
        c.dispatch("e", 1);
        c.dispatch("e", 2);
        gate.release.countDown();

        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertEquals(List.of(1, 2), handedBack);
    }

    @Test
    void shutdownOfANewControllerLeavesItsQueueToClean() {
        Controller c = controllers.keep(Controller.builder("never-run").build());
        Pending<List<Object>> p = c.request("e", 1);
        c.shutdown();
        assertEquals(ControllerState.TERMINATED, c.state());
        assertTrue(c.awaitTermination(Duration.ZERO));

        List<Event> cleaned = c.clean();

        assertEquals(1, cleaned.size());
        assertTrue(p.isCompletedExceptionally());
        assertThrows(IllegalControllerStateException.class, c::run);
    }

    @Test
    void cleanRemovesQueuedEventsAndDispatchesClean() throws Exception {
        Gate gate = new Gate();
        List<Object> cleanEvents = new CopyOnWriteArrayList<>();
        List<List<Event>> cleanedByCaller = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("clean")
                .on("block", gate::pass)
                .on("e", s -> "ran")
                .on(SystemEvent.CLEAN, s -> cleanEvents.add(((List<?>) s.value()).size())));
        c.dispatch("block");
        gate.awaitEntered();
        c.dispatch("e", 1);
        Pending<List<Object>> p = c.request("e", 2);

        Thread cleaner = new Thread(() -> cleanedByCaller.add(c.clean()));
        cleaner.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> cleaner.getState() == Thread.State.WAITING);
        gate.release.countDown();
        cleaner.join(10_000);

        assertEquals(List.of(List.of(new Event("e", 1, java.util.Map.of(), List.of()),
                new Event("e", 2, java.util.Map.of(), List.of()))), cleanedByCaller);
        await().atMost(Duration.ofSeconds(10)).until(() -> cleanEvents.equals(List.of(2)));
        assertInstanceOf(ControllerClosedException.class, assertThrows(ExecutionException.class, p::get).getCause());
        assertEquals(ControllerState.RUNNING, c.state());
    }

    @Test
    void cleanWhileSuspendedKeepsTheControllerSuspended() {
        Controller c = controllers.keep(Controller.builder("clean-suspended").on("e", s -> "ran").build());
        c.run(null, true);
        c.dispatch("e", 1);
        List<Event> back = c.clean();
        assertEquals(1, back.size());
        assertTrue(c.isSuspended());
        Pending<List<Object>> p = c.request("e", 2);
        assertFalse(c.awaitDrained(Duration.ofMillis(100)));
        c.resume();
        assertEquals(List.of("ran"), p.await(TestControllers.WAIT));
    }

    @Test
    void shutdownOfASuspendedControllerStillHandlesQueuedEvents() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Controller c = controllers.keep(Controller.builder("suspended-shutdown").on("e", s -> seen.add(s.value())).build());
        c.run(null, true);
        c.dispatch("e", 1);
        c.shutdown();
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertEquals(List.of(1), seen);
    }

    @Test
    void blockingWaitsOnTheLoopThreadThrowInsteadOfDeadlocking() {
        Controller c = controllers.run(Controller.builder("self-wait"));
        Object outcome = c.submit(() -> {
            try {
                c.awaitIdle(Duration.ofSeconds(1));
                return "no exception";
            } catch (LoopThreadBlockingException e) {
                return e.getMessage();
            }
        }).first(Object.class).await(TestControllers.WAIT);
        assertEquals("awaitIdle called on the loop thread of controller 'self-wait': it would wait for itself", outcome);
    }

    @Test
    void theLoopThreadComesFromTheFactoryAndIsNamedAfterTheController() {
        List<Thread> made = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("factory").threadFactory(r -> {
            Thread t = new Thread(r);
            made.add(t);
            return t;
        }));
        assertEquals(List.of("factory-loop"), c.submit(() -> Thread.currentThread().getName()).await(TestControllers.WAIT));
        assertEquals(1, made.size());
        c.shutdown();
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        await().atMost(Duration.ofSeconds(5)).until(() -> !made.get(0).isAlive());
    }
}
