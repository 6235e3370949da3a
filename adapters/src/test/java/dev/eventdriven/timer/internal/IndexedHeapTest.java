package dev.eventdriven.timer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexed deadline heap against a reference priority queue. */
class IndexedHeapTest {

    private static final ScheduledEntry.Owner NO_OWNER = e -> { };
    private static final Comparator<ScheduledEntry> ORDER = (a, b) -> a.before(b) ? -1 : b.before(a) ? 1 : 0;

    @Test
    void behavesLikeAPriorityQueueUnderRandomAddsPollsAndRemoves() {
        for (long seed = 0; seed < 20; seed++) {
            Random rnd = new Random(seed);
            IndexedHeap<ScheduledEntry> heap = new IndexedHeap<>();
            PriorityQueue<ScheduledEntry> reference = new PriorityQueue<>(ORDER);
            List<ScheduledEntry> live = new ArrayList<>();
            long seq = 0;
            for (int op = 0; op < 20_000; op++) {
                int r = rnd.nextInt(10);
                if (r < 5) {
                    // Deadlines around the wrap-around of long to check the wrap-safe ordering.
                    long deadline = Long.MAX_VALUE - 500 + rnd.nextInt(1_000);
                    ScheduledEntry e = new ScheduledEntry(deadline, seq++, () -> { }, NO_OWNER);
                    heap.add(e);
                    reference.add(e);
                    live.add(e);
                } else if (r < 8) {
                    ScheduledEntry expected = reference.poll();
                    assertSame(expected, heap.poll(), "seed " + seed + " op " + op);
                    live.remove(expected);
                } else if (!live.isEmpty()) {
                    ScheduledEntry victim = live.remove(rnd.nextInt(live.size()));
                    assertTrue(heap.remove(victim));
                    assertFalse(heap.remove(victim), "removed twice");
                    reference.remove(victim);
                }
                assertEquals(reference.size(), heap.size());
                assertSame(reference.peek(), heap.peek());
            }
            assertEquals(live.size(), heap.clear().size());
            assertNull(heap.poll());
        }
    }
}
