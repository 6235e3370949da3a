package dev.eventdriven.timer.internal;

import java.util.Arrays;

/**
 * The deadline heap of a {@code TimerSet}: a 4-ary min-heap over {@link Periodic} entries, built for the
 * one operation periodic timers do all the time, moving the head to its next slot ({@link #moveHead}),
 * which takes it back to (near) the bottom at each tick.
 *
 * <p>The heap itself is two flat arrays, the entries' slot numbers and their due times; an entry's
 * place is found by its slot in a third. Sifting compares numbers in one array (four children share a
 * cache line) and moves numbers, and never writes to an entry: a set's entries are read by the
 * controller's loop while the scheduler's thread sifts, and a write per level into them (an index
 * field) made their cache lines travel between the two cores at every tick. Each entry knows its slot,
 * so a cancelled one leaves at once in O(log n). Due times are compared wrap-around safe; equal due
 * times come out in no particular order. Not thread-safe: its owner guards it.
 */
public final class PeriodicHeap {

    private static final int[] NO_INTS = {};

    /** Heap order: the slot of the entry at each index. */
    private int[] heap = new int[16];
    /** Heap order: the due time of the entry at each index. */
    private long[] due = new long[16];
    /** By slot: the entry. */
    private Periodic[] entries = new Periodic[16];
    /** By slot: the entry's index in {@link #heap}. */
    private int[] index = new int[16];
    /** Slots given back by removed entries, to reuse first. */
    private int[] free = NO_INTS;
    private int freeCount;
    /** Slots ever used (the next new slot). */
    private int slots;
    private int size;

    /** @return the number of entries */
    public int size() {
        return size;
    }

    /** @return the entry due first, or {@code null} if empty */
    public Periodic peek() {
        return size == 0 ? null : entries[heap[0]];
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
        int s = slotOf(e);
        if (s < 0) {
            throw new IllegalArgumentException("entry: " + e + " (expected: in this heap)");
        }
        return due[index[s]];
    }

    /**
     * Adds an entry.
     *
     * @param e the entry, in no heap
     * @param dueTime its due time
     */
    public void add(Periodic e, long dueTime) {
        int s;
        if (freeCount != 0) {
            s = free[--freeCount];
        } else {
            if (slots == entries.length) {
                entries = Arrays.copyOf(entries, slots * 2);
                index = Arrays.copyOf(index, slots * 2);
            }
            s = slots++;
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            due = Arrays.copyOf(due, size * 2);
        }
        entries[s] = e;
        e.heapSlot = s;
        siftUp(size++, s, dueTime);
    }

    /**
     * Removes an entry if it is in this heap.
     *
     * @param e the entry
     * @return {@code true} if it was here and is removed
     */
    public boolean remove(Periodic e) {
        int s = slotOf(e);
        if (s < 0) {
            return false;
        }
        int i = index[s];
        e.heapSlot = -1;
        entries[s] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, Math.max(16, freeCount * 2));
        }
        free[freeCount++] = s;
        int last = --size;
        if (i != last) {
            int moved = heap[last];
            long movedDue = due[last];
            siftDown(i, moved, movedDue);
            if (heap[i] == moved) {
                siftUp(i, moved, movedDue);
            }
        }
        if (size == 0) {
            // Empty: start afresh, giving the memory of a burst of entries back.
            slots = 0;
            freeCount = 0;
            if (entries.length > 64) {
                heap = new int[16];
                due = new long[16];
                entries = new Periodic[16];
                index = new int[16];
                free = NO_INTS;
            }
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
        siftDown(0, heap[0], dueTime);
    }

    /**
     * Gives every entry a new due time, then restores the order: O(n).
     *
     * @param next the new due time of each entry from its old one
     */
    public void reschedule(Rescheduling next) {
        for (int i = 0; i < size; i++) {
            due[i] = next.due(entries[heap[i]], due[i]);
        }
        for (int i = (size - 2) >> 2; i >= 0; i--) {
            siftDown(i, heap[i], due[i]);
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

    private int slotOf(Periodic e) {
        int s = e.heapSlot;
        return s >= 0 && s < slots && entries[s] == e ? s : -1;
    }

    private void siftUp(int i, int s, long d) {
        int[] hs = heap;
        long[] ds = due;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pd = ds[parent];
            if (d - pd >= 0) {
                break;
            }
            int ps = hs[parent];
            hs[i] = ps;
            ds[i] = pd;
            index[ps] = i;
            i = parent;
        }
        hs[i] = s;
        ds[i] = d;
        index[s] = i;
    }

    private void siftDown(int i, int s, long d) {
        int[] hs = heap;
        long[] ds = due;
        int[] at = index;
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
            int cs = hs[best];
            hs[i] = cs;
            ds[i] = bd;
            at[cs] = i;
            i = best;
        }
        hs[i] = s;
        ds[i] = d;
        at[s] = i;
    }
}
