package dev.eventdriven.timer;

/**
 * What a {@link Timer} does when a tick is late: the scheduler thread was held up (a long GC pause, an
 * overloaded machine, a laptop that slept) or virtual time jumped.
 *
 * <p>A timer keeps a grid of slots {@code start + k * interval}; a tick is due at each slot. When the
 * scheduler gets to the tick due at slot {@code s} at time {@code now}, it is {@code late = now - s}
 * late and {@code floor(late / interval)} later slots have passed as well:
 * <pre>
 *   slots:   s        s+i      s+2i     s+3i
 *            |--------|--------|--------|---
 *                                  ^ now (late = 2.4 i)
 *   CATCH_UP     tick tick tick (back to back), next at s+3i
 *   FIRE_ONCE    tick, next at s+3i           (default)
 *   SKIP         no tick, next at s+3i        (a tick late by less than one interval is still sent)
 *   FIXED_DELAY  tick, next at now+i          (the grid restarts at now)
 * </pre>
 * Ticks are never early. Whatever the policy, ticks that fall while the controller is suspended are
 * dropped: after {@code resume()} the next tick is the next slot of the grid (for {@code FIXED_DELAY},
 * one interval after the resume).
 */
public enum MissedTickPolicy {
    /**
     * Every missed slot gets its tick, sent back to back until the timer has caught up; drift-free.
     * After a long stall of a short-interval timer that is a flood of events: use it for counts that must
     * be exact (one tick per second of billing), not for refreshes.
     */
    CATCH_UP,
    /** The missed slots collapse into one tick sent at once; the grid is kept. The default. */
    FIRE_ONCE,
    /** Ticks late by a whole interval or more are dropped without a tick; the grid is kept. */
    SKIP,
    /** One tick at once, then the next one interval after it: lateness shifts every later tick. */
    FIXED_DELAY
}
