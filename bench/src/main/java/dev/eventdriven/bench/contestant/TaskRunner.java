package dev.eventdriven.bench.contestant;

/**
 * A contestant of the pool workload (W4): runs tasks on two worker threads, in any order.
 */
public interface TaskRunner extends AutoCloseable {

    /**
     * Hands over one task; returns at once.
     *
     * @param task the task
     */
    void execute(Runnable task);

    /**
     * Stops the workers after they ran everything handed over, and waits for their threads to end.
     *
     * @throws IllegalStateException if they do not end in time
     */
    @Override
    void close();

    /**
     * Starts a contestant by name, with two workers.
     *
     * @param name one of {@code pool}, {@code tpe}, {@code fjp}
     * @return the running contestant
     */
    static TaskRunner start(String name) {
        return switch (name) {
            case "pool" -> new PoolTaskRunner(2);
            case "tpe" -> ExecutorTaskRunner.threadPool(2);
            case "fjp" -> ExecutorTaskRunner.forkJoin(2);
            default -> throw new IllegalArgumentException("contestant: " + name + " (expected: pool, tpe or fjp)");
        };
    }
}
