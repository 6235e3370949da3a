package dev.eventdriven.pool;

import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.EventHandler;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.OverflowOptions;
import dev.eventdriven.internal.ControllerConfig;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.pool.internal.PoolSettings;
import dev.eventdriven.pool.internal.WorkerPool;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a {@link ControllerPool}. Each setter checks its argument at once and throws
 * {@link IllegalArgumentException} as {@code name: value (expected: what)}; conflicting options are
 * refused by {@link #build()} with the reason. Not thread-safe; a builder may build several pools.
 *
 * <pre>{@code
 * ControllerPool pool = ControllerPool.builder("workers")
 *         .size(4)
 *         .mapping(blueprint)
 *         .on("resize", s -> resize((Image) s.value()))
 *         .queueCapacity(10_000).overflowPolicy(OverflowPolicy.FAIL)
 *         .build();
 * }</pre>
 */
public final class ControllerPoolBuilder {

    /** The default number of workers: the available processors. */
    public static final int DEFAULT_SIZE = Runtime.getRuntime().availableProcessors();

    private final String name;
    private int size = DEFAULT_SIZE;
    private final MappingBlueprint mapping = new MappingBlueprint();
    private final Map<String, Object> globalContext = new LinkedHashMap<>();
    private final Map<String, Object> staticEntries = new LinkedHashMap<>();
    private ThreadFactory threadFactory;
    private long queueCapacity = Long.MAX_VALUE;
    private OverflowPolicy overflowPolicy;
    private Duration blockTimeout;
    private ErrorPolicy errorPolicy = ErrorPolicy.CONTINUE;
    private int batchSize = ControllerConfig.DEFAULT_BATCH;
    private long idleSpinNanos = ControllerConfig.DEFAULT_IDLE_SPIN_NANOS;

    ControllerPoolBuilder(String name) {
        this.name = Checks.name(name);
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
     * Adds the registrations of a blueprint (handlers and hooks), after those already added. Every
     * worker starts with the same registrations.
     *
     * @param blueprint the blueprint
     * @return this builder
     */
    public ControllerPoolBuilder mapping(MappingBlueprint blueprint) {
        mapping.inherit(Checks.notNull("blueprint", blueprint));
        return this;
    }

    /**
     * Maps a handler to an event id, for every worker. The handler runs on several threads at once
     * (one per worker), so it must be thread-safe.
     *
     * @param eventId the event id
     * @param handler the handler
     * @return this builder
     */
    public ControllerPoolBuilder on(Object eventId, EventHandler handler) {
        mapping.on(Checks.notNull("eventId", eventId), Checks.notNull("handler", handler));
        return this;
    }

    /**
     * Adds an entry to every worker's global context.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public ControllerPoolBuilder globalContext(String key, Object value) {
        globalContext.put(Checks.key(key), value);
        return this;
    }

    /**
     * Adds entries to every worker's global context.
     *
     * @param context the entries
     * @return this builder
     */
    public ControllerPoolBuilder globalContext(Map<String, ?> context) {
        Checks.notNull("context", context).forEach(this::globalContext);
        return this;
    }

    /**
     * Adds a static entry to every worker. The keys {@link ControllerPool#STATIC_POOL} and
     * {@link ControllerPool#STATIC_WORKER_INDEX} are the pool's own.
     *
     * @param key the key
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
        staticEntries.put(key, value);
        return this;
    }

    /**
     * The factory of worker threads (the pool names them {@code <pool>-worker-<n>}); by default plain
     * platform threads. Pass {@code Thread.ofVirtual().factory()} on Java 21+ for virtual threads.
     *
     * @param factory the factory
     * @return this builder
     */
    public ControllerPoolBuilder threadFactory(ThreadFactory factory) {
        this.threadFactory = Checks.notNull("threadFactory", factory);
        return this;
    }

    /**
     * Bounds the number of events waiting in the pool (its queue and ordering backlogs). Default:
     * unbounded.
     *
     * @param capacity the most events that may wait, &gt; 0
     * @return this builder
     */
    public ControllerPoolBuilder queueCapacity(int capacity) {
        this.queueCapacity = Checks.positive("queueCapacity", capacity);
        return this;
    }

    /**
     * What a dispatch does when the bounded queue is full. Default {@link OverflowPolicy#BLOCK}.
     * Needs {@link #queueCapacity(int)}.
     *
     * @param policy the policy
     * @return this builder
     */
    public ControllerPoolBuilder overflowPolicy(OverflowPolicy policy) {
        this.overflowPolicy = Checks.notNull("overflowPolicy", policy);
        return this;
    }

    /**
     * How long a dispatch waits for room under {@link OverflowPolicy#BLOCK}. Default 30 s.
     *
     * @param timeout the timeout, &gt; 0
     * @return this builder
     */
    public ControllerPoolBuilder blockTimeout(Duration timeout) {
        this.blockTimeout = Checks.positive("blockTimeout", timeout);
        return this;
    }

    /**
     * What the pool does after a handler threw in any worker (after the error was logged, routed to
     * the worker's ERROR handlers and its Pending failed). Default {@link ErrorPolicy#CONTINUE}: the
     * other workers, and this one, go on. {@link ErrorPolicy#SHUTDOWN} shuts the pool down
     * gracefully; {@link ErrorPolicy#STOP} stops it as {@link ControllerPool#shutdownNow()} would, and
     * the events handed back are returned by the next {@code shutdownNow()} call.
     *
     * @param policy the policy
     * @return this builder
     */
    public ControllerPoolBuilder errorPolicy(ErrorPolicy policy) {
        this.errorPolicy = Checks.notNull("errorPolicy", policy);
        return this;
    }

    /**
     * How many events a worker takes before it looks at its control state. Default 256.
     *
     * @param size the batch size, &gt; 0
     * @return this builder
     */
    public ControllerPoolBuilder batchSize(int size) {
        this.batchSize = Checks.positive("batchSize", size);
        return this;
    }

    /**
     * How long an idle worker keeps polling for work before it parks. Default 10 µs; see
     * {@link dev.eventdriven.ControllerBuilder#idleSpin(Duration)}.
     *
     * @param spin the spin, &gt;= 0
     * @return this builder
     */
    public ControllerPoolBuilder idleSpin(Duration spin) {
        this.idleSpinNanos = Checks.nonNegative("idleSpin", spin).toNanos();
        return this;
    }

    /**
     * Builds the pool (NEW; call {@link ControllerPool#run()} to start the workers).
     *
     * @return the pool
     * @throws IllegalArgumentException if an overflow policy or block timeout was set without a
     *     queue capacity
     */
    public ControllerPool build() {
        OverflowOptions overflow = OverflowOptions.resolve(queueCapacity != Long.MAX_VALUE, overflowPolicy,
                blockTimeout, "pool");
        return new WorkerPool(new PoolSettings(name, size, mapping.copy(), new LinkedHashMap<>(globalContext),
                new LinkedHashMap<>(staticEntries), threadFactory, queueCapacity, overflow.policy(), overflow.blockTimeout(),
                errorPolicy,
                batchSize, idleSpinNanos));
    }
}
