package dev.eventdriven.timer.internal;

import dev.eventdriven.adapter.EventBatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ticks a {@code TimerSet} took from its heap at one wake-up, handed to the controller as one queue
 * entry: filled on the scheduler's thread, then drained once by the loop (or by a hand-back). The
 * entries' due times have moved on already; what the batch keeps is which entries tick, in deadline
 * order. Filling happens-before draining through the controller's queue.
 *
 * <p>A drained batch goes back to its set's {@code spare} to be filled again: with a thousand ticks
 * per wake-up its array is the one allocation per wake-up worth saving (a young collection every few
 * seconds pauses every timer, and a pause longer than an interval costs each timer a slot).
 */
public final class TickBatch implements EventBatch {

    private final Periodic[] entries;
    private final AtomicReference<TickBatch> spare;
    private int size;

    /**
     * Creates an empty batch.
     *
     * @param capacity the most ticks it takes
     * @param spare where it goes once drained, if that is empty
     */
    public TickBatch(int capacity, AtomicReference<TickBatch> spare) {
        this.entries = new Periodic[capacity];
        this.spare = spare;
    }

    /**
     * A batch for up to {@code capacity} ticks: the spare if it is big enough, else a new one.
     *
     * @param capacity the most ticks it must take
     * @param spare the set's spare
     * @return an empty batch
     */
    public static TickBatch take(int capacity, AtomicReference<TickBatch> spare) {
        TickBatch b = spare.getAndSet(null);
        return b != null && b.entries.length >= capacity ? b : new TickBatch(capacity, spare);
    }

    /**
     * Adds a tick of an entry (filling thread only).
     *
     * @param e the entry
     */
    public void add(Periodic e) {
        entries[size++] = e;
    }

    /** @return the number of ticks taken */
    public int size() {
        return size;
    }

    /** @return whether it takes no more ticks */
    public boolean isFull() {
        return size == entries.length;
    }

    /**
     * Hands each tick to the sink, in the order taken, skipping the entries cancelled since. All of
     * them, even once the sink said stop: the loop then hands them back (a forced shutdown returns
     * them with the queued events), as it would ticks queued one by one.
     *
     * @param sink where the ticks go
     */
    @Override
    public void drainTo(Sink sink) {
        Periodic[] es = entries;
        int n = size;
        size = 0; // drained once: a second drain hands over nothing
        for (int i = 0; i < n; i++) {
            Periodic e = es[i];
            es[i] = null;
            if (!e.cancelled) {
                sink.accept(e.eventId, e.value);
            }
        }
        spare.compareAndSet(null, this); // emptied: the next wake-up may fill it again
    }

    @Override
    public String toString() {
        return "TickBatch[" + size + " ticks]";
    }
}
