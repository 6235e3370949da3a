package dev.eventdriven.timer.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary min-heap of entries by deadline in which every entry knows its index, so that a cancelled
 * entry is removed in O(log n) instead of lingering until its deadline (a cancelled hour-long timer
 * would otherwise hold memory for an hour). Not thread-safe: the owner guards it with its lock.
 */
public final class DeadlineHeap {

    private ScheduledEntry[] entries = new ScheduledEntry[16];
    private int size;

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
    public ScheduledEntry peek() {
        return size == 0 ? null : entries[0];
    }

    /**
     * Adds an entry.
     *
     * @param e the entry, not in a heap
     */
    public void add(ScheduledEntry e) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        e.heapIndex = size;
        entries[size++] = e;
        siftUp(e.heapIndex);
    }

    /**
     * Removes and returns the entry due first.
     *
     * @return the head, or {@code null} if empty
     */
    public ScheduledEntry poll() {
        if (size == 0) {
            return null;
        }
        ScheduledEntry head = entries[0];
        removeAt(0);
        return head;
    }

    /**
     * Removes an entry if it is in this heap.
     *
     * @param e the entry
     * @return {@code true} if it was removed
     */
    public boolean remove(ScheduledEntry e) {
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
    public List<ScheduledEntry> clear() {
        List<ScheduledEntry> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries[i].heapIndex = -1;
            all.add(entries[i]);
            entries[i] = null;
        }
        size = 0;
        return all;
    }

    private void removeAt(int i) {
        ScheduledEntry removed = entries[i];
        removed.heapIndex = -1;
        int last = --size;
        if (i != last) {
            ScheduledEntry moved = entries[last];
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
            // Give memory back after a burst of timers is gone.
            entries = Arrays.copyOf(entries, entries.length / 2);
        }
    }

    private void siftUp(int i) {
        ScheduledEntry e = entries[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            ScheduledEntry p = entries[parent];
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
        ScheduledEntry e = entries[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && entries[right].before(entries[child])) {
                child = right;
            }
            if (!entries[child].before(e)) {
                break;
            }
            entries[i] = entries[child];
            entries[i].heapIndex = i;
            i = child;
        }
        entries[i] = e;
        e.heapIndex = i;
    }
}
