package dev.eventdriven.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.ControllerState;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.pool.ControllerPool;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A timer installed on a pool ticks into the pool: any worker takes each tick, once. */
@Timeout(30)
class TimerOnPoolTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aTimerOnAPoolDispatchesItsTicksIntoThePool() {
        VirtualTimeScheduler time = new VirtualTimeScheduler();
        Timer timer = Timer.builder().interval(Duration.ofSeconds(1)).scheduler(time).build();
        List<Object> ticks = new CopyOnWriteArrayList<>();
        Set<String> workers = ConcurrentHashMap.newKeySet();
        ControllerPool pool = ControllerPool.builder("ticking").size(2).adapter(timer)
                .on(SystemEvent.TIMING, s -> {
                    ticks.add(s.value());
                    workers.add(Thread.currentThread().getName());
                }).build();
        try (pool) {
            pool.run();
            time.advance(Duration.ofSeconds(5));
            assertTrue(pool.awaitDrained(WAIT));
            assertEquals(5, ticks.size());
            assertTrue(ticks.stream().allMatch(Duration.ofSeconds(1)::equals));
            assertTrue(workers.stream().allMatch(w -> w.startsWith("ticking-worker-")), workers.toString());

            pool.suspend();
            time.advance(Duration.ofSeconds(3));
            pool.resume();
            time.advance(Duration.ofSeconds(1));
            assertTrue(pool.awaitDrained(WAIT));
            assertEquals(6, ticks.size(), "no ticks while the pool is suspended");
        }
        assertEquals(ControllerState.TERMINATED, pool.state());
        assertTrue(timer.isClosed(), "the pool's shutdown stops its timer");
    }

    @Test
    void aTimerSetOnAPoolDispatchesEachTickIntoThePool() {
        VirtualTimeScheduler time = new VirtualTimeScheduler();
        TimerSet set = TimerSet.create("set", time);
        List<Object> ticks = new CopyOnWriteArrayList<>();
        ControllerPool pool = ControllerPool.builder("set-ticking").size(2).adapter(set)
                .on("tick", s -> ticks.add(s.value())).build();
        try (pool) {
            pool.run();
            set.every("tick", Duration.ofSeconds(1), Duration.ofSeconds(1), "a");
            set.every("tick", Duration.ofSeconds(1), Duration.ofSeconds(1), "b");
            time.advance(Duration.ofSeconds(3));
            assertTrue(pool.awaitDrained(WAIT));
            assertEquals(6, ticks.size());
            assertEquals(6, set.ticks());
            assertEquals(6, pool.stats().handled(), "a pool takes no batches: each tick is an event of the pool");
        }
        assertEquals(ControllerState.TERMINATED, pool.state());
    }
}
