package dev.eventdriven.pool;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Event;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workers of a busy pool claim several queued events with one take (see {@code MpmcNodeQueue}).
 * Each test queues a run of events in a suspended pool, so that the first worker to resume sees the
 * whole run, and checks that what a worker claimed behaves as if it were still queued: an idle
 * worker takes it, {@code clean} and {@code shutdownNow} hand it back, the waits wait for it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolClaimTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int QUICK = 30;

    @RegisterExtension
    final StartedPools pools = new StartedPools();

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowRunning = new AtomicInteger();
    private final Set<Integer> ran = ConcurrentHashMap.newKeySet();

    /** Runs the tasks' values: negative ones block until {@link #release}, the others are recorded. */
    private ControllerPool suspendedPool(String name) {
        return pools.started(ControllerPool.builder(name).size(2).on("task", s -> {
            int v = (Integer) s.value();
            if (v < 0) {
                slowRunning.incrementAndGet();
                release.await();
            } else {
                ran.add(v);
            }
            return null;
        }), true);
    }

    private static void dispatchAll(ControllerPool pool, int slow) {
        for (int i = 1; i <= slow; i++) {
            pool.dispatch("task", -i);
        }
        for (int i = 0; i < QUICK; i++) {
            pool.dispatch("task", i);
        }
    }

    @Test
    void anEventClaimedBehindASlowOneRunsOnTheIdleWorker() {
        ControllerPool pool = suspendedPool("steal");
        dispatchAll(pool, 1);
        pool.resume();
        // Whichever worker took the slow event may have claimed quick ones after it: the other
        // worker must run them all while the slow one still blocks.
        await().atMost(WAIT).until(() -> ran.size() == QUICK);
        assertEquals(1, slowRunning.get());
        assertFalse(pool.awaitDrained(Duration.ofMillis(50)), "the slow event still runs");
        assertFalse(pool.isIdle());
        release.countDown();
        assertTrue(pool.awaitDrained(WAIT));
        assertTrue(pool.awaitIdle(WAIT));
    }

    @Test
    void anIdlePoolKeepsTheValuesOfNoClaimedEventReachable() {
        ControllerPool pool = pools.started(ControllerPool.builder("forget").size(2).on("payload", s -> null), true);
        List<WeakReference<Object>> values = new ArrayList<>();
        for (int i = 0; i < QUICK; i++) {
            Object v = new byte[1024];
            values.add(new WeakReference<>(v));
            pool.dispatch("payload", v);
        }
        pool.resume();
        assertTrue(pool.awaitDrained(WAIT));
        assertTrue(pool.awaitIdle(WAIT));
        // The queue's stub (the last event taken from it) keeps its value until the next take;
        // nothing else may keep a handled event's value.
        await().atMost(WAIT).until(() -> {
            System.gc();
            return values.stream().filter(r -> r.get() != null).count() <= 1;
        });
    }

    @Test
    void cleanHandsBackWhatTheWorkersClaimedAndDidNotStart() {
        ControllerPool pool = suspendedPool("clean-claims");
        everyQuickTaskRanOrCameBackOnce(pool, ControllerPool::clean);
    }

    @Test
    void shutdownNowHandsBackWhatTheWorkersClaimedAndDidNotStart() {
        ControllerPool pool = suspendedPool("forced-claims");
        everyQuickTaskRanOrCameBackOnce(pool, ControllerPool::shutdownNow);
    }

    /**
     * Both workers end up blocked in a slow event; then {@code takeBack} must return every quick
     * task that did not run, in dispatch order, and none of them may run after it.
     */
    private void everyQuickTaskRanOrCameBackOnce(ControllerPool pool, Function<ControllerPool, List<Event>> takeBack) {
        dispatchAll(pool, 2);
        pool.resume();
        await().atMost(WAIT).until(() -> slowRunning.get() == 2);
        assertEquals(QUICK - ran.size(), pool.stats().queued(), "claimed events count as queued");
        List<Event> back = takeBack.apply(pool);
        Set<Integer> ranBefore = new TreeSet<>(ran);
        release.countDown();
        assertTrue(pool.awaitDrained(WAIT) || pool.awaitTermination(WAIT));
        assertEquals(ranBefore, new TreeSet<>(ran), "a handed-back task ran");
        List<Integer> values = new ArrayList<>();
        for (Event e : back) {
            values.add((Integer) e.value());
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < QUICK; i++) {
            if (!ranBefore.contains(i)) {
                expected.add(i);
            }
        }
        assertEquals(expected, values);
    }
}
