package dev.eventdriven.pool;

import dev.eventdriven.ErrorHandler;
import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.EventHandler;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.LoopOptions;
import dev.eventdriven.internal.OverflowOptions;
import dev.eventdriven.mapping.HandlerRegistry;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.pool.internal.PoolSettings;
import dev.eventdriven.pool.internal.WorkerPool;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a {@link ControllerPool}. Each setter checks its argument at once and throws
 * {@link IllegalArgumentException} as {@code name: value (expected: what)}; conflicting options are
 * refused by {@link #build()} with the reason.
 * The options a controller has mean and check the same here ({@code ControllerBuilder}); they apply
 * to every worker. Not thread-safe; a builder may build several pools.
 *
 * <pre>{@code
 * ControllerPool pool = ControllerPool.builder("workers")
 *         .size(4)
 *         .mapping(blueprint)
 *         .on("resize", Image.class, image -> resize(image))
 *         .adapter(Timer.every(Duration.ofSeconds(1)))
 *         .queueCapacity(10_000).overflowPolicy(OverflowPolicy.FAIL)
 *         .build();
 * }</pre>
 */
public final class ControllerPoolBuilder implements HandlerRegistry<ControllerPoolBuilder> {

    /** The default number of workers: the available processors. */
    public static final int DEFAULT_SIZE = Runtime.getRuntime().availableProcessors();

    private final LoopOptions options;
    private int size = DEFAULT_SIZE;

    ControllerPoolBuilder(String name) {
        this.options = new LoopOptions(name);
    }

    /**
     * The number of workers. Default: the available processors.
     *
     * @param workers the worker count, &gt; 0
     * @return this builder
     */
    public ControllerPoolBuilder size(int workers) {
        this.size = Checks.positive("size", workers);
        return this;
    }

    /**
     * Adds the registrations of a blueprint, shared by every worker.
     *
     * @param blueprint the blueprint
     * @return this builder
     */
    public ControllerPoolBuilder mapping(MappingBlueprint blueprint) {
        options.mapping(blueprint);
        return this;
    }

    /**
     * Adds handlers from a plain map of id to handler.
     *
     * @param handlers the handlers
     * @return this builder
     */
    public ControllerPoolBuilder mapping(Map<?, ? extends EventHandler> handlers) {
        options.mapping(handlers);
        return this;
    }

    @Override
    public ControllerPoolBuilder on(Object eventId, EventHandler handler) {
        options.mapping.on(eventId, handler);
        return this;
    }

    /**
     * Adds an entry to every worker's global context.
     *
     * @param key the key, not {@code null}
     * @param value the value
     * @return this builder
     */
    public ControllerPoolBuilder globalContext(String key, Object value) {
        options.globalContext(key, value);
        return this;
    }

    /**
     * Adds entries to every worker's global context.
     *
     * @param context the entries
     * @return this builder
     */
    public ControllerPoolBuilder globalContext(Map<String, ?> context) {
        options.globalContext(context);
        return this;
    }

    /**
     * Adds a static entry to every worker.
     *
     * @param key the key; not {@code null}, not the pool's own {@code pool} or {@code workerIndex}
     * @param value the value
     * @return this builder
     */
    public ControllerPoolBuilder staticEntry(String key, Object value) {
        Checks.key(key);
        if (key.equals(ControllerPool.STATIC_POOL) || key.equals(ControllerPool.STATIC_WORKER_INDEX)) {
            throw new IllegalArgumentException(Checks.message("key", "'" + key + "'",
                    "a key other than the pool's own '" + ControllerPool.STATIC_POOL + "' and '"
                            + ControllerPool.STATIC_WORKER_INDEX + "'"));
        }
        options.staticEntry(key, value);
        return this;
    }

    /**
     * Installs an adapter on the pool when it is built: its callbacks see the pool, its contributions
     * apply to every worker (a {@code Timer} ticks into the pool).
     *
     * @param adapter the adapter
     * @return this builder
     */
    public ControllerPoolBuilder adapter(Adapter adapter) {
        options.adapter(adapter);
        return this;
    }

    /**
     * Runs the workers on a shared {@link dev.eventdriven.ExecutorGroup} instead of threads of their
     * own (see {@code ControllerBuilder.executor}): each worker takes turns on the group's threads.
     * Not combined with {@link #threadFactory} or {@code daemon}.
     *
     * @param group the group
     * @return this builder
     */
    public ControllerPoolBuilder executor(dev.eventdriven.ExecutorGroup group) {
        options.executor(group);
        return this;
    }

    /**
     * The factory of the worker threads (named {@code <pool>-worker-<n>}).
     *
     * @param factory the factory
     * @return this builder
     */
    public ControllerPoolBuilder threadFactory(ThreadFactory factory) {
        options.threadFactory(factory);
        return this;
    }

    /**
     * Whether the worker threads are daemon threads. Default {@code false}.
     *
     * @param on {@code true} for daemon workers
     * @return this builder
     */
    public ControllerPoolBuilder daemon(boolean on) {
        options.daemon(on);
        return this;
    }

    /**
     * Bounds the pool's queue. Default: unbounded.
     *
     * @param capacity the most events that may wait, &gt; 0
     * @return this builder
     */
    public ControllerPoolBuilder queueCapacity(int capacity) {
        options.queueCapacity(capacity);
        return this;
    }

    /**
     * What a dispatch does when the bounded queue is full. Default {@link OverflowPolicy#BLOCK}.
     *
     * @param policy the policy
     * @return this builder
     */
    public ControllerPoolBuilder overflowPolicy(OverflowPolicy policy) {
        options.overflowPolicy(policy);
        return this;
    }

    /**
     * How long a dispatch waits for room under {@link OverflowPolicy#BLOCK}. Default 30 s.
     *
     * @param timeout the timeout, &gt; 0
     * @return this builder
     */
    public ControllerPoolBuilder blockTimeout(Duration timeout) {
        options.blockTimeout(timeout);
        return this;
    }

    /**
     * What the pool does after a handler threw: CONTINUE (default), SHUTDOWN the pool, or STOP it.
     *
     * @param policy the policy
     * @return this builder
     */
    public ControllerPoolBuilder errorPolicy(ErrorPolicy policy) {
        options.errorPolicy(policy);
        return this;
    }

    /**
     * Who hears of a handler's failure in any worker. Default {@link ErrorHandler#logging()}.
     *
     * @param handler the error handler
     * @return this builder
     */
    public ControllerPoolBuilder errorHandler(ErrorHandler handler) {
        options.errorHandler(handler);
        return this;
    }

    /**
     * How many events a worker takes before it looks at its control state. Default 256.
     *
     * @param size the batch size, &gt; 0
     * @return this builder
     */
    public ControllerPoolBuilder batchSize(int size) {
        options.batchSize(size);
        return this;
    }

    /**
     * How long an idle worker keeps polling before it parks. Default 10 µs.
     *
     * @param spin the spin, &gt;= 0
     * @return this builder
     */
    public ControllerPoolBuilder idleSpin(Duration spin) {
        options.idleSpin(spin);
        return this;
    }

    /**
     * How long one event's handlers may run on a worker before the blocked-loop detector reports
     * them (see {@code ControllerBuilder.blockedLoopThreshold}). Default 3 s; zero turns it off.
     *
     * @param threshold the threshold, &gt;= 0
     * @return this builder
     */
    public ControllerPoolBuilder blockedLoopThreshold(Duration threshold) {
        options.blockedLoopThreshold(threshold);
        return this;
    }

    /**
     * How long {@link ControllerPool#close()} waits for a graceful shutdown before it forces one.
     * Default 10 s.
     *
     * @param timeout the timeout, &gt;= 0
     * @return this builder
     */
    public ControllerPoolBuilder closeTimeout(Duration timeout) {
        options.closeTimeout(timeout);
        return this;
    }

    /**
     * Builds the pool (NEW; call {@link ControllerPool#run()} to start the workers) and installs its
     * adapters.
     *
     * @return the pool
     * @throws IllegalArgumentException if an overflow policy or block timeout was set without a
     *     queue capacity, a block timeout with a policy other than BLOCK, or a thread factory or
     *     daemon setting with an executor group
     */
    public ControllerPool build() {
        OverflowOptions overflow = options.overflow("pool");
        return new WorkerPool(new PoolSettings(options.name, size, options, options.queueCapacity(), overflow.policy(),
                overflow.blockTimeout(), options.errorPolicy()));
    }
}
