package dev.eventdriven.pool.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The pool's shared queue: multi-producer, multi-consumer, intrusive linked list of
 * {@link PoolNode}s, closable, with no lock anywhere.
 *
 * <p><b>Producers</b> append with one CAS on {@code tail} and then link the previous tail to the new
 * node (the Vyukov append). Each node is numbered {@code tail.position + 1} from the node it CASes
 * against, so the number of accepted events and the queue length come free.
 *
 * <p><b>Closing.</b> A producer that finds the close marker at the tail is refused. Appending the
 * marker is therefore the linearization point of a pool shutdown: an event whose CAS came first is
 * before the marker and will be taken (handled, or handed back by {@code shutdownNow}/{@code clean});
 * an event whose CAS would come after finds the marker and its dispatch call throws. Nothing is
 * appended after the marker, and the marker itself is never taken.
 *
 * <p><b>Consumers</b> (the workers, {@code clean}, a forced shutdown) advance {@code head} with a
 * CAS; only the winner processes the taken nodes. {@code head} is always the last taken node
 * (a stub), so {@code head.position} is the number of nodes taken. The winner then links the previous
 * head to itself ({@link PoolNode#unlink}), which also tells a consumer that read it as the head
 * too late to start over.
 *
 * <p><b>Claims.</b> A worker that sees a run of queued nodes takes several with its one CAS (at most
 * {@link #CLAIM_MAX}, and at most its share of those it sees, so that the other workers find the
 * rest): the nodes after the first stay linked to each other and go to its {@link WorkerFeed}, where
 * idle workers can still take them. Without claims the workers of a busy pool CAS {@code head} in
 * turn for every event, and each moves the line (and the neighbouring nodes' lines) from the other's
 * cache: in W4 the workers spent 24% of their time around the tasks, 9% with claims.
 */
final class MpmcNodeQueue extends NodeQueueLayout.HeadField {

    /** The most nodes one poll claims (see the class comment). */
    static final int CLAIM_MAX = 8;
    /** How far a claim looks ahead at most: with many workers each share is small anyway. */
    private static final int CLAIM_LOOK = 64;

    static final int OK = 0;
    static final int CLOSED = 1;
    static final int FULL = 2;
    /** Capacity meaning "no bound". */
    static final long UNBOUNDED = Long.MAX_VALUE;

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(NodeQueueLayout.HeadField.class, "head", PoolNode.class);
            TAIL = l.findVarHandle(NodeQueueLayout.TailField.class, "tail", PoolNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // trailing padding: keeps head off the next object's lines
    private long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;

    MpmcNodeQueue() {
        PoolNode stub = PoolNode.stub();
        HEAD.setVolatile(this, stub);
        TAIL.setVolatile(this, stub);
    }

    /**
     * Appends a node. Any thread.
     *
     * @param n the node, not yet shared
     * @param capacity the bound on queued nodes, or {@link #UNBOUNDED}
     * @return {@link #OK}, {@link #CLOSED} or {@link #FULL}
     */
    int offer(PoolNode n, long capacity) {
        for (;;) {
            PoolNode t = tail();
            if (t.closing()) {
                return CLOSED;
            }
            long position = t.position + 1;
            // A stale head only overestimates the length: a bound is never exceeded, at worst
            // a producer is refused a moment early.
            if (capacity != UNBOUNDED && position - head().position > capacity) {
                return FULL;
            }
            n.position = position;
            if (TAIL.compareAndSet(this, t, n)) {
                t.link(n);
                return OK;
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Appends the close marker (the linearization point of a shutdown). Any thread.
     *
     * @return {@code true} if this call closed the queue, {@code false} if it was closed already
     */
    boolean close() {
        return offer(PoolNode.closeMarker(), UNBOUNDED) == OK;
    }

    /**
     * Takes the next node. Any thread; consumers may race, each node goes to exactly one.
     *
     * @return the node, or {@code null} if nothing is queued before the tail or the marker
     */
    PoolNode poll() {
        return poll(null);
    }

    /**
     * Takes the next node, and, for a worker sharing the queue with others, maybe claims the nodes
     * after it (see the class comment). Consumers may race, each node goes to exactly one.
     *
     * @param feed the taking worker's feed, told the first node before the CAS that takes it (so that a
     *     waiter in {@code awaitDrained} never sees it, or the nodes it claims, in neither place) and
     *     given the claimed nodes after it; its {@link WorkerFeed#share} says how many workers share
     *     the queue (a claim takes at most 1/share of the nodes seen; 0: one node); {@code null} to
     *     take one node
     * @return the first node, or {@code null} if nothing is queued before the tail or the marker
     */
    PoolNode poll(WorkerFeed feed) {
        int share = feed == null ? 0 : feed.share;
        int spins = 0;
        for (;;) {
            PoolNode h = head();
            PoolNode n = h.next();
            if (n == null) {
                if (h == tail()) {
                    return null;
                }
                // A producer won its CAS but has not linked yet: a few instructions away, unless
                // it was descheduled; then give way.
                if (++spins > 64) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
                continue;
            }
            if (n == h) {
                continue; // h was taken meanwhile (unlinked): read the new head
            }
            if (n.closing()) {
                return null;
            }
            PoolNode last = n;
            if (feed != null) {
                last = share == 0 ? n : claimEnd(n, share);
                feed.claiming(n, last);
            }
            if (HEAD.compareAndSet(this, h, last)) {
                h.unlink();
                if (last != n) {
                    feed.claimed(n.next(), last);
                }
                return n;
            }
        }
    }

    /**
     * The last node of a claim that starts at {@code n}: looks ahead over the linked run (a stale
     * read only makes the claim shorter, or fails the CAS) and takes a share of it.
     */
    private static PoolNode claimEnd(PoolNode n, int share) {
        int look = Math.min(CLAIM_LOOK, CLAIM_MAX * share);
        int seen = 1;
        for (PoolNode x = n; seen < look; seen++) {
            PoolNode y = x.next();
            if (y == null || y == x || y.closing()) {
                break;
            }
            x = y;
        }
        int take = Math.min(CLAIM_MAX, (seen + share - 1) / share);
        PoolNode last = n;
        for (int i = 1; i < take; i++) {
            last = last.next();
        }
        return last;
    }

    /** @return whether no event is queued (any thread; a snapshot) */
    boolean isEmpty() {
        PoolNode h = head();
        PoolNode t = tail();
        return h == t || t.closing() && h.next() == t;
    }

    /** @return whether the close marker was appended */
    boolean isClosed() {
        return tail().closing();
    }

    /** @return how many events are queued (any thread; a snapshot) */
    long size() {
        PoolNode h = head();
        PoolNode t = tail();
        return Math.max(0, t.position - h.position - (t.closing() ? 1 : 0));
    }

    /** @return how many events were ever accepted */
    long accepted() {
        PoolNode t = tail();
        return t.position - (t.closing() ? 1 : 0);
    }

    /** @return how many events were taken */
    long taken() {
        return head().position;
    }

    private PoolNode head() {
        return (PoolNode) HEAD.getVolatile(this);
    }

    private PoolNode tail() {
        return (PoolNode) TAIL.getVolatile(this);
    }
}
