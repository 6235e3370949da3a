package dev.eventdriven;

/**
 * A snapshot of a controller's (or pool's) counters. Counters are read without locking, so a snapshot
 * taken while the controller runs is approximate (each figure is exact on its own at some instant).
 *
 * @param dispatched events and tasks accepted into the queue
 * @param handled events taken from the queue and processed (including those that failed, and those
 *     cancelled before they were taken)
 * @param failed events whose handlers threw
 * @param dropped events dropped by {@link OverflowPolicy#DROP_NEWEST}
 * @param rejected dispatches refused (closed controller, full queue)
 * @param queued events waiting in the queue now
 * @param busyNanos time the loop spent processing events
 * @param cancelled events taken from the queue whose result had been cancelled: their handlers did
 *     not run (see {@link Pending#cancel(boolean)})
 * @param blocked handlers reported by the blocked-loop detector (once per event that ran past the
 *     builder's {@code blockedLoopThreshold})
 */
public record ControllerStats(long dispatched, long handled, long failed, long dropped, long rejected,
                              long queued, long busyNanos, long cancelled, long blocked) {

    /**
     * Adds two snapshots field by field (used to sum over the workers of a pool).
     *
     * @param other the other snapshot
     * @return the sum
     */
    public ControllerStats plus(ControllerStats other) {
        return new ControllerStats(dispatched + other.dispatched, handled + other.handled,
                failed + other.failed, dropped + other.dropped, rejected + other.rejected,
                queued + other.queued, busyNanos + other.busyNanos, cancelled + other.cancelled,
                blocked + other.blocked);
    }
}
