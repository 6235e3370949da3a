package dev.eventdriven.internal;

import dev.eventdriven.ErrorHandler;
import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.EventHandler;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.mapping.MappingBlueprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * The options the controller and pool builders share, each checked as it is set (one message
 * format, {@link Checks}). Both builders delegate here, so an option means and checks the same on
 * both. Not thread-safe, like the builders.
 */
public final class LoopOptions {

    /** Default blocked-loop threshold. */
    public static final Duration DEFAULT_BLOCKED_LOOP_THRESHOLD = Duration.ofSeconds(3);
    /** Default bounded wait of {@code close()}. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** The builder's name (checked). */
    public final String name;
    /** The registrations. */
    public final MappingBlueprint mapping = new MappingBlueprint();
    /** The global context. */
    public final Map<String, Object> globalContext = new LinkedHashMap<>();
    /** The static entries. */
    public final Map<String, Object> staticEntries = new LinkedHashMap<>();
    /** The adapters, in installation order. */
    public final List<Adapter> adapters = new ArrayList<>();
    private ThreadFactory threadFactory;
    private boolean daemon;
    private long queueCapacity = Long.MAX_VALUE;
    private OverflowPolicy overflowPolicy;
    private Duration blockTimeout;
    private ErrorPolicy errorPolicy = ErrorPolicy.CONTINUE;
    private ErrorHandler errorHandler = ErrorHandler.logging();
    private int batchSize = ControllerConfig.DEFAULT_BATCH;
    private long idleSpinNanos = ControllerConfig.DEFAULT_IDLE_SPIN_NANOS;
    private long blockedThresholdNanos = DEFAULT_BLOCKED_LOOP_THRESHOLD.toNanos();
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private GroupExecutor executor;
    private boolean daemonSet;

    /**
     * Starts a set of options.
     *
     * @param name the builder's name, not blank
     * @throws IllegalArgumentException if the name is {@code null} or blank
     */
    public LoopOptions(String name) {
        this.name = Checks.name(name);
    }

    /** @param blueprint registrations to add */
    public void mapping(MappingBlueprint blueprint) {
        mapping.inherit(Checks.notNull("blueprint", blueprint));
    }

    /** @param handlers handlers to add, by event id */
    public void mapping(Map<?, ? extends EventHandler> handlers) {
        Checks.notNull("handlers", handlers).forEach(mapping::on);
    }

    /**
     * @param key a global context key
     * @param value its value
     */
    public void globalContext(String key, Object value) {
        globalContext.put(Checks.key(key), value);
    }

    /** @param context global context entries */
    public void globalContext(Map<String, ?> context) {
        Checks.notNull("context", context).forEach(this::globalContext);
    }

    /**
     * @param key a static entry key
     * @param value its value
     */
    public void staticEntry(String key, Object value) {
        staticEntries.put(Checks.key(key), value);
    }

    /** @param adapter an adapter to install */
    public void adapter(Adapter adapter) {
        adapters.add(Checks.notNull("adapter", adapter));
    }

    /** @param factory the loop thread factory */
    public void threadFactory(ThreadFactory factory) {
        this.threadFactory = Checks.notNull("threadFactory", factory);
    }

    /** @param on whether loop threads are daemon threads */
    public void daemon(boolean on) {
        this.daemon = on;
        this.daemonSet = true;
    }

    /** @param group the shared executor group the loops run on */
    public void executor(dev.eventdriven.ExecutorGroup group) {
        this.executor = GroupExecutor.of(Checks.notNull("executor", group));
    }

    /** @param capacity the queue bound, &gt; 0 */
    public void queueCapacity(int capacity) {
        this.queueCapacity = Checks.positive("queueCapacity", capacity);
    }

    /** @param policy the overflow policy */
    public void overflowPolicy(OverflowPolicy policy) {
        this.overflowPolicy = Checks.notNull("overflowPolicy", policy);
    }

    /** @param timeout the BLOCK timeout, &gt; 0 */
    public void blockTimeout(Duration timeout) {
        this.blockTimeout = Checks.positive("blockTimeout", timeout);
    }

    /** @param policy the error policy */
    public void errorPolicy(ErrorPolicy policy) {
        this.errorPolicy = Checks.notNull("errorPolicy", policy);
    }

    /** @param handler the error handler */
    public void errorHandler(ErrorHandler handler) {
        this.errorHandler = Checks.notNull("errorHandler", handler);
    }

    /** @param size the batch size, &gt; 0 */
    public void batchSize(int size) {
        this.batchSize = Checks.positive("batchSize", size);
    }

    /** @param spin the idle spin, &gt;= 0 */
    public void idleSpin(Duration spin) {
        this.idleSpinNanos = Checks.nonNegative("idleSpin", spin).toNanos();
    }

    /** @param threshold the blocked-loop threshold, &gt;= 0 (0: off) */
    public void blockedLoopThreshold(Duration threshold) {
        Checks.nonNegative("blockedLoopThreshold", threshold);
        this.blockedThresholdNanos = threshold.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE
                : threshold.toNanos();
    }

    /** @param timeout the bounded wait of close(), &gt;= 0 */
    public void closeTimeout(Duration timeout) {
        this.closeTimeout = Checks.nonNegative("closeTimeout", timeout);
    }

    /** @return whether a queue capacity was set */
    public boolean bounded() {
        return queueCapacity != Long.MAX_VALUE;
    }

    /** @return the queue capacity, {@link Long#MAX_VALUE} if unbounded */
    public long queueCapacity() {
        return queueCapacity;
    }

    /**
     * The overflow options, checked for conflicts.
     *
     * @param what what is bounded, for messages ("queue", "pool")
     * @return the resolved options
     * @throws IllegalArgumentException if they conflict
     */
    public OverflowOptions overflow(String what) {
        return OverflowOptions.resolve(bounded(), overflowPolicy, blockTimeout, what);
    }

    /** @return the error policy */
    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /**
     * The configuration of one loop built from these options.
     *
     * @param loopName the loop's name
     * @param threadName the thread's name, or {@code null} for {@code <name>-loop}
     * @param statics its static entries
     * @param loopAdapters its adapters
     * @param capacity its queue bound ({@link ControllerConfig#UNBOUNDED} for none)
     * @param overflow its overflow options
     * @param policy its error policy
     * @return the configuration
     */
    public ControllerConfig config(String loopName, String threadName, Map<String, Object> statics,
                                   List<Adapter> loopAdapters, int capacity, OverflowOptions overflow,
                                   ErrorPolicy policy) {
        if (executor != null && (threadFactory != null || daemonSet)) {
            throw new IllegalArgumentException(Checks.message(threadFactory != null ? "threadFactory" : "daemon",
                    threadFactory != null ? threadFactory : daemon, "not set with executor(group): the threads are the"
                    + " group's ('" + executor.name() + "'); set them on its builder"));
        }
        return new ControllerConfig(loopName, mapping.copy(), new LinkedHashMap<>(globalContext), statics,
                List.copyOf(loopAdapters), threadFactory, daemon, capacity, overflow.policy(), overflow.blockTimeout(),
                policy, errorHandler, batchSize, threadName, idleSpinNanos, blockedThresholdNanos, closeTimeout,
                executor);
    }

    /** @return the bounded wait of close() */
    public Duration closeTimeout() {
        return closeTimeout;
    }
}
