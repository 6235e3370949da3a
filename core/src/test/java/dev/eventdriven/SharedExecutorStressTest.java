package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/**
 * The controller stress test (many producers, random batch sizes, suspend/resume toggling, random
 * shutdown kinds and points) on a shared executor group of two threads, where every batch may run on
 * another thread: nothing lost, nothing duplicated, per-producer order kept.
 */
class SharedExecutorStressTest extends ControllerStressTest {

    private final ExecutorGroup group = ExecutorGroup.builder("stress-group").size(2).daemon(true).build();

    @Override
    ControllerBuilder builder(String name) {
        return Controller.builder(name).executor(group);
    }

    @Override
    void releaseExecutor() {
        group.shutdown();
        assertTrue(group.awaitTermination(Duration.ofSeconds(30)), "the group's threads did not end");
    }
}
