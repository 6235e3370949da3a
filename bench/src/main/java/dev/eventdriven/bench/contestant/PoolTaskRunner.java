package dev.eventdriven.bench.contestant;

import dev.eventdriven.pool.ControllerPool;
import java.time.Duration;

/** This library: a {@link ControllerPool} of two worker controllers, {@code execute(task)}. */
final class PoolTaskRunner implements TaskRunner {

    private final ControllerPool pool;

    PoolTaskRunner(int workers) {
        pool = ControllerPool.builder("bench").size(workers).threadFactory(Threads.factory("bench-pool")).build();
        pool.run();
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @Override
    public void close() {
        pool.shutdown();
        if (!pool.awaitTermination(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the pool did not terminate within 30 s");
        }
    }
}
