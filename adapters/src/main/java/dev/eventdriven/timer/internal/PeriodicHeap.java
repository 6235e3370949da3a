package dev.eventdriven.timer.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A binary min-heap of periodic entries by due time (wrap-around safe) whose entries know their index:
 * the head moves to its next slot in place ({@link #siftDownHead()}), and an entry is removed in
 * O(log n). Not thread-safe: its owner guards it.
 */
public final class PeriodicHeap {

    /** An entry: what it sends, its due time on the owner's clock, and its place in the heap. */
    public static final class Periodic {
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
        int index = -1;

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
    }

    private Periodic[] entries = new Periodic[16];
    private int size;

    /** @return the number of entries */
    public int size() {
        return size;
    }

    /** @return the entry due first, or {@code null} */
    public Periodic peek() {
        return size == 0 ? null : entries[0];
    }

    /** @param e an entry not in a heap */
    public void add(Periodic e) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        entries[size] = e;
        e.index = size;
        siftUp(size++);
    }

    /**
     * @param e an entry
     * @return whether it was here and is removed
     */
    public boolean remove(Periodic e) {
        int i = e.index;
        if (i < 0 || i >= size || entries[i] != e) {
            return false;
        }
        e.index = -1;
        int last = --size;
        if (i != last) {
            Periodic moved = entries[last];
            entries[i] = moved;
            moved.index = i;
            entries[last] = null;
            siftDown(i);
            if (entries[i] == moved) {
                siftUp(i);
            }
        } else {
            entries[last] = null;
        }
        return true;
    }

    /** The head's due time grew: moves it down to its place. */
    public void siftDownHead() {
        if (size > 0) {
            siftDown(0);
        }
    }

    /** @param action called on every entry (which may change due times; then {@link #rebuild()}) */
    public void forEach(Consumer<Periodic> action) {
        for (int i = 0; i < size; i++) {
            action.accept(entries[i]);
        }
    }

    /** Restores the heap order after due times changed: O(n). */
    public void rebuild() {
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private static boolean before(Periodic a, Periodic b) {
        return a.due - b.due < 0;
    }

    private void siftUp(int i) {
        Periodic e = entries[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Periodic p = entries[parent];
            if (!before(e, p)) {
                break;
            }
            entries[i] = p;
            p.index = i;
            i = parent;
        }
        entries[i] = e;
        e.index = i;
    }

    private void siftDown(int i) {
        Periodic e = entries[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(entries[right], entries[child])) {
                child = right;
            }
            if (!before(entries[child], e)) {
                break;
            }
            entries[i] = entries[child];
            entries[i].index = i;
            i = child;
        }
        entries[i] = e;
        e.index = i;
    }
}
