package dev.eventdriven.timer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The set's 4-ary deadline heap against a reference model: a map of entries to due times. */
class PeriodicHeapTest {

    /** Due times around the wrap-around of long, to check the wrap-safe ordering. */
    private static final long BASE = Long.MAX_VALUE - 5_000;

    @Test
    void behavesLikeTheModelUnderRandomAddsMovesRemovesAndReschedules() {
        for (long seed = 0; seed < 10; seed++) {
            Random rnd = new Random(seed);
            PeriodicHeap heap = new PeriodicHeap();
            Map<Periodic, Long> model = new IdentityHashMap<>();
            List<Periodic> live = new ArrayList<>();
            for (int op = 0; op < 10_000; op++) {
                int r = rnd.nextInt(20);
                String at = "seed " + seed + " op " + op;
                if (r < 8) {
                    Periodic e = new Periodic("e", op, 1 + rnd.nextInt(100), 0);
                    long due = BASE + rnd.nextInt(10_000);
                    heap.add(e, due);
                    model.put(e, due);
                    live.add(e);
                } else if (r < 15 && !live.isEmpty()) {
                    Periodic head = heap.peek();
                    assertEquals(min(model), heap.headDue(), at);
                    assertEquals(model.get(head), heap.headDue(), at);
                    long later = heap.headDue() + head.interval * (1 + rnd.nextInt(3));
                    heap.moveHead(later);
                    model.put(head, later);
                } else if (r < 19 && !live.isEmpty()) {
                    Periodic victim = live.remove(rnd.nextInt(live.size()));
                    assertTrue(heap.remove(victim), at);
                    assertFalse(heap.remove(victim), "removed twice, " + at);
                    model.remove(victim);
                    assertThrows(IllegalArgumentException.class, () -> heap.dueOf(victim));
                } else {
                    long shift = rnd.nextInt(1_000) - 500;
                    heap.reschedule((e, due) -> due + shift + e.interval);
                    model.replaceAll((e, due) -> due + shift + e.interval);
                }
                assertEquals(model.size(), heap.size(), at);
                if (!model.isEmpty()) {
                    assertEquals(min(model), heap.headDue(), at);
                    assertEquals(model.get(heap.peek()), heap.headDue(), at);
                    Periodic any = live.get(rnd.nextInt(live.size()));
                    assertEquals(model.get(any), heap.dueOf(any), at);
                } else {
                    assertNull(heap.peek());
                }
            }
        }
    }

    @Test
    void drainingByDueGivesTheDeadlineOrder() {
        PeriodicHeap heap = new PeriodicHeap();
        Random rnd = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            heap.add(new Periodic("e", i, 1, 0), BASE + rnd.nextInt(20_000));
        }
        long last = Long.MIN_VALUE;
        boolean first = true;
        while (heap.size() != 0) {
            long due = heap.headDue();
            assertTrue(first || due - last >= 0, "out of order: " + last + " then " + due);
            first = false;
            last = due;
            assertTrue(heap.remove(heap.peek()));
        }
        assertThrows(IllegalStateException.class, heap::headDue);
        assertThrows(IllegalStateException.class, () -> heap.moveHead(0));
    }

    @Test
    void anEntryIsInOneHeapOnly() {
        PeriodicHeap a = new PeriodicHeap();
        PeriodicHeap b = new PeriodicHeap();
        Periodic e = new Periodic("e", null, 1, 0);
        a.add(e, 5);
        b.add(new Periodic("f", null, 1, 0), 6);
        assertFalse(b.remove(e));
        assertSame(e, a.peek());
    }

    private static long min(Map<Periodic, Long> model) {
        long best = 0;
        boolean any = false;
        for (long due : model.values()) {
            if (!any || due - best < 0) {
                best = due;
                any = true;
            }
        }
        return best;
    }
}
