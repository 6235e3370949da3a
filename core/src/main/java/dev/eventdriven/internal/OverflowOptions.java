package dev.eventdriven.internal;

import dev.eventdriven.OverflowPolicy;
import java.time.Duration;

/**
 * The overflow options of a builder, checked together: an overflow policy or block timeout needs a
 * bound, and a block timeout applies to {@link OverflowPolicy#BLOCK} only. Shared by the controller
 * and pool builders so both refuse the same conflicts with the same messages.
 *
 * @param policy the policy (BLOCK when none was set)
 * @param blockTimeout how long BLOCK waits (30 s when none was set)
 */
public record OverflowOptions(OverflowPolicy policy, Duration blockTimeout) {

    /** Block timeout when none was set. */
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Checks the options a builder was given and fills in the defaults.
     *
     * @param bounded whether a capacity was set
     * @param policy the policy set, or {@code null}
     * @param blockTimeout the timeout set, or {@code null}
     * @param what what is bounded, for messages ({@code "queue"}, {@code "pool"})
     * @return the resolved options
     * @throws IllegalArgumentException naming the conflicting option and why
     */
    public static OverflowOptions resolve(boolean bounded, OverflowPolicy policy, Duration blockTimeout,
                                          String what) {
        if (!bounded && policy != null) {
            throw new IllegalArgumentException(Checks.message("overflowPolicy", policy,
                    "no overflow policy for an unbounded " + what + "; set queueCapacity too"));
        }
        if (!bounded && blockTimeout != null) {
            throw new IllegalArgumentException(Checks.message("blockTimeout", blockTimeout,
                    "no block timeout for an unbounded " + what + "; set queueCapacity too"));
        }
        OverflowPolicy resolved = policy == null ? OverflowPolicy.BLOCK : policy;
        if (blockTimeout != null && resolved != OverflowPolicy.BLOCK) {
            throw new IllegalArgumentException(Checks.message("blockTimeout", blockTimeout,
                    "no block timeout with overflow policy " + resolved + "; it applies to BLOCK only"));
        }
        return new OverflowOptions(resolved, blockTimeout == null ? DEFAULT_BLOCK_TIMEOUT : blockTimeout);
    }
}
