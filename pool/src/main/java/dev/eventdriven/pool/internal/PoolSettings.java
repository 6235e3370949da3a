package dev.eventdriven.pool.internal;

import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.internal.LoopOptions;
import java.time.Duration;

/**
 * Everything a {@link WorkerPool} is built from, checked by the builder.
 *
 * @param name the pool's name
 * @param size the number of workers
 * @param options the options every worker is built from (mapping, contexts, threads, error handling),
 *     and the pool's adapters
 * @param queueCapacity the pool queue's bound, {@link Long#MAX_VALUE} for none
 * @param overflowPolicy what a full pool queue does
 * @param blockTimeout how long BLOCK waits
 * @param errorPolicy what a handler error does to the pool
 */
public record PoolSettings(String name, int size, LoopOptions options, long queueCapacity,
                           OverflowPolicy overflowPolicy, Duration blockTimeout, ErrorPolicy errorPolicy) {
}
