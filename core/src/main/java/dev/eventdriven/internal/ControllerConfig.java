package dev.eventdriven.internal;

import dev.eventdriven.ErrorHandler;
import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.mapping.MappingBlueprint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Everything a {@link LoopController} is built from. Produced by {@link LoopOptions}.
 *
 * @param name the controller name
 * @param mapping the initial registrations
 * @param globalContext the global context (copied)
 * @param staticEntries the static entries (copied)
 * @param adapters adapters to install
 * @param threadFactory the loop thread factory, or {@code null} for the default
 * @param daemon whether the loop thread is a daemon thread
 * @param queueCapacity the queue bound, or {@link #UNBOUNDED}
 * @param overflowPolicy what a full queue does
 * @param blockTimeout how long BLOCK waits
 * @param errorPolicy what a handler error does
 * @param errorHandler who hears of handler errors
 * @param batchSize events taken between control checks
 * @param threadName the loop thread's name, or {@code null} for {@code <name>-loop}
 * @param idleSpinNanos how long an idle loop polls before it parks (0: park at once)
 * @param blockedThresholdNanos when a running handler is reported as blocking the loop (0: never)
 * @param closeTimeout how long {@code close()} waits before forcing
 * @param executor the shared executor group the loop runs its turns on, or {@code null} for a loop
 *     thread of its own
 */
public record ControllerConfig(String name, MappingBlueprint mapping, Map<String, Object> globalContext,
                               Map<String, Object> staticEntries, List<Adapter> adapters,
                               ThreadFactory threadFactory, boolean daemon, int queueCapacity,
                               OverflowPolicy overflowPolicy, Duration blockTimeout, ErrorPolicy errorPolicy,
                               ErrorHandler errorHandler, int batchSize, String threadName, long idleSpinNanos,
                               long blockedThresholdNanos, Duration closeTimeout,
                               GroupExecutor executor) {

    /** Queue capacity meaning "no bound". */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Default batch size. */
    public static final int DEFAULT_BATCH = 256;

    /**
     * Default idle spin: about what one park/unpark round costs, so spinning wastes at most that
     * while it saves the round whenever work comes back within it (a burst, the next request).
     */
    public static final long DEFAULT_IDLE_SPIN_NANOS = 10_000;
}
