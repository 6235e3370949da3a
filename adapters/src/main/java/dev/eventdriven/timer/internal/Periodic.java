package dev.eventdriven.timer.internal;

/** A periodic entry of a {@code TimerSet}: what it sends, and its due time on the owner's clock. */
public final class Periodic extends IndexedHeap.Entry<Periodic> {
    /** Due time, nanoseconds on the owner's clock; the owner writes it, then re-sifts. */
    public long due;
    /** The interval, nanoseconds. */
    public final long interval;
    /** The first tick's delay after the start, nanoseconds. */
    public final long firstDelay;
    /** The ticks' event id. */
    public final Object eventId;
    /** The ticks' value. */
    public final Object value;

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
    protected boolean before(Periodic other) {
        return due - other.due < 0;
    }
}
