package dev.eventdriven.pool;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.LoopThreadBlockingException;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.Pending;
import dev.eventdriven.RejectedEventException;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolOverflowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    final StartedPools pools = new StartedPools();
    private final AtomicInteger handled = new AtomicInteger();

    private ControllerPool suspended(ControllerPoolBuilder b) {
        return pools.started(b.size(2).on("e", s -> handled.incrementAndGet()), true);
    }


    @Test
    void policyFailRefusesAnEventThatFindsThePoolFull() {
        ControllerPool pool = suspended(ControllerPool.builder("fail").queueCapacity(3)
                .overflowPolicy(OverflowPolicy.FAIL));
        pool.dispatch("e", 1);
        pool.dispatchOrdered("k", "e", 2);
        pool.dispatchOrdered("k", "e", 3);
        RejectedEventException e = assertThrows(RejectedEventException.class, () -> pool.dispatch("e", 4));
        assertTrue(e.getMessage().contains("queue full (capacity 3)"), e.getMessage());
        assertThrows(RejectedEventException.class, () -> pool.dispatchOrdered("k", "e", 5));
        assertEquals(2, pool.stats().rejected());
        pool.resume();
        assertTrue(pool.awaitDrained(WAIT));
        assertEquals(3, handled.get());
        pool.dispatch("e", 6);
    }

    @Test
    void policyDropNewestCountsTheDropAndFailsItsPending() {
        ControllerPool pool = suspended(ControllerPool.builder("drop").queueCapacity(1)
                .overflowPolicy(OverflowPolicy.DROP_NEWEST));
        pool.dispatch("e", 1);
        pool.dispatch("e", 2);
        Pending<List<Object>> p = pool.request("e", 3);
        CompletionException e = assertThrows(CompletionException.class, p::join);
        assertInstanceOf(RejectedEventException.class, e.getCause());
        assertEquals(2, pool.stats().dropped());
        pool.resume();
        assertTrue(pool.awaitDrained(WAIT));
        assertEquals(1, handled.get());
    }

    @Test
    void policyBlockWaitsForRoom() {
        ControllerPool pool = suspended(ControllerPool.builder("block").queueCapacity(1));
        pool.dispatch("e", 1);
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> pool.dispatch("e", 2));
        await().during(Duration.ofMillis(100)).atMost(WAIT).until(() -> !blocked.isDone());
        pool.resume();
        blocked.join();
        assertTrue(pool.awaitDrained(WAIT));
        assertEquals(2, handled.get());
    }

    @Test
    void policyBlockGivesUpAfterItsTimeout() {
        ControllerPool pool = suspended(ControllerPool.builder("timeout").queueCapacity(1)
                .overflowPolicy(OverflowPolicy.BLOCK).blockTimeout(Duration.ofMillis(50)));
        pool.dispatch("e", 1);
        RejectedEventException e = assertThrows(RejectedEventException.class, () -> pool.dispatch("e", 2));
        assertTrue(e.getMessage().contains("no room within"), e.getMessage());
        assertEquals(1, pool.stats().rejected());
    }

    @Test
    void aDispatchBlockedOnAFullPoolFailsWhenThePoolStops() {
        ControllerPool pool = suspended(ControllerPool.builder("stop").queueCapacity(1));
        pool.dispatch("e", 1);
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> pool.dispatch("e", 2));
        await().during(Duration.ofMillis(50)).atMost(WAIT).until(() -> !blocked.isDone());
        assertEquals(1, pool.shutdownNow().size());
        CompletionException e = assertThrows(CompletionException.class, blocked::join);
        assertInstanceOf(ControllerClosedException.class, e.getCause());
    }

    @Test
    void aWorkerCannotBlockOnItsOwnFullPool() {
        ControllerPool pool = suspended(ControllerPool.builder("own").queueCapacity(1));
        pool.dispatch("e", 1);
        var worker = pool.workers().get(0);
        Pending<List<Object>> p = worker.submit(() -> {
            pool.dispatch("e", 2);
            return null;
        });
        worker.resume();
        CompletionException e = assertThrows(CompletionException.class, p::join);
        assertInstanceOf(LoopThreadBlockingException.class, e.getCause());
    }
}
