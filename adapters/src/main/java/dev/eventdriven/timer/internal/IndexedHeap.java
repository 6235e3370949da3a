package dev.eventdriven.timer.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A binary min-heap in which every entry knows its index, so that an entry is removed in O(log n)
 * instead of lingering until it comes due (a cancelled hour-long timer would otherwise hold memory
 * for an hour), and the head can move to its next slot in place ({@link #siftDownHead()}). The
 * schedulers' one-shot entries live in one (a {@code TimerSet} keeps its periodic ones in a
 * {@link PeriodicHeap}, built for them). Not
 * thread-safe: its owner guards it.
 *
 * @param <E> the entries
 */
public final class IndexedHeap<E extends IndexedHeap.Entry<E>> {

    /**
     * What an entry of the heap carries: its place, and its order.
     *
     * @param <E> the entries' type
     */
    public abstract static class Entry<E> {
        int heapIndex = -1;

        /**
         * Whether this entry comes before another (wrap-around safe where times are compared).
         *
         * @param other another entry
         * @return {@code true} if this one is due first
         */
        protected abstract boolean before(E other);
    }

    private Object[] entries = new Object[16];
    private int size;

    @SuppressWarnings("unchecked")
    private E at(int i) {
        return (E) entries[i];
    }

    /**
     * The number of entries.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * The entry due first.
     *
     * @return the head, or {@code null} if empty
     */
    public E peek() {
        return size == 0 ? null : at(0);
    }

    /**
     * Adds an entry.
     *
     * @param e the entry, not in a heap
     */
    public void add(E e) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        entries[size] = e;
        e.heapIndex = size;
        siftUp(size++);
    }

    /**
     * Removes and returns the entry due first.
     *
     * @return the head, or {@code null} if empty
     */
    public E poll() {
        if (size == 0) {
            return null;
        }
        E head = at(0);
        removeAt(0);
        return head;
    }

    /**
     * Removes an entry if it is in this heap.
     *
     * @param e the entry
     * @return {@code true} if it was here and is removed
     */
    public boolean remove(E e) {
        int i = e.heapIndex;
        if (i < 0 || i >= size || entries[i] != e) {
            return false;
        }
        removeAt(i);
        return true;
    }

    /**
     * Removes every entry.
     *
     * @return the removed entries
     */
    public List<E> clear() {
        List<E> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            E e = at(i);
            e.heapIndex = -1;
            all.add(e);
            entries[i] = null;
        }
        size = 0;
        return all;
    }

    /** The head is due later than it was: moves it down to its place. */
    public void siftDownHead() {
        if (size > 0) {
            siftDown(0);
        }
    }

    /**
     * Calls an action on every entry, in heap order; an action that changes the order must be
     * followed by {@link #rebuild()}.
     *
     * @param action the action
     */
    public void forEach(Consumer<? super E> action) {
        for (int i = 0; i < size; i++) {
            action.accept(at(i));
        }
    }

    /** Restores the heap order after the entries' order changed: O(n). */
    public void rebuild() {
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void removeAt(int i) {
        at(i).heapIndex = -1;
        int last = --size;
        if (i != last) {
            E moved = at(last);
            entries[i] = moved;
            moved.heapIndex = i;
            entries[last] = null;
            siftDown(i);
            if (entries[i] == moved) {
                siftUp(i);
            }
        } else {
            entries[last] = null;
        }
        if (entries.length > 64 && size < entries.length / 4) {
            // Give memory back after a burst of entries is gone.
            entries = Arrays.copyOf(entries, entries.length / 2);
        }
    }

    private void siftUp(int i) {
        E e = at(i);
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            E p = at(parent);
            if (!e.before(p)) {
                break;
            }
            entries[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        entries[i] = e;
        e.heapIndex = i;
    }

    private void siftDown(int i) {
        E e = at(i);
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && at(right).before(at(child))) {
                child = right;
            }
            E c = at(child);
            if (!c.before(e)) {
                break;
            }
            entries[i] = c;
            c.heapIndex = i;
            i = child;
        }
        entries[i] = e;
        e.heapIndex = i;
    }
}
