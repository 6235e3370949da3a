package dev.eventdriven.internal;

import dev.eventdriven.ErrorHandler;
import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.OverflowPolicy;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * The options of a {@link LoopController} that are the same for every controller built alike: all of
 * {@link ControllerConfig} but the name, the mapping, the contexts, the adapters and the executor
 * group. Immutable and interned ({@link #of}): a fleet of controllers built from equal options holds
 * one instance instead of a dozen fields each.
 *
 * @param threadName the loop thread's name, or {@code null} for {@code <name>-loop}
 * @param threadFactory the loop thread factory, or {@code null} for the default
 * @param daemon whether the loop thread is a daemon thread
 * @param queueCapacity the queue bound, or {@link ControllerConfig#UNBOUNDED}
 * @param overflowPolicy what a full queue does
 * @param blockTimeout how long BLOCK waits
 * @param errorPolicy what a handler error does
 * @param errorHandler who hears of handler errors
 * @param batchSize events taken between control checks (on a shared group: per turn)
 * @param idleSpinNanos how long an idle loop polls before it parks
 * @param blockedThresholdNanos when a running handler counts as blocking the loop; 0: never
 * @param closeTimeout how long {@code close()} waits before forcing
 */
record LoopSettings(String threadName, ThreadFactory threadFactory, boolean daemon, int queueCapacity,
                    OverflowPolicy overflowPolicy, Duration blockTimeout, ErrorPolicy errorPolicy,
                    ErrorHandler errorHandler, int batchSize, long idleSpinNanos, long blockedThresholdNanos,
                    Duration closeTimeout) {

    /**
     * The interned instances, held weakly (key and value are the same object): an entry lives as
     * long as a controller holds its settings.
     */
    private static final WeakHashMap<LoopSettings, WeakReference<LoopSettings>> SHARED = new WeakHashMap<>();

    /**
     * The settings of a configuration, shared with every live controller whose settings are equal.
     *
     * @param c the configuration
     * @return the settings
     */
    static LoopSettings of(ControllerConfig c) {
        LoopSettings s = new LoopSettings(c.threadName(), c.threadFactory(), c.daemon(), c.queueCapacity(),
                c.overflowPolicy(), c.blockTimeout(), c.errorPolicy(), c.errorHandler(), c.batchSize(),
                c.idleSpinNanos(), c.blockedThresholdNanos(), c.closeTimeout());
        synchronized (SHARED) {
            WeakReference<LoopSettings> ref = SHARED.get(s);
            LoopSettings shared = ref == null ? null : ref.get();
            if (shared != null) {
                return shared;
            }
            SHARED.put(s, new WeakReference<>(s));
            return s;
        }
    }

    /** @return whether the queue is bounded */
    boolean bounded() {
        return queueCapacity != ControllerConfig.UNBOUNDED;
    }
}
