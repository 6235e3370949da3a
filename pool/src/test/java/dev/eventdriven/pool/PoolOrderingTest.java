package dev.eventdriven.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Event;
import dev.eventdriven.Pending;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolOrderingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    final StartedPools pools = new StartedPools();

    private ControllerPool started(ControllerPoolBuilder b, boolean suspended) {
        return pools.started(b, suspended);
    }


    @Test
    void eventsWithTheSameKeyRunOneAtATimeInDispatchOrder() throws Exception {
        int keys = 8;
        int perKey = 500;
        Map<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> inside = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        for (int k = 0; k < keys; k++) {
            seen.put(k, new ArrayList<>());
            inside.put(k, new AtomicInteger());
        }
        ControllerPool pool = started(ControllerPool.builder("order").size(4)
                .on("e", s -> {
                    int[] kv = (int[]) s.value();
                    if (inside.get(kv[0]).incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    seen.get(kv[0]).add(kv[1]);
                    inside.get(kv[0]).decrementAndGet();
                    return null;
                }), false);
        // Two producers, each owning half of the keys, interleave with unordered noise.
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                for (int i = 0; i < perKey; i++) {
                    for (int k = producer; k < keys; k += 2) {
                        pool.dispatchOrdered(k, "e", new int[] {k, i});
                    }
                    pool.execute(() -> { });
                }
            });
            t.start();
            producers.add(t);
        }
        for (Thread t : producers) {
            t.join();
        }
        assertTrue(pool.awaitDrained(WAIT));
        assertEquals(0, overlaps.get());
        for (int k = 0; k < keys; k++) {
            List<Integer> got = seen.get(k);
            assertEquals(perKey, got.size());
            for (int i = 0; i < perKey; i++) {
                assertEquals(i, got.get(i), "key " + k);
            }
        }
    }

    @Test
    void differentKeysRunInParallel() {
        CountDownLatch both = new CountDownLatch(2);
        ControllerPool pool = started(ControllerPool.builder("par").size(2)
                .on("meet", s -> {
                    both.countDown();
                    return both.await(10, TimeUnit.SECONDS);
                }), false);
        Pending<List<Object>> a = pool.requestOrdered("a", "meet", null);
        Pending<List<Object>> b = pool.requestOrdered("b", "meet", null);
        assertEquals(List.of(true), a.await(WAIT));
        assertEquals(List.of(true), b.await(WAIT));
    }

    @Test
    void aFailureDoesNotBreakTheKeysChain() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        ControllerPool pool = started(ControllerPool.builder("chain").size(2)
                .on("e", s -> {
                    if ("bad".equals(s.value())) {
                        throw new IllegalStateException("bad value");
                    }
                    seen.add(s.value());
                    return s.value();
                }), false);
        pool.dispatchOrdered("k", "e", 1);
        Pending<List<Object>> bad = pool.requestOrdered("k", "e", "bad");
        Pending<List<Object>> last = pool.requestOrdered("k", "e", 3, Map.of("c", 1));
        assertEquals(List.of(3), last.await(WAIT));
        assertTrue(bad.isCompletedExceptionally());
        assertEquals(List.of(1, 3), seen);
    }

    @Test
    void orderedTasksAndResultsFollowTheKey() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        ControllerPool pool = started(ControllerPool.builder("tasks").size(3), false);
        for (int i = 0; i < 50; i++) {
            int v = i;
            pool.executeOrdered("k", () -> seen.add(v));
        }
        assertEquals(50, pool.submitOrdered("k", seen::size).first(Object.class).await(WAIT));
    }

    @Test
    void aForcedShutdownHandsBackEachKeysEventsInDispatchOrder() {
        ControllerPool pool = started(ControllerPool.builder("back").size(2).on("e", s -> null), true);
        for (int i = 0; i < 10; i++) {
            pool.dispatchOrdered("a", "e", "a" + i);
            pool.dispatchOrdered("b", "e", "b" + i, Map.of("n", i));
            pool.dispatch("e", "x" + i);
        }
        List<Event> back = pool.shutdownNow();
        assertEquals(30, back.size());
        List<Object> a = back.stream().map(Event::value).filter(v -> ((String) v).startsWith("a")).toList();
        List<Object> b = back.stream().filter(e -> ((String) e.value()).startsWith("b")).map(e -> e.context().get("n"))
                .toList();
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"), a);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), b);
    }

    @Test
    void aBusyKeyWaitsItsTurnInsteadOfStarvingOtherWork() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        ControllerPool pool = started(ControllerPool.builder("fair").size(1).on("e", s -> seen.add(s.value())), true);
        for (int i = 0; i < 100; i++) {
            pool.dispatchOrdered("hot", "e", i);
        }
        pool.dispatch("e", "other");
        pool.resume();
        assertTrue(pool.awaitDrained(WAIT));
        assertEquals(101, seen.size());
        assertTrue(seen.indexOf("other") < 3, "other ran at " + seen.indexOf("other"));
    }

    @Test
    void anOrderingKeyIsRequired() {
        ControllerPool pool = started(ControllerPool.builder("nokey").size(1), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pool.dispatchOrdered(null, "e", 1));
        assertEquals("key: null (expected: not null)", e.getMessage());
    }
}
