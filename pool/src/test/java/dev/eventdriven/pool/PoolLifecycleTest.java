package dev.eventdriven.pool;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.ControllerState;
import dev.eventdriven.Event;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.Pending;
import dev.eventdriven.SystemEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    final StartedPools pools = new StartedPools();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadFactory recording = r -> {
        Thread t = new Thread(r);
        threads.add(t);
        return t;
    };

    private ControllerPool build(ControllerPoolBuilder b) {
        return pools.track(b.threadFactory(recording).build());
    }


    @Test
    void runningTwiceIsRefusedNamingTheState() {
        ControllerPool pool = build(ControllerPool.builder("twice").size(1));
        pool.run();
        IllegalControllerStateException e = assertThrows(IllegalControllerStateException.class, pool::run);
        assertEquals(ControllerState.RUNNING, e.state());
        assertTrue(e.getMessage().contains("RUNNING"), e.getMessage());
    }

    @Test
    void suspendingANewPoolIsRefused() {
        ControllerPool pool = build(ControllerPool.builder("early").size(1));
        IllegalControllerStateException e = assertThrows(IllegalControllerStateException.class, pool::suspend);
        assertEquals(ControllerState.NEW, e.state());
    }

    @Test
    void aSuspendedPoolQueuesEventsAndResumeHandlesThem() {
        AtomicInteger handled = new AtomicInteger();
        ControllerPool pool = build(ControllerPool.builder("nap").size(2).on("e", s -> handled.incrementAndGet()));
        pool.run();
        pool.suspend();
        pool.suspend();
        assertTrue(pool.isSuspended());
        for (int i = 0; i < 10; i++) {
            pool.dispatch("e", i);
        }
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> handled.get() == 0);
        assertFalse(pool.awaitDrained(Duration.ofMillis(50)));
        pool.resume();
        assertTrue(pool.awaitDrained(WAIT));
        assertEquals(10, handled.get());
        assertEquals(ControllerState.RUNNING, pool.state());
    }

    @Test
    void gracefulShutdownHandlesEverythingQueuedThenStopsEveryWorkerThread() throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger shutdowns = new AtomicInteger();
        ControllerPool pool = build(ControllerPool.builder("calm").size(3)
                .on("e", s -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return handled.incrementAndGet();
                })
                .on(SystemEvent.SHUTDOWN, s -> shutdowns.incrementAndGet()));
        pool.run();
        for (int i = 0; i < 100; i++) {
            pool.dispatch("e", i);
            pool.dispatchOrdered(i % 5, "e", i);
        }
        pool.shutdown();
        pool.shutdown();
        assertEquals(ControllerState.SHUTTING_DOWN, pool.state());
        assertThrows(ControllerClosedException.class, () -> pool.dispatch("e", -1));
        assertThrows(ControllerClosedException.class, () -> pool.dispatchOrdered(1, "e", -1));
        assertThrows(ControllerClosedException.class, () -> pool.submit(() -> 1));
        gate.countDown();
        assertTrue(pool.awaitTermination(WAIT));
        assertEquals(200, handled.get());
        assertEquals(3, shutdowns.get());
        assertEquals(ControllerState.TERMINATED, pool.state());
        assertEquals(3, threads.size());
        for (Thread t : threads) {
            // Termination is signalled as the loop's last act; the thread then returns at once.
            t.join(TimeUnit.SECONDS.toMillis(5));
            assertFalse(t.isAlive(), t.getName() + " outlived the shutdown");
        }
    }

    @Test
    void shuttingDownASuspendedPoolStillHandlesItsQueue() {
        AtomicInteger handled = new AtomicInteger();
        ControllerPool pool = build(ControllerPool.builder("wake").size(2).on("e", s -> handled.incrementAndGet()));
        pool.run(null, true);
        for (int i = 0; i < 20; i++) {
            pool.dispatch("e", i);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(WAIT));
        assertEquals(20, handled.get());
    }

    @Test
    void shutdownNowHandsBackQueuedEventsAndFailsTheirPendings() {
        CountDownLatch entered = new CountDownLatch(2);
        ControllerPool pool = build(ControllerPool.builder("halt").size(2)
                .on("busy", s -> {
                    entered.countDown();
                    return new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                })
                .on("e", s -> s.value()));
        pool.run();
        pool.dispatch("busy");
        pool.dispatch("busy");
        await().atMost(WAIT).until(() -> entered.getCount() == 0);
        List<Pending<List<Object>>> pendings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pendings.add(i % 2 == 0 ? pool.request("e", i) : pool.requestOrdered("k", "e", i));
        }
        List<Event> back = pool.shutdownNow();
        assertEquals(20, back.size());
        assertEquals(ControllerState.TERMINATED, pool.state());
        for (Pending<List<Object>> p : pendings) {
            CompletionException e = assertThrows(CompletionException.class, p::join);
            assertInstanceOf(ControllerClosedException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("handed back"), e.getCause().getMessage());
        }
        assertThrows(ControllerClosedException.class, () -> pool.dispatch("e", 1));
        assertEquals(List.of(), pool.shutdownNow());
    }

    @Test
    void shutdownNowFromAHandlerStopsThePoolAndReturnsTheRest() {
        AtomicReference<List<Event>> fromHandler = new AtomicReference<>();
        ControllerPool pool = build(ControllerPool.builder("self").size(2).on("e", s -> null));
        pool.run(null, true);
        for (int i = 0; i < 10; i++) {
            pool.dispatch("e", i);
        }
        Controller worker = pool.workers().get(0);
        worker.execute(() -> fromHandler.set(pool.shutdownNow()));
        worker.resume();
        assertTrue(pool.awaitTermination(WAIT));
        assertEquals(10, fromHandler.get().size());
    }

    @Test
    void cleanRemovesWaitingEventsFailsTheirPendingsAndDispatchesClean() {
        AtomicReference<Object> cleaned = new AtomicReference<>();
        ControllerPool pool = build(ControllerPool.builder("tidy").size(2)
                .on("e", s -> null)
                .on(SystemEvent.CLEAN, s -> {
                    cleaned.set(s.value());
                    return null;
                }));
        pool.run(null, true);
        Pending<List<Object>> p = pool.request("e", 0);
        for (int i = 1; i < 5; i++) {
            pool.dispatch("e", i);
        }
        for (int i = 5; i < 8; i++) {
            pool.dispatchOrdered("key", "e", i);
        }
        List<Event> back = pool.clean();
        assertEquals(8, back.size());
        assertEquals(List.of(5, 6, 7), back.subList(5, 8).stream().map(Event::value).toList());
        CompletionException e = assertThrows(CompletionException.class, p::join);
        assertTrue(e.getCause().getMessage().contains("clean()"), e.getCause().getMessage());
        assertEquals(0, pool.stats().queued() - 1, "only CLEAN waits");
        pool.resume();
        await().atMost(WAIT).until(() -> cleaned.get() != null);
        assertEquals(back, cleaned.get());
        pool.dispatchOrdered("key", "e", 8);
        assertTrue(pool.awaitDrained(WAIT));
    }

    @Test
    void shuttingDownANewPoolTerminatesAtOnceAndLeavesEventsForClean() {
        ControllerPool pool = build(ControllerPool.builder("never").size(2));
        pool.dispatch("e", 1);
        pool.dispatchOrdered("k", "e", 2);
        pool.dispatchOrdered("k", "e", 3);
        pool.shutdown();
        assertEquals(ControllerState.TERMINATED, pool.state());
        assertTrue(pool.awaitTermination(WAIT));
        assertThrows(IllegalControllerStateException.class, pool::run);
        assertEquals(List.of(1, 2, 3), pool.clean().stream().map(Event::value).toList());
        assertTrue(threads.isEmpty());
    }

    @Test
    void aPoolWhoseWorkerCannotStartStopsTheOthersAndKeepsItsQueue() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        List<Thread> started = new CopyOnWriteArrayList<>();
        ControllerPool pool = ControllerPool.builder("broken").size(3).threadFactory(r -> {
            if (made.incrementAndGet() == 2) {
                throw new IllegalStateException("no more threads");
            }
            Thread t = new Thread(r);
            started.add(t);
            return t;
        }).build();
        pool.dispatch("e", 1);
        // Started suspended, so that the one worker that starts cannot take the event first.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(null, true));
        assertEquals("no more threads", e.getMessage());
        assertTrue(pool.awaitTermination(WAIT));
        assertEquals(ControllerState.TERMINATED, pool.state());
        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(5));
            assertFalse(t.isAlive());
        }
        assertThrows(ControllerClosedException.class, () -> pool.dispatch("e", 2));
        assertEquals(List.of(1), pool.clean().stream().map(Event::value).toList());
    }

    @Test
    void awaitsTellWhetherRunningWorkFinishedInTime() {
        CountDownLatch gate = new CountDownLatch(1);
        ControllerPool pool = build(ControllerPool.builder("wait").size(2)
                .on("e", s -> gate.await(10, TimeUnit.SECONDS)));
        pool.run();
        pool.dispatch("e");
        assertFalse(pool.awaitDrained(Duration.ofMillis(50)));
        assertFalse(pool.awaitIdle(Duration.ofMillis(50)));
        assertFalse(pool.awaitTermination(Duration.ofMillis(50)));
        gate.countDown();
        assertTrue(pool.awaitDrained(WAIT));
        assertTrue(pool.awaitIdle(WAIT));
        assertTrue(pool.isIdle());
    }

    @Test
    void requestingShutdownAsAnEventShutsThePoolDownGracefully() {
        AtomicInteger handled = new AtomicInteger();
        ControllerPool pool = build(ControllerPool.builder("evt").size(2).on("e", s -> handled.incrementAndGet()));
        pool.run();
        for (int i = 0; i < 10; i++) {
            pool.dispatch("e", i);
        }
        Pending<List<Object>> done = pool.request(SystemEvent.SHUTDOWN);
        assertEquals(List.of(), done.await(WAIT));
        assertTrue(pool.awaitTermination(WAIT));
        assertEquals(10, handled.get());
    }

    @Test
    void aPoolAdapterSeesThePoolsLifeAndMayRefuseItsStart() {
        List<String> calls = new CopyOnWriteArrayList<>();
        dev.eventdriven.adapter.Adapter recorder = new dev.eventdriven.adapter.Adapter() {
            @Override
            public void running(dev.eventdriven.EventProcessor p) {
                calls.add("running " + p.name());
            }

            @Override
            public void run(dev.eventdriven.EventProcessor p) {
                calls.add("run");
            }

            @Override
            public void suspend(dev.eventdriven.EventProcessor p) {
                calls.add("suspend");
            }

            @Override
            public void resume(dev.eventdriven.EventProcessor p) {
                calls.add("resume");
            }

            @Override
            public void closed(dev.eventdriven.EventProcessor p) {
                calls.add("closed");
            }
        };
        ControllerPool pool = ControllerPool.builder("adapted").size(2).adapter(recorder).build();
        pool.run();
        pool.suspend();
        pool.resume();
        pool.shutdown();
        assertTrue(pool.awaitTermination(Duration.ofSeconds(10)));
        assertEquals(List.of("running adapted", "run", "suspend", "resume", "closed"), calls);

        ControllerPool refused = ControllerPool.builder("refused").size(2).adapter(new dev.eventdriven.adapter.Adapter() {
            @Override
            public void running(dev.eventdriven.EventProcessor p) {
                throw new IllegalStateException("no workers today");
            }
        }).build();
        refused.dispatch("queued", 1);
        assertEquals("no workers today", assertThrows(IllegalStateException.class, refused::run).getMessage());
        assertEquals(ControllerState.TERMINATED, refused.state());
        assertEquals(1, refused.clean().size(), "queued events stay for clean()");
        ControllerClosedException later = assertThrows(ControllerClosedException.class, () -> refused.dispatch("e"));
        assertTrue(later.getMessage().contains("the start was refused: no workers today"), later.getMessage());
    }
}
