package dev.eventdriven;

/** What {@code dispatch} does when a bounded queue is full. */
public enum OverflowPolicy {
    /** Wait for room, up to the configured block timeout, then throw {@link RejectedEventException}. */
    BLOCK,
    /** Throw {@link RejectedEventException} at once. */
    FAIL,
    /**
     * Drop the new event and count it in {@link ControllerStats#dropped()}; a {@link Pending} of a
     * dropped event fails with {@link RejectedEventException}.
     */
    DROP_NEWEST
}
