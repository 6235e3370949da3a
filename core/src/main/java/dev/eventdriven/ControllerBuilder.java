package dev.eventdriven;

import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.ControllerConfig;
import dev.eventdriven.internal.LoopController;
import dev.eventdriven.internal.OverflowOptions;
import dev.eventdriven.mapping.MappingBlueprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a {@link Controller}. Each setter checks its argument at once and throws
 * {@link IllegalArgumentException} naming the bad value and the expectation. Not thread-safe; a
 * builder may build several controllers.
 *
 * <pre>{@code
 * Controller c = Controller.builder("console")
 *         .mapping(blueprint)
 *         .on("greet", s -> "hello " + s.value())
 *         .queueCapacity(10_000).overflowPolicy(OverflowPolicy.BLOCK)
 *         .build();
 * }</pre>
 */
public final class ControllerBuilder {

    private final String name;
    private final MappingBlueprint mapping = new MappingBlueprint();
    private final Map<String, Object> globalContext = new LinkedHashMap<>();
    private final Map<String, Object> staticEntries = new LinkedHashMap<>();
    private final List<Adapter> adapters = new ArrayList<>();
    private ThreadFactory threadFactory;
    private int queueCapacity = ControllerConfig.UNBOUNDED;
    private OverflowPolicy overflowPolicy;
    private Duration blockTimeout;
    private ErrorPolicy errorPolicy = ErrorPolicy.CONTINUE;
    private int batchSize = ControllerConfig.DEFAULT_BATCH;
    private long idleSpinNanos = ControllerConfig.DEFAULT_IDLE_SPIN_NANOS;

    ControllerBuilder(String name) {
        this.name = Checks.name(name);
    }

    /**
     * Adds the registrations of a blueprint (handlers and hooks), after those already added.
     *
     * @param blueprint the blueprint
     * @return this builder
     */
    public ControllerBuilder mapping(MappingBlueprint blueprint) {
        mapping.inherit(Objects.requireNonNull(blueprint, "blueprint"));
        return this;
    }

    /**
     * Adds handlers from a plain map of id to handler.
     *
     * @param handlers the handlers
     * @return this builder
     */
    public ControllerBuilder mapping(Map<?, ? extends EventHandler> handlers) {
        Objects.requireNonNull(handlers, "handlers").forEach(mapping::on);
        return this;
    }

    /**
     * Maps a handler to an event id.
     *
     * @param eventId the event id
     * @param handler the handler
     * @return this builder
     */
    public ControllerBuilder on(Object eventId, EventHandler handler) {
        mapping.on(eventId, handler);
        return this;
    }

    /**
     * Adds an entry to the global context (the lowest-priority context).
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public ControllerBuilder globalContext(String key, Object value) {
        globalContext.put(Checks.key(key), value);
        return this;
    }

    /**
     * Adds entries to the global context.
     *
     * @param context the entries
     * @return this builder
     */
    public ControllerBuilder globalContext(Map<String, ?> context) {
        Objects.requireNonNull(context, "context").forEach(this::globalContext);
        return this;
    }

    /**
     * Adds a static entry, reachable through {@link Session#getStatic(String)}.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public ControllerBuilder staticEntry(String key, Object value) {
        staticEntries.put(Checks.key(key), value);
        return this;
    }

    /**
     * Installs an adapter when the controller is built.
     *
     * @param adapter the adapter
     * @return this builder
     */
    public ControllerBuilder adapter(Adapter adapter) {
        adapters.add(Objects.requireNonNull(adapter, "adapter"));
        return this;
    }

    /**
     * The factory of the loop thread; by default platform threads named {@code <name>-loop}. Pass
     * {@code Thread.ofVirtual().factory()} on Java 21+ for virtual threads.
     *
     * @param factory the factory
     * @return this builder
     */
    public ControllerBuilder threadFactory(ThreadFactory factory) {
        this.threadFactory = Objects.requireNonNull(factory, "threadFactory");
        return this;
    }

    /**
     * Bounds the queue. Default: unbounded.
     *
     * @param capacity the most events that may wait, &gt; 0
     * @return this builder
     */
    public ControllerBuilder queueCapacity(int capacity) {
        this.queueCapacity = Checks.positive("queueCapacity", capacity);
        return this;
    }

    /**
     * What a dispatch does when the bounded queue is full. Default {@link OverflowPolicy#BLOCK}.
     *
     * @param policy the policy
     * @return this builder
     */
    public ControllerBuilder overflowPolicy(OverflowPolicy policy) {
        this.overflowPolicy = Objects.requireNonNull(policy, "overflowPolicy");
        return this;
    }

    /**
     * How long a dispatch waits for room under {@link OverflowPolicy#BLOCK}. Default 30 s.
     *
     * @param timeout the timeout, &gt; 0
     * @return this builder
     */
    public ControllerBuilder blockTimeout(Duration timeout) {
        this.blockTimeout = Checks.positive("blockTimeout", timeout);
        return this;
    }

    /**
     * What the loop does after a handler threw. Default {@link ErrorPolicy#CONTINUE}.
     *
     * @param policy the policy
     * @return this builder
     */
    public ControllerBuilder errorPolicy(ErrorPolicy policy) {
        this.errorPolicy = Objects.requireNonNull(policy, "errorPolicy");
        return this;
    }

    /**
     * How many events the loop takes before it looks at its control state (suspend, stats).
     * Default 256.
     *
     * @param size the batch size, &gt; 0
     * @return this builder
     */
    public ControllerBuilder batchSize(int size) {
        this.batchSize = Checks.positive("batchSize", size);
        return this;
    }

    /**
     * How long the loop keeps polling for work after its queue ran empty, before it parks. Default
     * 10 µs: a producer in a burst, or a caller sending its next request right after a reply, comes
     * back within that time, and a parked loop costs each of them an unpark and a wake-up. Use
     * {@link Duration#ZERO} for many controllers that receive sparse events (thousands of mostly idle
     * controllers would otherwise burn up to that much CPU every time each goes idle).
     *
     * @param spin the spin, &gt;= 0
     * @return this builder
     */
    public ControllerBuilder idleSpin(Duration spin) {
        this.idleSpinNanos = Checks.nonNegative("idleSpin", spin).toNanos();
        return this;
    }

    /**
     * Builds the controller (NEW; call {@link Controller#run()} to start it) and installs the
     * adapters.
     *
     * @return the controller
     * @throws IllegalArgumentException if options conflict: an overflow policy or block timeout without
     *     a queue capacity, or a block timeout with a policy other than BLOCK
     */
    public Controller build() {
        return new LoopController(config());
    }

    ControllerConfig config() {
        OverflowOptions overflow = OverflowOptions.resolve(queueCapacity != ControllerConfig.UNBOUNDED,
                overflowPolicy, blockTimeout, "queue");
        return new ControllerConfig(name, mapping.copy(), new LinkedHashMap<>(globalContext),
                new LinkedHashMap<>(staticEntries), List.copyOf(adapters), threadFactory, queueCapacity,
                overflow.policy(), overflow.blockTimeout(), errorPolicy, batchSize, null, idleSpinNanos);
    }
}
