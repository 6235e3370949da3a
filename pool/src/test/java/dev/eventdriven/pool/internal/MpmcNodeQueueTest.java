package dev.eventdriven.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

        assertSame(a, q.poll());
        assertSame(b, a.next(), "the current head keeps its link");
        assertSame(b, q.poll());
        // Unlinked: no chain from a promoted, taken node to later ones; a consumer that still
        // reads a as the head sees the self-link and rereads the head.
        assertSame(a, a.next());
        assertSame(c, q.poll());
        assertSame(b, b.next());
        assertNull(q.poll());
        assertEquals(3, q.taken());
    }

    private static MpmcNodeQueue queueOf(int n) {
        MpmcNodeQueue q = new MpmcNodeQueue();
        for (int i = 0; i < n; i++) {
            assertEquals(MpmcNodeQueue.OK, q.offer(node(i), MpmcNodeQueue.UNBOUNDED));
        }
        return q;
    }

    /**
     * Polls once for a worker of a pool of {@code share} workers and returns the values it got: the
     * first, then its claim in order.
     */
    private static List<Integer> claim(MpmcNodeQueue q, int share) {
        WorkerFeed feed = new WorkerFeed(null, share);
        List<Integer> got = new ArrayList<>();
        PoolNode n = q.poll(feed);
        if (n == null) {
            return got;
        }
        got.add((Integer) n.value());
        while ((n = feed.takeClaimed(null)) != null) {
            got.add((Integer) n.value());
        }
        return got;
    }

    @Test
    void aWorkerClaimsItsShareOfTheRunItSeesAndAtMostTheLimit() {
        MpmcNodeQueue q = queueOf(40);
        // 16 seen (the look-ahead of two workers), half of them, capped at the limit.
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), claim(q, 2));
        assertEquals(8, q.taken(), "the claim left the queue with one CAS");
        assertEquals(List.of(8, 9, 10, 11), claim(q, 8), "a share of 8 workers of the 32 seen");
        assertEquals(List.of(12), claim(q, 0), "share 0: one node");

        MpmcNodeQueue few = queueOf(3);
        assertEquals(List.of(0, 1), claim(few, 2), "half of 3, rounded up");
        assertEquals(List.of(2), claim(few, 2));
        assertEquals(List.of(), claim(few, 2));
    }

    @Test
    void aClaimStopsAtTheCloseMarker() {
        MpmcNodeQueue q = queueOf(3);
        assertTrue(q.close());
        assertEquals(List.of(0, 1, 2), claim(q, 1));
        assertNull(q.poll(new WorkerFeed(null, 1)));
        assertTrue(q.isEmpty());
    }

    @Test
    void claimedNodesGoToWhoeverTakesThemFirstInOrder() {
        MpmcNodeQueue q = queueOf(10);
        WorkerFeed owner = new WorkerFeed(null, 1);
        WorkerFeed thief = new WorkerFeed(null, 1);
        assertEquals(0, q.poll(owner).value());
        assertEquals(7, owner.claimedCount());
        assertTrue(owner.claimHoldsUpTo(1), "the claim stands for its events until they are all taken");
        assertEquals(1, owner.takeClaimed(thief).value());
        assertEquals(2, owner.takeClaimed(owner).value());
        assertEquals(5, owner.claimedCount());
        for (int v = 3; v < 8; v++) {
            assertEquals(v, owner.takeClaimed(thief).value());
        }
        assertNull(owner.takeClaimed(owner));
        assertFalse(owner.hasClaimed());
        assertEquals(8, q.poll(owner).value(), "the queue goes on after the claim");
    }
}
