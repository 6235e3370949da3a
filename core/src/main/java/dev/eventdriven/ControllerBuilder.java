package dev.eventdriven;

import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.internal.ControllerConfig;
import dev.eventdriven.internal.LoopController;
import dev.eventdriven.internal.LoopOptions;
import dev.eventdriven.mapping.HandlerRegistry;
import dev.eventdriven.mapping.MappingBlueprint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a {@link Controller}. Each setter checks its argument at once and throws
 * {@link IllegalArgumentException} as {@code name: value (expected: what)}, {@code null} included;
 * conflicting options are refused by {@link #build()} with the reason. The options a pool shares
 * mean and check the same on {@code ControllerPoolBuilder}. Not thread-safe; a builder may build
 * several controllers.
 *
 * <pre>{@code
 * Controller c = Controller.builder("console")
 *         .mapping(blueprint)
 *         .on("greet", String.class, name -> "hello " + name)
 *         .on("tick", s -> out.println(s.value()))
 *         .queueCapacity(10_000).overflowPolicy(OverflowPolicy.BLOCK)
 *         .build();
 * }</pre>
 */
public final class ControllerBuilder implements HandlerRegistry<ControllerBuilder> {

    private final LoopOptions options;

    ControllerBuilder(String name) {
        this.options = new LoopOptions(name);
    }

    /**
     * Adds the registrations of a blueprint (handlers and hooks), after those already added.
     *
     * @param blueprint the blueprint
     * @return this builder
     */
    public ControllerBuilder mapping(MappingBlueprint blueprint) {
        options.mapping(blueprint);
        return this;
    }

    /**
     * Adds handlers from a plain map of id to handler.
     *
     * @param handlers the handlers
     * @return this builder
     */
    public ControllerBuilder mapping(Map<?, ? extends EventHandler> handlers) {
        options.mapping(handlers);
        return this;
    }

    @Override
    public ControllerBuilder on(Object eventId, EventHandler handler) {
        options.mapping.on(eventId, handler);
        return this;
    }

    /**
     * Adds an entry to the global context (the lowest-priority context).
     *
     * @param key the key, not {@code null}
     * @param value the value
     * @return this builder
     */
    public ControllerBuilder globalContext(String key, Object value) {
        options.globalContext(key, value);
        return this;
    }

    /**
     * Adds entries to the global context.
     *
     * @param context the entries
     * @return this builder
     */
    public ControllerBuilder globalContext(Map<String, ?> context) {
        options.globalContext(context);
        return this;
    }

    /**
     * Adds a static entry, reachable through {@link Session#getStatic(String)}.
     *
     * @param key the key, not {@code null}
     * @param value the value
     * @return this builder
     */
    public ControllerBuilder staticEntry(String key, Object value) {
        options.staticEntry(key, value);
        return this;
    }

    /**
     * Installs an adapter when the controller is built.
     *
     * @param adapter the adapter
     * @return this builder
     */
    public ControllerBuilder adapter(Adapter adapter) {
        options.adapter(adapter);
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
        options.threadFactory(factory);
        return this;
    }

    /**
     * Runs the controller on a shared {@link ExecutorGroup} instead of a loop thread of its own: when
     * it has events it is handed to the group and runs a batch of at most {@link #batchSize} events
     * per turn, then yields. Every guarantee of a controller holds; an idle controller costs no
     * thread. Not combined with {@link #threadFactory} or {@link #daemon} (the threads are the
     * group's); {@link #idleSpin} applies to a turn whose queue ran empty, and only while no other
     * controller's turn waits for the group's threads.
     *
     * @param group the group
     * @return this builder
     */
    public ControllerBuilder executor(ExecutorGroup group) {
        options.executor(group);
        return this;
    }

    /**
     * Whether the loop thread is a daemon thread, which does not keep the JVM alive. Default
     * {@code false}: a running controller keeps the JVM alive until it is shut down or closed.
     *
     * @param on {@code true} for a daemon loop thread
     * @return this builder
     */
    public ControllerBuilder daemon(boolean on) {
        options.daemon(on);
        return this;
    }

    /**
     * Bounds the queue. Default: unbounded.
     *
     * @param capacity the most events that may wait, &gt; 0
     * @return this builder
     */
    public ControllerBuilder queueCapacity(int capacity) {
        options.queueCapacity(capacity);
        return this;
    }

    /**
     * What a dispatch does when the bounded queue is full. Default {@link OverflowPolicy#BLOCK}.
     *
     * @param policy the policy
     * @return this builder
     */
    public ControllerBuilder overflowPolicy(OverflowPolicy policy) {
        options.overflowPolicy(policy);
        return this;
    }

    /**
     * How long a dispatch waits for room under {@link OverflowPolicy#BLOCK}. Default 30 s.
     *
     * @param timeout the timeout, &gt; 0
     * @return this builder
     */
    public ControllerBuilder blockTimeout(Duration timeout) {
        options.blockTimeout(timeout);
        return this;
    }

    /**
     * What the loop does after a handler threw. Default {@link ErrorPolicy#CONTINUE}.
     *
     * @param policy the policy
     * @return this builder
     */
    public ControllerBuilder errorPolicy(ErrorPolicy policy) {
        options.errorPolicy(policy);
        return this;
    }

    /**
     * Who hears of a handler's failure (besides its Pending and the ERROR handlers). Default
     * {@link ErrorHandler#logging()}.
     *
     * @param handler the error handler
     * @return this builder
     */
    public ControllerBuilder errorHandler(ErrorHandler handler) {
        options.errorHandler(handler);
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
        options.batchSize(size);
        return this;
    }

    /**
     * How long the loop keeps polling for work after its queue ran empty, before it parks. Default
     * 10 µs: a producer in a burst, or a caller sending its next request right after a reply, comes
     * back within that time, and a parked loop costs each of them an unpark and a wake-up. Use
     * {@link Duration#ZERO} for many controllers that receive sparse events. On a shared
     * {@link ExecutorGroup} a turn spins so only while no other controller's turn waits.
     *
     * @param spin the spin, &gt;= 0
     * @return this builder
     */
    public ControllerBuilder idleSpin(Duration spin) {
        options.idleSpin(spin);
        return this;
    }

    /**
     * How long one event's handlers may run before the blocked-loop detector reports them: once per
     * event, a WARN log with the loop thread's stack trace, counted in {@link ControllerStats#blocked()}.
     * This is what makes deadlocks the {@link Pending} guard cannot see visible (A waits for B while
     * B waits for A). Default 3 s; {@link Duration#ZERO} turns the detector off for this controller.
     *
     * @param threshold the threshold, &gt;= 0
     * @return this builder
     */
    public ControllerBuilder blockedLoopThreshold(Duration threshold) {
        options.blockedLoopThreshold(threshold);
        return this;
    }

    /**
     * How long {@link Controller#close()} waits for a graceful shutdown before it forces one.
     * Default 10 s.
     *
     * @param timeout the timeout, &gt;= 0
     * @return this builder
     */
    public ControllerBuilder closeTimeout(Duration timeout) {
        options.closeTimeout(timeout);
        return this;
    }

    /**
     * Builds the controller (NEW; call {@link Controller#run()} to start it) and installs the
     * adapters.
     *
     * @return the controller
     * @throws IllegalArgumentException if options conflict: an overflow policy or block timeout without
     *     a queue capacity, a block timeout with a policy other than BLOCK, or a thread factory or
     *     daemon setting with an executor group
     */
    public Controller build() {
        return new LoopController(config());
    }

    ControllerConfig config() {
        int capacity = options.bounded() ? (int) options.queueCapacity() : ControllerConfig.UNBOUNDED;
        return options.config(options.name, null, new LinkedHashMap<>(options.staticEntries), options.adapters,
                capacity, options.overflow("queue"), options.errorPolicy());
    }
}
