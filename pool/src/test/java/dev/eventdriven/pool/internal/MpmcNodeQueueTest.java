package dev.eventdriven.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** White-box checks of the pool's shared queue that the public API cannot observe. */
class MpmcNodeQueueTest {

    private static PoolNode node(int v) {
        return new PoolNode("e", v, null, null);
    }

    @Test
    void aTakenNodeLinksToItselfAndAStaleHeadStartsOver() {
        MpmcNodeQueue q = new MpmcNodeQueue();
        PoolNode a = node(1);
        PoolNode b = node(2);
        PoolNode c = node(3);
        assertEquals(MpmcNodeQueue.OK, q.offer(a, MpmcNodeQueue.UNBOUNDED));
        assertEquals(MpmcNodeQueue.OK, q.offer(b, MpmcNodeQueue.UNBOUNDED));
        assertEquals(MpmcNodeQueue.OK, q.offer(c, MpmcNodeQueue.UNBOUNDED));

        assertSame(a, q.poll(null));
        assertSame(b, a.next(), "the current head keeps its link");
        assertSame(b, q.poll(null));
        // Unlinked: no chain from a promoted, taken node to later ones; a consumer that still
        // reads a as the head sees the self-link and rereads the head.
        assertSame(a, a.next());
        assertSame(c, q.poll(null));
        assertSame(b, b.next());
        assertNull(q.poll(null));
        assertEquals(3, q.taken());
    }
}
