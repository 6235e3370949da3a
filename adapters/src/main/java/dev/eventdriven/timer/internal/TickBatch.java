package dev.eventdriven.timer.internal;

import dev.eventdriven.adapter.EventBatch;

/**
 * The ticks a {@code TimerSet} took from its heap at one wake-up, handed to the controller as one queue
 * entry: filled on the scheduler's thread, then drained once by the loop (or by a hand-back). The
 * entries' due times have moved on already; what the batch keeps is which entries tick, in deadline
 * order. Filling happens-before draining through the controller's queue.
 */
public final class TickBatch implements EventBatch {

    private final Periodic[] entries;
    private int size;

    /**
     * Creates an empty batch.
     *
     * @param capacity the most ticks it takes
     */
    public TickBatch(int capacity) {
        this.entries = new Periodic[capacity];
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
    }

    @Override
    public String toString() {
        return "TickBatch[" + size + " ticks]";
    }
}
