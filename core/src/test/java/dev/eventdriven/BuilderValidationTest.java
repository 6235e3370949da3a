package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BuilderValidationTest {

    private static String refused(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void badArgumentsAreRefusedWithTheValueAndTheExpectation() {
        assertEquals("name: null (expected: a non-blank string)", refused(() -> Controller.builder(null)));
        assertEquals("name: ' ' (expected: a non-blank string)", refused(() -> Controller.builder(" ")));
        assertEquals("queueCapacity: 0 (expected: > 0)", refused(() -> Controller.builder("c").queueCapacity(0)));
        assertEquals("batchSize: -1 (expected: > 0)", refused(() -> Controller.builder("c").batchSize(-1)));
        assertEquals("blockTimeout: PT0S (expected: a duration > 0)",
                refused(() -> Controller.builder("c").blockTimeout(Duration.ZERO)));
        assertEquals("key: null (expected: a non-null string)",
                refused(() -> Controller.builder("c").globalContext(null, 1)));
    }

    @Test
    void conflictingOptionsAreRefusedWithTheReason() {
        assertEquals("overflowPolicy: FAIL (expected: no overflow policy for an unbounded queue; set queueCapacity"
                + " too)", refused(() -> Controller.builder("c").overflowPolicy(OverflowPolicy.FAIL).build()));
        assertEquals("blockTimeout: PT1S (expected: no block timeout for an unbounded queue; set queueCapacity too)",
                refused(() -> Controller.builder("c").blockTimeout(Duration.ofSeconds(1)).build()));
        assertEquals("blockTimeout: PT1S (expected: no block timeout with overflow policy FAIL; it applies to BLOCK"
                + " only)", refused(() -> Controller.builder("c").queueCapacity(1).overflowPolicy(OverflowPolicy.FAIL)
                        .blockTimeout(Duration.ofSeconds(1)).build()));
        assertEquals("idleSpin: PT-0.001S (expected: a duration >= 0)",
                refused(() -> Controller.builder("c").idleSpin(Duration.ofMillis(-1))));
    }

    @Test
    void aControllerWithoutIdleSpinParksAtOnceAndStillHandlesEverything() {
        long[] sum = new long[1];
        Controller c = Controller.builder("no-spin").idleSpin(Duration.ZERO).on("n", s -> sum[0] += (Integer) s.value())
                .build();
        c.run();
        for (int round = 0; round < 200; round++) {
            c.dispatch("n", round);
            // a round trip each time: the loop parks between rounds and must be woken every time
            c.submit(() -> null).await(Duration.ofSeconds(10));
        }
        assertEquals(199L * 200 / 2, c.submit(() -> sum[0]).first(Object.class).await(Duration.ofSeconds(10)));
        c.shutdown();
        org.junit.jupiter.api.Assertions.assertTrue(c.awaitTermination(Duration.ofSeconds(10)));
    }

    @Test
    void waitsRefuseNegativeTimeouts() {
        Controller c = Controller.builder("timeouts").build();
        assertEquals("timeout: PT-1S (expected: a duration >= 0)",
                refused(() -> c.awaitIdle(Duration.ofSeconds(-1))));
        c.shutdown();
    }

    @Test
    void aSubmittedTaskMustBeATask() {
        assertEquals("task: 12 (expected: a Task, Callable or Runnable)",
                refused(() -> new SubmittedTask(12, java.util.List.of())));
    }

    @Test
    void everyNullArgumentIsRefusedNamingIt() {
        ControllerBuilder b = Controller.builder("nulls");
        java.util.Map<String, org.junit.jupiter.api.function.Executable> calls = new java.util.LinkedHashMap<>();
        calls.put("blueprint", () -> b.mapping((dev.eventdriven.mapping.MappingBlueprint) null));
        calls.put("handlers", () -> b.mapping((java.util.Map<String, EventHandler>) null));
        calls.put("eventId", () -> b.on(null, s -> "x"));
        calls.put("handler", () -> b.on("e", (EventHandler) null));
        calls.put("type", () -> b.on("e", null, (ValueHandler<Object>) v -> v));
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
        calls.forEach((name, call) -> assertEquals(true,
                assertThrows(IllegalArgumentException.class, call, name).getMessage().startsWith(name + ": null ("),
                name));
    }

    @Test
    void blueprintRegistrationsRefuseNullsTheSameWay() {
        dev.eventdriven.mapping.MappingBlueprint b = new dev.eventdriven.mapping.MappingBlueprint();
        assertEquals("eventId: null (expected: not null)", refused(() -> b.on(null, s -> "x")));
        assertEquals("handler: null (expected: not null)", refused(() -> b.before((EventHandler) null)));
        assertEquals("target: null (expected: not null)", refused(() -> b.register(null)));
        assertEquals("parent: null (expected: not null)", refused(() -> b.inherit(null)));
    }
}
