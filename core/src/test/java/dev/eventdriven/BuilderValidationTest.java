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
}
