package dev.eventdriven.timer.internal;

import java.util.Arrays;

/**
 * The deadline heap of a {@code TimerSet}: a 4-ary min-heap of {@link Periodic} entries whose due times
 * live in a {@code long[]} beside them, so that sifting compares numbers in one array (four children
 * share a cache line) instead of following a reference per comparison; each entry knows its index, so
 * a cancelled one leaves at once in O(log n). A tick moves the head to its next slot in place
 * ({@link #moveHead}). Periodic timers make that the common operation: the head goes back to (near)
 * the bottom at each tick, and the flat keys and the shallower tree (half the levels of a binary heap)
 * are what make it cheap. Due times are compared wrap-around safe. Equal due times come out in no
 * particular order. Not thread-safe: its owner guards it.
 */
public final class PeriodicHeap {

    private Periodic[] entries = new Periodic[16];
    private long[] due = new long[16];
    private int size;

    /** @return the number of entries */
    public int size() {
        return size;
    }

    /** @return the entry due first, or {@code null} if empty */
    public Periodic peek() {
        return size == 0 ? null : entries[0];
    }

    /**
     * The due time of the head.
     *
     * @return the head's due time
     * @throws IllegalStateException if empty
     */
    public long headDue() {
        if (size == 0) {
            throw new IllegalStateException("empty heap");
        }
        return due[0];
    }

    /**
     * The due time of an entry of this heap.
     *
     * @param e the entry
     * @return its due time
     * @throws IllegalArgumentException if it is not in this heap
     */
    public long dueOf(Periodic e) {
        int i = indexOf(e);
        if (i < 0) {
            throw new IllegalArgumentException("entry: " + e + " (expected: in this heap)");
        }
        return due[i];
    }

    /**
     * Adds an entry.
     *
     * @param e the entry, in no heap
     * @param dueTime its due time
     */
    public void add(Periodic e, long dueTime) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
            due = Arrays.copyOf(due, size * 2);
        }
        siftUp(size++, e, dueTime);
    }

    /**
     * Removes an entry if it is in this heap.
     *
     * @param e the entry
     * @return {@code true} if it was here and is removed
     */
    public boolean remove(Periodic e) {
        int i = indexOf(e);
        if (i < 0) {
            return false;
        }
        e.heapIndex = -1;
        int last = --size;
        Periodic moved = entries[last];
        long movedDue = due[last];
        entries[last] = null;
        if (i != last) {
            siftDown(i, moved, movedDue);
            if (entries[i] == moved) {
                siftUp(i, moved, movedDue);
            }
        }
        if (entries.length > 64 && size < entries.length / 4) {
            // Give memory back after a burst of entries is gone.
            entries = Arrays.copyOf(entries, entries.length / 2);
            due = Arrays.copyOf(due, due.length / 2);
        }
        return true;
    }

    /**
     * Moves the head to a later due time, to its place.
     *
     * @param dueTime the head's new due time, not before its old one
     * @throws IllegalStateException if empty
     */
    public void moveHead(long dueTime) {
        if (size == 0) {
            throw new IllegalStateException("empty heap");
        }
        siftDown(0, entries[0], dueTime);
    }

    /**
     * Gives every entry a new due time, then restores the order: O(n).
     *
     * @param next the new due time of each entry from its old one
     */
    public void reschedule(Rescheduling next) {
        for (int i = 0; i < size; i++) {
            due[i] = next.due(entries[i], due[i]);
        }
        for (int i = (size - 2) >> 2; i >= 0; i--) {
            siftDown(i, entries[i], due[i]);
        }
    }

    /** A new due time for each entry ({@link #reschedule}). */
    @FunctionalInterface
    public interface Rescheduling {
        /**
         * The entry's new due time.
         *
         * @param e the entry
         * @param dueTime its due time now
         * @return its new due time
         */
        long due(Periodic e, long dueTime);
    }

    private int indexOf(Periodic e) {
        int i = e.heapIndex;
        return i >= 0 && i < size && entries[i] == e ? i : -1;
    }

    private void siftUp(int i, Periodic e, long d) {
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pd = due[parent];
            if (d - pd >= 0) {
                break;
            }
            Periodic p = entries[parent];
            entries[i] = p;
            due[i] = pd;
            p.heapIndex = i;
            i = parent;
        }
        entries[i] = e;
        due[i] = d;
        e.heapIndex = i;
    }

    private void siftDown(int i, Periodic e, long d) {
        long[] ds = due;
        Periodic[] es = entries;
        int n = size;
        for (;;) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bd = ds[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long cd = ds[c];
                if (cd - bd < 0) {
                    best = c;
                    bd = cd;
                }
            }
            if (bd - d >= 0) {
                break;
            }
            Periodic c = es[best];
            es[i] = c;
            ds[i] = bd;
            c.heapIndex = i;
            i = best;
        }
        es[i] = e;
        ds[i] = d;
        e.heapIndex = i;
    }
}
