package dev.eventdriven.pool;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerStats;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.Listening;
import dev.eventdriven.LoopThreadBlockingException;
import dev.eventdriven.Pending;
import dev.eventdriven.Session;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.mapping.On;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolDispatchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    final StartedPools pools = new StartedPools();

    private ControllerPool started(ControllerPoolBuilder b) {
        return pools.started(b);
    }


    @Test
    void requestReturnsTheHandlersResultsFromAWorkerThread() {
        ControllerPool pool = started(ControllerPool.builder("calc").size(2)
                .on("square", s -> (Integer) s.value() * (Integer) s.value())
                .on("square", s -> { return Thread.currentThread().getName(); }));
        List<Object> result = pool.request("square", 7).await(WAIT);
        assertEquals(49, result.get(0));
        assertTrue(((String) result.get(1)).matches("calc-worker-[01]"), result.get(1).toString());
    }

    @Test
    void executeAndSubmitRunTasksOnWorkers() {
        ControllerPool pool = started(ControllerPool.builder("tasks").size(3));
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        assertEquals("done", pool.submit(() -> "done").first(Object.class).await(WAIT));
        assertEquals(5, pool.submit(args -> (Integer) args.get(0) + (Integer) args.get(1), 2, 3).first(Object.class).await(WAIT));
        await().atMost(WAIT).until(() -> ran.getCount() == 0);
    }

    @Test
    void dispatchedEventsCarryContextAndArguments() {
        ControllerPool pool = started(ControllerPool.builder("ctx").size(2).globalContext("who", "global")
                .globalContext("lang", "en")
                .on("greet", s -> s.get("who") + "/" + s.get("lang") + "/" + s.args()));
        Pending<List<Object>> p = pool.request("greet", null, Map.of("who", "event"), 1, 2);
        assertEquals(List.of("event/en/[1, 2]"), p.await(WAIT));
    }

    @Test
    void eachWorkerKnowsItsPoolAndIndexThroughStaticEntries() {
        ControllerPool pool = started(ControllerPool.builder("know").size(3).staticEntry("tag", "t"));
        for (Controller w : pool) {
            Object[] seen = (Object[]) w.submit(() -> new Object[] {
                    Session.current().getStatic(ControllerPool.STATIC_POOL),
                    Session.current().getStatic(ControllerPool.STATIC_WORKER_INDEX),
                    Session.current().getStatic("tag")}).first(Object.class).await(WAIT);
            assertEquals(pool, seen[0]);
            assertEquals(pool.workers().indexOf(w), seen[1]);
            assertEquals("t", seen[2]);
        }
    }

    @Test
    void workersRunInParallelOnThreadsFromTheGivenFactory() {
        AtomicInteger made = new AtomicInteger();
        ThreadFactory factory = r -> {
            made.incrementAndGet();
            return new Thread(r);
        };
        CountDownLatch allIn = new CountDownLatch(4);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ControllerPool pool = started(ControllerPool.builder("par").size(4).threadFactory(factory)
                .on("meet", s -> {
                    threads.add(Thread.currentThread().getName());
                    allIn.countDown();
                    // Returns only once all four handlers run at the same time.
                    return allIn.await(10, TimeUnit.SECONDS);
                }));
        List<Pending<List<Object>>> ps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ps.add(pool.request("meet"));
        }
        for (Pending<List<Object>> p : ps) {
            assertEquals(List.of(true), p.await(WAIT));
        }
        assertEquals(4, made.get());
        assertEquals(Set.of("par-worker-0", "par-worker-1", "par-worker-2", "par-worker-3"), threads);
    }

    @Test
    void eventsDispatchedBeforeRunWaitInThePoolQueue() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        ControllerPool pool = ControllerPool.builder("early").size(2).on("e", s -> seen.add(s.value())).build();
        pools.track(pool);
        for (int i = 0; i < 10; i++) {
            pool.dispatch("e", i);
        }
        assertEquals(10, pool.stats().queued());
        pool.run();
        assertTrue(pool.awaitDrained(WAIT));
        assertEquals(10, seen.size());
    }

    @Test
    void blockingOnAPoolPendingFromAnyWorkerThrowsInsteadOfDeadlocking() {
        CountDownLatch release = new CountDownLatch(1);
        ControllerPool pool = started(ControllerPool.builder("guard").size(2)
                .on("slow", s -> { return release.await(10, TimeUnit.SECONDS); }));
        Object thrown = pool.submit(() -> {
            Pending<List<Object>> inner = pool.request("slow");
            try {
                inner.get();
                return "no guard";
            } catch (LoopThreadBlockingException expected) {
                return expected;
            } finally {
                release.countDown();
            }
        }).first(Object.class).await(WAIT);
        assertInstanceOf(LoopThreadBlockingException.class, thrown);
        Object waited = pool.submit(() -> {
            try {
                pool.awaitIdle(Duration.ofSeconds(1));
                return "no guard";
            } catch (LoopThreadBlockingException expected) {
                return expected;
            }
        }).first(Object.class).await(WAIT);
        assertInstanceOf(LoopThreadBlockingException.class, waited);
    }

    @Test
    void annotatedBlueprintsAndMappingChangesReachEveryWorker() {
        MappingBlueprint blueprint = new MappingBlueprint().register(new Greeter(), MethodHandles.lookup());
        ControllerPool pool = started(ControllerPool.builder("map").size(3).mapping(blueprint));
        assertEquals(List.of("hi bob"), pool.request("hello", "bob").await(WAIT));
        pool.mapping().add("late", s -> "late " + s.value());
        for (Controller w : pool) {
            assertEquals(List.of("late 1"), w.request("late", 1).await(WAIT));
        }
        assertEquals(List.of("late 2"), pool.request("late", 2).await(WAIT));
    }

    /** Annotated handlers for the blueprint test. */
    public static final class Greeter {
        /**
         * Greets.
         *
         * @param s the session
         * @return the greeting
         */
        @On("hello")
        public String hello(Session s) {
            return "hi " + s.value();
        }
    }

    @Test
    void thePoolListensToAControllerAndHandlesEachForwardedEventOnce() {
        AtomicInteger got = new AtomicInteger();
        ControllerPool pool = started(ControllerPool.builder("ear").size(3)
                .on("news", s -> got.addAndGet((Integer) ((ForwardingPacket) s.value()).value())));
        Controller source = Controller.builder("source").on("news", s -> null).build();
        source.run();
        try {
            Listening l = pool.listen(source, Set.of("news"), "feed");
            assertThrows(IllegalArgumentException.class, () -> pool.listen(source, Set.of("news"), "again"));
            source.dispatch("news", 5);
            source.dispatch("news", 7);
            await().atMost(WAIT).until(() -> got.get() == 12);
            l.close();
            assertTrue(!pool.unlisten(source));
        } finally {
            source.shutdownNow();
        }
    }

    @Test
    void listenedByForwardsWhatEveryWorkerTakes() throws Exception {
        ControllerPool pool = started(ControllerPool.builder("loud").size(2).on("x", s -> null));
        BlockingQueue<ForwardingPacket> out = new ArrayBlockingQueue<>(100);
        Listening l = pool.listenedBy(out, Set.of("x"), "tap");
        for (int i = 0; i < 10; i++) {
            pool.dispatch("x", i);
        }
        await().atMost(WAIT).until(() -> out.size() == 10);
        l.close();
        assertEquals("tap", out.take().listener());
    }

    @Test
    void statsSumTheWorkersAndCountWhatThePoolAccepted() {
        ControllerPool pool = started(ControllerPool.builder("count").size(2).on("e", s -> null));
        for (int i = 0; i < 50; i++) {
            pool.dispatch("e", i);
            pool.dispatchOrdered(i % 3, "e", i);
        }
        pool.workers().get(1).dispatch("e", -1);
        assertTrue(pool.awaitDrained(WAIT));
        ControllerStats stats = pool.stats();
        assertEquals(101, stats.dispatched());
        assertEquals(101, stats.handled());
        assertEquals(0, stats.queued());
        assertTrue(pool.isIdle() || pool.awaitIdle(WAIT));
    }
}
