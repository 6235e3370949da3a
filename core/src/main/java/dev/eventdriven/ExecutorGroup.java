package dev.eventdriven;

import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.GroupExecutor;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * A few threads shared by many controllers (the M:N mode of Vert.x contexts and Pekko dispatchers).
 * A controller built with {@link ControllerBuilder#executor(ExecutorGroup)} has no thread of its own:
 * when it has events it is handed to the group, runs a bounded batch of them on one of the group's
 * threads (its {@linkplain ControllerBuilder#batchSize batch size}, 256 by default) and yields, going
 * to the back of the line if it has more. An idle controller costs no thread, only its queue and a
 * compact state (no cache-line padding on its queue; its loop, session and other parts are made when
 * needed, and a controller that goes idle again gives its loop and session back): 350 bytes of heap
 * per idle controller of one handler in the W7 benchmark (JDK 25, 1 GiB heap: 3 million per GiB).
 * While it is busy, its queue's consumer side moves onto cache lines of its own, so a producer and
 * the turn consuming its events run as fast as with a loop thread of its own; and a turn whose queue
 * ran empty keeps polling for up to the controller's {@linkplain ControllerBuilder#idleSpin idle
 * spin} while no other controller waits for the group's threads (a group on the caller's executor,
 * whose queue is not known, never spins).
 *
 * <pre>
 *   dispatch --&gt; [queue of A] --(A was idle: hand A in)--&gt; [ready line] --&gt; group thread 1: a batch of A
 *   dispatch --&gt; [queue of B] --(B was idle: hand B in)--&gt;      |     --&gt; group thread 2: a batch of B
 *                                                          A has more: back of the line
 * </pre>
 *
 * <p><b>Guarantees.</b> Every guarantee of a controller holds: its handlers never run concurrently,
 * events run in queue order, everything one event's handlers did happens-before the next event's
 * handlers (even on another thread of the group), and the lifecycle, shutdown hand-back, listening,
 * adapters, the blocked-loop detector and the blocking-wait guard are the same ("the loop thread" is
 * the thread running the controller's turn). A busy controller cannot starve the others: it yields
 * after each batch.
 *
 * <p><b>Blocking.</b> A handler that blocks holds one of the group's threads for as long; handlers
 * that wait for each other on a group smaller than the number of waiters deadlock (the blocked-loop
 * detector reports it). Keep handlers on a shared group non-blocking, or use a group of virtual
 * threads ({@code threadFactory(Thread.ofVirtual().factory())}).
 *
 * <p><b>Lifecycle.</b> {@link #shutdown()} refuses new controllers; the threads end once the
 * controllers running on the group have terminated. Any thread may call any method.
 */
public final class ExecutorGroup implements AutoCloseable {

    static {
        GroupExecutor.access(ExecutorGroup::impl);
    }

    private final GroupExecutor impl;

    private ExecutorGroup(GroupExecutor impl) {
        this.impl = impl;
    }

    /**
     * Starts building a group with threads of its own.
     *
     * @param name the group's name, not blank; its threads are named {@code <name>-<n>}
     * @return a builder
     * @throws IllegalArgumentException if the name is {@code null} or blank
     */
    public static Builder builder(String name) {
        return new Builder(Checks.name(name));
    }

    /**
     * A group whose controllers' turns run on an executor the caller owns (a virtual-thread-per-task
     * executor, a test's hand-driven executor). The executor must run each task it accepts once; the
     * group never shuts it down.
     *
     * @param name the group's name, not blank
     * @param executor the executor
     * @return the group
     * @throws IllegalArgumentException if an argument is {@code null} or the name blank
     */
    public static ExecutorGroup on(String name, Executor executor) {
        return new ExecutorGroup(new GroupExecutor(Checks.name(name), Checks.notNull("executor", executor)));
    }

    /**
     * The group's name.
     *
     * @return the name
     */
    public String name() {
        return impl.name();
    }

    /**
     * The number of threads the group owns.
     *
     * @return the size, or 0 for a group made with {@link #on(String, Executor)}
     */
    public int size() {
        return impl.size();
    }

    /**
     * The controllers started on this group that have not terminated yet.
     *
     * @return the count
     */
    public int liveControllers() {
        return impl.liveControllers();
    }

    /**
     * Refuses new controllers ({@code run()} of a controller on this group then throws
     * {@link java.util.concurrent.RejectedExecutionException}); the group's threads end once every
     * controller running on it has terminated. Idempotent.
     */
    public void shutdown() {
        impl.shutdown();
    }

    /**
     * Whether {@link #shutdown()} was called.
     *
     * @return {@code true} once shut down
     */
    public boolean isShutdown() {
        return impl.isShutdown();
    }

    /**
     * Waits until the group is shut down, every controller on it has terminated and its threads have
     * ended. Must not be called from a handler of a controller on this group.
     *
     * @param timeout the most to wait, &gt;= 0
     * @return {@code true} if the group has terminated
     * @throws EventDrivenException if interrupted (the interrupt flag is set again)
     */
    public boolean awaitTermination(Duration timeout) {
        try {
            return impl.awaitTermination(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventDrivenException("interrupted in awaitTermination of executor group '" + name() + "'", e);
        }
    }

    /**
     * Shuts the group down and waits up to 10 s for it to terminate. Shut its controllers down first
     * (or with it): the threads stay until they have terminated.
     */
    @Override
    public void close() {
        shutdown();
        awaitTermination(Duration.ofSeconds(10));
    }

    GroupExecutor impl() {
        return impl;
    }

    @Override
    public String toString() {
        return "ExecutorGroup[" + name() + ", " + (isShutdown() ? "shut down" : "running") + ", "
                + liveControllers() + " controllers]";
    }

    /** Builds an {@link ExecutorGroup}: size, thread factory, daemon threads. Not thread-safe. */
    public static final class Builder {

        private final String name;
        private int size = Math.max(1, Runtime.getRuntime().availableProcessors());
        private ThreadFactory threadFactory = Thread::new;
        private boolean daemon;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * The number of threads. Default: the number of processors.
         *
         * @param threads the count, &gt; 0
         * @return this builder
         */
        public Builder size(int threads) {
            this.size = Checks.positive("size", threads);
            return this;
        }

        /**
         * Where the threads come from (named {@code <group>-<n>} once made); pass
         * {@code Thread.ofVirtual().factory()} on Java 21+ for virtual threads. Default: platform
         * threads.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder threadFactory(ThreadFactory factory) {
            this.threadFactory = Checks.notNull("threadFactory", factory);
            return this;
        }

        /**
         * Whether the group's threads are daemon threads. Default {@code false}.
         *
         * @param on {@code true} for daemon threads
         * @return this builder
         */
        public Builder daemon(boolean on) {
            this.daemon = on;
            return this;
        }

        /**
         * Builds the group; its threads start with the first turn.
         *
         * @return the group
         */
        public ExecutorGroup build() {
            return new ExecutorGroup(new GroupExecutor(name, size, threadFactory, daemon));
        }
    }
}
