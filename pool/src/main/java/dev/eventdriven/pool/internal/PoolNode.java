package dev.eventdriven.pool.internal;

import dev.eventdriven.internal.Envelope;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One event accepted by a pool: the envelope the worker loop processes, its ordering key, and its
 * place in the pool's bookkeeping. Also the node of the shared queue that holds it.
 *
 * <p>An event is numbered once, by where it entered: {@code seq} for the shared queue (a position,
 * from 1), {@code ticket} for a key's backlog (from 1). The other number stays 0. Both are written
 * before the node is published (a CAS or a lock release) and never change afterwards.
 */
final class PoolNode {

    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(PoolNode.class, "next", PoolNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The event; {@code null} for the queue's stub and its close marker. */
    final Envelope envelope;
    /** The ordering key, or {@code null} for an unordered event. */
    final Object key;
    /** Whether this node closes the shared queue. */
    final boolean closing;
    long seq;
    long ticket;
    @SuppressWarnings("unused") // accessed through NEXT
    private volatile PoolNode next;

    PoolNode(Envelope envelope, Object key) {
        this(envelope, key, false);
    }

    private PoolNode(Envelope envelope, Object key, boolean closing) {
        this.envelope = envelope;
        this.key = key;
        this.closing = closing;
    }

    static PoolNode stub() {
        return new PoolNode(null, null, false);
    }

    static PoolNode closeMarker() {
        return new PoolNode(null, null, true);
    }

    /**
     * Whether this event was accepted no later than a snapshot (see {@code awaitDrained}).
     *
     * @param seq the shared queue's last position at the snapshot
     * @param ticket the last backlog ticket at the snapshot
     */
    boolean acceptedBy(long seq, long ticket) {
        return this.ticket != 0 ? this.ticket <= ticket : this.seq <= seq;
    }

    PoolNode next() {
        return (PoolNode) NEXT.getAcquire(this);
    }

    void link(PoolNode n) {
        NEXT.setRelease(this, n);
    }

    /**
     * Links this node to itself once it has left the queue: a consumer still holding it as a stale
     * head sees the self-link and starts over, and a taken node that was promoted to the old
     * generation no longer keeps every later node reachable (which made each young GC copy the
     * whole chain of processed events). Only the consumer that moved the head past this node.
     */
    void unlink() {
        NEXT.setRelease(this, this);
    }
}
