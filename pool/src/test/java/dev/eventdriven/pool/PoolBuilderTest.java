package dev.eventdriven.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventdriven.OverflowPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolBuilderTest {

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void eachSetterChecksItsArgumentAtOnce() {
        ControllerPoolBuilder b = ControllerPool.builder("p");
        assertEquals("size: 0 (expected: > 0)", refused(() -> b.size(0)));
        assertEquals("queueCapacity: -1 (expected: > 0)", refused(() -> b.queueCapacity(-1)));
        assertEquals("batchSize: 0 (expected: > 0)", refused(() -> b.batchSize(0)));
        assertEquals("blockTimeout: PT0S (expected: a duration > 0)", refused(() -> b.blockTimeout(Duration.ZERO)));
        assertEquals("threadFactory: null (expected: not null)", refused(() -> b.threadFactory(null)));
        assertEquals("name: ' ' (expected: a non-blank string)", refused(() -> ControllerPool.builder(" ")));
    }

    @Test
    void thePoolsOwnStaticKeysAreReserved() {
        String message = refused(() -> ControllerPool.builder("p").staticEntry(ControllerPool.STATIC_POOL, 1));
        assertEquals("key: 'pool' (expected: a key other than the pool's own 'pool' and 'workerIndex')", message);
        refused(() -> ControllerPool.builder("p").staticEntry(ControllerPool.STATIC_WORKER_INDEX, 1));
    }

    @Test
    void overflowOptionsWithoutACapacityAreRefusedWithTheReason() {
        String message = refused(() -> ControllerPool.builder("p").overflowPolicy(OverflowPolicy.FAIL).build());
        assertEquals("overflowPolicy: FAIL (expected: no overflow policy for an unbounded pool;"
                + " set queueCapacity too)", message);
        refused(() -> ControllerPool.builder("p").blockTimeout(Duration.ofSeconds(1)).build());
        refused(() -> ControllerPool.builder("p").queueCapacity(5).overflowPolicy(OverflowPolicy.FAIL)
                .blockTimeout(Duration.ofSeconds(1)).build());
    }

    @Test
    void aBuiltPoolHasItsWorkersReadyButNotStarted() {
        ControllerPool pool = ControllerPool.builder("ready").size(3).build();
        assertEquals(3, pool.size());
        assertEquals("ready-worker-2", pool.workers().get(2).name());
        assertEquals(dev.eventdriven.ControllerState.NEW, pool.state());
        pool.shutdown();
    }

    @Test
    void everyNullArgumentIsRefusedNamingIt() {
        ControllerPoolBuilder b = ControllerPool.builder("nulls");
        java.util.Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
        calls.put("blueprint", () -> b.mapping((dev.eventdriven.mapping.MappingBlueprint) null));
        calls.put("handlers", () -> b.mapping((java.util.Map<String, dev.eventdriven.EventHandler>) null));
        calls.put("eventId", () -> b.on(null, s -> "x"));
        calls.put("handler", () -> b.on("e", (dev.eventdriven.EventHandler) null));
        calls.put("context", () -> b.globalContext(null));
        calls.put("key", () -> b.staticEntry(null, 1));
        calls.put("adapter", () -> b.adapter(null));
        calls.put("threadFactory", () -> b.threadFactory(null));
        calls.put("overflowPolicy", () -> b.overflowPolicy(null));
        calls.put("blockTimeout", () -> b.blockTimeout(null));
        calls.put("errorPolicy", () -> b.errorPolicy(null));
        calls.put("errorHandler", () -> b.errorHandler(null));
        calls.put("idleSpin", () -> b.idleSpin(null));
        calls.put("blockedLoopThreshold", () -> b.blockedLoopThreshold(null));
        calls.put("closeTimeout", () -> b.closeTimeout(null));
        calls.forEach((name, call) -> assertEquals(true, refused(call).startsWith(name + ": null ("), name));
        assertEquals("name: null (expected: a non-blank string)", refused(() -> ControllerPool.builder(null)));
    }
}
