package dev.eventdriven.internal;

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
 * <p>Layout: this class holds the algorithm and no fields; its fields ({@code tail}, {@code head},
 * {@code takenSeq}, {@code consumedSeq}) are in one of two subclasses, reached through the accessors
 * below (named as JCTools names them: {@code lv} load volatile/acquire, {@code so} store ordered,
 * {@code lp}/{@code sp} plain, {@code cas}). {@link #padded()} — for a controller with a loop thread
 * of its own — puts the producers' {@code tail} and the consumer's fields (written every event) on
 * different cache lines (see {@link QueueLayout}), so the loop's progress writes do not invalidate the
 * line every dispatch CASes: 424 bytes. {@link #compact()} — for a controller on a shared executor
 * group, whose producers and consumer rarely run at the same moment and of which there may be a
 * million — packs them into 32 bytes. A process normally uses one kind at each call site, so the
 * accessors inline as if there were one class.
 */
abstract class MpscEnvelopeQueue {

    static final int OK = 0;
    static final int CLOSED = 1;
    static final int FULL = 2;

    /** For the two layouts. */
    MpscEnvelopeQueue() {
    }

    /**
     * A queue whose producer and consumer fields have cache lines of their own.
     *
     * @return an empty queue
     */
    static MpscEnvelopeQueue padded() {
        return new QueueLayout.Padded(new Envelope(null, null, null));
    }

    /**
     * A queue without padding, for the many sparse controllers of a shared executor group.
     *
     * @return an empty queue
     */
    static MpscEnvelopeQueue compact() {
        return new QueueLayout.Compact(new Envelope(null, null, null));
    }

    /**
     * Consumer: the controller is busy (a turn runs); a layout may move the consumer's fields onto
     * lines of their own until {@link #idle()}.
     *
     * @return the queue for the consumer to use until then: this one, or a view of it
     */
    MpscEnvelopeQueue busy() {
        return this;
    }

    /**
     * Consumer: the queue to consume through now, without making a view.
     *
     * @return the view {@link #busy()} made, if it is still attached; else this queue
     */
    MpscEnvelopeQueue consumerView() {
        return this;
    }

    /** Consumer: the controller goes idle; undoes {@link #busy()}. */
    void idle() {
    }

    /** @return the tail (acquire) */
    abstract Envelope lvTail();

    /** @return whether the tail moved from {@code expected} to {@code next} */
    abstract boolean casTail(Envelope expected, Envelope next);

    /** @return the head; consumer only */
    abstract Envelope lpHead();

    /** @param h the new head; consumer only */
    abstract void spHead(Envelope h);

    /** @return the seq of the last consumed node (acquire) */
    abstract int lvConsumed();

    /** @param seq the seq of the last consumed node (release) */
    abstract void soConsumed(int seq);

    /** @return the seq of the last taken node (acquire) */
    abstract int lvTaken();

    /** @param seq the seq of the last taken node (release) */
    abstract void soTaken(int seq);

    /**
     * Appends an envelope.
     *
     * @param e the envelope (not yet shared)
     * @param capacity the bound, or {@link ControllerConfig#UNBOUNDED}
     * @return {@link #OK}, {@link #CLOSED} or {@link #FULL}
     */
    int offer(Envelope e, int capacity) {
        for (;;) {
            Envelope t = lvTail();
            if (t.extra instanceof Envelope.CloseMarker) {
                return CLOSED;
            }
            int seq = t.seq + 1;
            if (capacity != ControllerConfig.UNBOUNDED && seq - lvTaken() > capacity) {
                return FULL;
            }
            e.seq = seq;
            if (casTail(t, e)) {
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
        return (lvTail()).extra instanceof Envelope.CloseMarker;
    }

    /** @return the marker at the tail, or {@code null} if open */
    Envelope closeMarker() {
        Envelope t = lvTail();
        return t.extra instanceof Envelope.CloseMarker ? t : null;
    }

    /**
     * Consumer: whether the next envelope is linked, without reading the producers' tail (a cheap
     * check for a waiting consumer; an append whose link is not yet written shows a moment later).
     *
     * @return whether {@link #poll()} would return an envelope now
     */
    boolean hasNext() {
        return lpHead().next() != null;
    }

    /**
     * Consumer: takes the next envelope.
     *
     * @return the next envelope, or {@code null} if none is visible
     */
    Envelope poll() {
        Envelope h = lpHead();
        Envelope n = h.next();
        if (n == null) {
            if (h == lvTail()) {
                return null;
            }
            // A producer won the CAS but has not linked yet: the link is a few instructions away.
            while ((n = h.next()) == null) {
                Thread.onSpinWait();
            }
        }
        spHead(n);
        soTaken(n.seq);
        h.unlink();
        return n;
    }

    /** @return whether nothing is queued (any thread; a snapshot) */
    boolean isEmpty() {
        return size() == 0;
    }

    /** @return how many envelopes wait (any thread; a snapshot) */
    int size() {
        int consumed = lvConsumed();
        return Math.max(0, (lvTail()).seq - consumed);
    }

    /** @return the seq of the last appended envelope */
    int tailSeq() {
        return (lvTail()).seq;
    }

    /** @return the seq of the last consumed envelope */
    int consumedSeq() {
        return lvConsumed();
    }

    /**
     * Consumer: publishes progress, after the envelope with this seq was fully processed.
     *
     * @param seq the seq
     */
    void publishConsumed(int seq) {
        soConsumed(seq);
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
            Envelope h = lpHead();
            Envelope next = h.next();
            if (next == null && h != lvTail()) {
                while ((next = h.next()) == null) {
                    Thread.onSpinWait();
                }
            }
            if (next == null || next.isCloseMarker()) {
                publishConsumed(h.seq);
                return n;
            }
            spHead(next);
            soTaken(next.seq);
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
