package dev.eventdriven.pool.internal;

import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.mapping.MappingBlueprint;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Everything a pool is built from; produced by {@code ControllerPoolBuilder}, already checked.
 *
 * @param name the pool name
 * @param size the number of workers
 * @param mapping the registrations every worker starts with
 * @param globalContext the global context of every worker
 * @param staticEntries static entries of every worker (the pool adds its own two)
 * @param threadFactory the factory of worker threads, or {@code null} for plain platform threads
 * @param queueCapacity the bound on events queued in the pool, or {@link Long#MAX_VALUE}
 * @param overflowPolicy what a dispatch to a full pool does
 * @param blockTimeout how long {@link OverflowPolicy#BLOCK} waits
 * @param errorPolicy what the pool does after a handler threw in any worker
 * @param batchSize the workers' batch size
 * @param idleSpinNanos how long an idle worker polls before it parks
 */
public record PoolSettings(String name, int size, MappingBlueprint mapping, Map<String, Object> globalContext,
                           Map<String, Object> staticEntries, ThreadFactory threadFactory, long queueCapacity,
                           OverflowPolicy overflowPolicy, Duration blockTimeout, ErrorPolicy errorPolicy,
                           int batchSize, long idleSpinNanos) {
}
