package dev.eventdriven.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * Multi-producer single-consumer intrusive linked queue of {@link Envelope}s, closable.
 *
 * <p>Producers append with one CAS on {@code tail}. A producer that finds a {@link Envelope.CloseMarker}
 * at the tail is refused: appending the marker is the linearization point of a shutdown, so an event
 * is either before the marker (it will be handled or handed back) or refused at its dispatch call.
 * Producers number the nodes ({@code seq = tail.seq + 1}, read from the node they CAS against), so the
 * queue length and the dispatched count come free: {@code tail.seq - consumedSeq}.
 *
 * <p>The queue never clears a node's contents: the consumer does, once it has finished with the
 * event (a node stays behind as the stub, and a handler may drain the queue while its own event,
 * the head, is still in use). The queue only cuts a node's link once the head has moved past it
 * (see {@link Envelope#unlink}).
 *
 * <p>Only one thread at a time may call the consumer methods ({@link #poll}, {@link #drainUntilMarker},
 * {@link #reopen}).
 *
 * <p>Layout: the producers' {@code tail} and the consumer's fields ({@code head}, {@code takenSeq},
 * {@code consumedSeq}, written every event) sit on different cache lines (see {@link QueueLayout}),
 * so the loop's progress writes do not invalidate the line every dispatch CASes.
 */
final class MpscEnvelopeQueue extends QueueLayout.ConsumerFields {

    static final int OK = 0;
    static final int CLOSED = 1;
    static final int FULL = 2;

    private static final VarHandle TAIL;
    private static final VarHandle CONSUMED;
    private static final VarHandle TAKEN;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TAIL = l.findVarHandle(QueueLayout.TailField.class, "tail", Envelope.class);
            CONSUMED = l.findVarHandle(QueueLayout.ConsumerFields.class, "consumedSeq", int.class);
            TAKEN = l.findVarHandle(QueueLayout.ConsumerFields.class, "takenSeq", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // trailing padding: keeps the consumer fields off the next object's line
    private long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;

    MpscEnvelopeQueue() {
        Envelope stub = new Envelope(null, null, null);
        head = stub;
        TAIL.setRelease(this, stub);
    }

    /**
     * Appends an envelope.
     *
     * @param e the envelope (not yet shared)
     * @param capacity the bound, or {@link ControllerConfig#UNBOUNDED}
     * @return {@link #OK}, {@link #CLOSED} or {@link #FULL}
     */
    int offer(Envelope e, int capacity) {
        for (;;) {
            Envelope t = (Envelope) TAIL.getAcquire(this);
            if (t.extra instanceof Envelope.CloseMarker) {
                return CLOSED;
            }
            int seq = t.seq + 1;
            if (capacity != ControllerConfig.UNBOUNDED && seq - (int) TAKEN.getAcquire(this) > capacity) {
                return FULL;
            }
            e.seq = seq;
            if (TAIL.compareAndSet(this, t, e)) {
                t.lazyNext(e);
                return OK;
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Appends a close marker unless the queue is closed already.
     *
     * @param marker the marker envelope
     * @return {@code true} if appended, {@code false} if already closed
     */
    boolean close(Envelope marker) {
        return offer(marker, ControllerConfig.UNBOUNDED) == OK;
    }

    /** @return whether the tail is a close marker */
    boolean isClosed() {
        return ((Envelope) TAIL.getAcquire(this)).extra instanceof Envelope.CloseMarker;
    }

    /** @return the marker at the tail, or {@code null} if open */
    Envelope closeMarker() {
        Envelope t = (Envelope) TAIL.getAcquire(this);
        return t.extra instanceof Envelope.CloseMarker ? t : null;
    }

    /**
     * Consumer: whether the next envelope is linked, without reading the producers' tail (a cheap
     * check for a waiting consumer; an append whose link is not yet written shows a moment later).
     *
     * @return whether {@link #poll()} would return an envelope now
     */
    boolean hasNext() {
        return head.next() != null;
    }

    /**
     * Consumer: takes the next envelope.
     *
     * @return the next envelope, or {@code null} if none is visible
     */
    Envelope poll() {
        Envelope h = head;
        Envelope n = h.next();
        if (n == null) {
            if (h == TAIL.getAcquire(this)) {
                return null;
            }
            // A producer won the CAS but has not linked yet: the link is a few instructions away.
            while ((n = h.next()) == null) {
                Thread.onSpinWait();
            }
        }
        head = n;
        TAKEN.setRelease(this, n.seq);
        h.unlink();
        return n;
    }

    /** @return whether nothing is queued (any thread; a snapshot) */
    boolean isEmpty() {
        return size() == 0;
    }

    /** @return how many envelopes wait (any thread; a snapshot) */
    int size() {
        int consumed = (int) CONSUMED.getAcquire(this);
        return Math.max(0, ((Envelope) TAIL.getAcquire(this)).seq - consumed);
    }

    /** @return the seq of the last appended envelope */
    int tailSeq() {
        return ((Envelope) TAIL.getAcquire(this)).seq;
    }

    /** @return the seq of the last consumed envelope */
    int consumedSeq() {
        return (int) CONSUMED.getAcquire(this);
    }

    /**
     * Consumer: publishes progress, after the envelope with this seq was fully processed.
     *
     * @param seq the seq
     */
    void publishConsumed(int seq) {
        CONSUMED.setRelease(this, seq);
    }

    /**
     * Consumer: removes every envelope up to (not including) a close marker, in order. The marker,
     * if reached, stays queued.
     *
     * @param sink receives the removed envelopes
     * @return how many were removed
     */
    int drainUntilMarker(Consumer<Envelope> sink) {
        int n = 0;
        for (;;) {
            Envelope h = head;
            Envelope next = h.next();
            if (next == null && h != TAIL.getAcquire(this)) {
                while ((next = h.next()) == null) {
                    Thread.onSpinWait();
                }
            }
            if (next == null || next.isCloseMarker()) {
                publishConsumed(h.seq);
                return n;
            }
            head = next;
            TAKEN.setRelease(this, next.seq);
            h.unlink();
            sink.accept(next);
            n++;
        }
    }

    /**
     * Consumer: reopens the queue after a cancelled graceful shutdown. The marker must have been
     * polled; it stays as the stub, and producers append after it again once they see it cleared.
     *
     * @param marker the marker that was polled
     */
    void reopen(Envelope marker) {
        VarHandle.releaseFence();
        marker.extra = null;
    }
}
