package dev.eventdriven.pool.internal;

import dev.eventdriven.internal.Envelope;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One event accepted by a pool: the envelope the worker loop processes (this object: one allocation
 * per dispatch, and the worker that takes the node finds the event on the same cache lines), its
 * ordering key, and its place in the pool's bookkeeping. Also the node of the shared queue that
 * holds it.
 *
 * <p>An event is numbered once, by where it entered: {@code position} for the shared queue (from 1),
 * {@code ticket} for a key's backlog (from 1). The other number stays 0. Both are written before the
 * node is published (a CAS or a lock release) and never change afterwards.
 */
final class PoolNode extends Envelope {

    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(PoolNode.class, "poolNext", PoolNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The id of the node that closes the shared queue (not a field of its own: with one more, a
     * node would take 64 bytes instead of 56).
     */
    private static final Object CLOSING = new Object() {
        @Override
        public String toString() {
            return "the pool queue's close marker";
        }
    };

    /** The ordering key, or {@code null} for an unordered event. */
    final Object key;
    long position;
    long ticket;
    @SuppressWarnings("unused") // accessed through NEXT
    private volatile PoolNode poolNext;

    /**
     * Creates the node of a dispatch.
     *
     * @param id the event id
     * @param value the value
     * @param extra see {@link Envelope#Envelope(Object, Object, Object)}
     * @param key the ordering key or {@code null}
     */
    PoolNode(Object id, Object value, Object extra, Object key) {
        super(id, value, extra);
        this.key = key;
    }

    static PoolNode stub() {
        return new PoolNode(null, null, null, null);
    }

    static PoolNode closeMarker() {
        return new PoolNode(CLOSING, null, null, null);
    }

    /** @return whether this node closes the shared queue */
    boolean closing() {
        return id() == CLOSING;
    }

    /**
     * This event's number as one value (what a worker's feed keeps instead of a reference): the
     * backlog ticket, negated, if it has one, else the queue position; never 0.
     */
    long mark() {
        return ticket != 0 ? -ticket : position;
    }

    /**
     * Whether the event of a {@link #mark()} was accepted no later than a snapshot (see
     * {@code awaitDrained}).
     *
     * @param mark the event's mark, or 0 for none (never accepted by a snapshot)
     * @param position the shared queue's last position at the snapshot
     * @param ticket the last backlog ticket at the snapshot
     */
    static boolean acceptedBy(long mark, long position, long ticket) {
        return mark < 0 ? -mark <= ticket : mark != 0 && mark <= position;
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
