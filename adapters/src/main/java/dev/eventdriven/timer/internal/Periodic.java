package dev.eventdriven.timer.internal;

/**
 * A periodic entry of a {@code TimerSet}: what it sends; its due time is kept by the set's
 * {@link PeriodicHeap}.
 */
public final class Periodic {
    /** The interval, nanoseconds. */
    public final long interval;
    /** The first tick's delay after the start, nanoseconds. */
    public final long firstDelay;
    /** The ticks' event id. */
    public final Object eventId;
    /** The ticks' value. */
    public final Object value;
    /**
     * Set (under the owner's lock) when the entry is cancelled; read by the loop before each tick of
     * the entry it runs from a batch, so that ticks taken already but not yet run are dropped.
     */
    public volatile boolean cancelled;
    /** The slot in the owner's heap, or -1; the heap's, written when the entry is added or removed. */
    int heapSlot = -1;

    /**
     * Creates an entry, not in a heap.
     *
     * @param eventId the ticks' event id
     * @param value the ticks' value
     * @param interval the interval, nanoseconds
     * @param firstDelay the first delay, nanoseconds
     */
    public Periodic(Object eventId, Object value, long interval, long firstDelay) {
        this.eventId = eventId;
        this.value = value;
        this.interval = interval;
        this.firstDelay = firstDelay;
    }

    @Override
    public String toString() {
        return "Periodic[" + eventId + ", every " + interval + " ns]";
    }
}
