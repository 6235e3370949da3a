package dev.eventdriven.internal;

import dev.eventdriven.Event;
import dev.eventdriven.Pending;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One queued event, and at the same time the node of the queue that holds it (so a fire-and-forget
 * dispatch allocates one object of 32 bytes with compressed oops: header, four references, an int).
 *
 * <p>{@code extra} is {@code null} (the plain case), a {@link Pending}, an {@link Extras} (context,
 * arguments, maybe a Pending), or a {@link CloseMarker}.
 *
 * <p>Not final only so that a pool's queue node can be its envelope too (one allocation per pool
 * dispatch); its methods are final.
 */
public class Envelope {

    private static final VarHandle NEXT;

    /**
     * The id of an envelope carrying an {@link dev.eventdriven.adapter.EventBatch} as its value: one
     * queue entry whose events the loop handles one after another.
     */
    static final Object BATCH = new BatchId();

    /** The {@link #dispatchedAt()} of an envelope whose dispatch was not timed. */
    public static final long NOT_STAMPED = Long.MIN_VALUE;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Envelope.class, "next", Envelope.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Object id;
    Object value;
    Object extra;
    /** Position in the controller's queue (wraps): tail.seq - consumed = queued. */
    int seq;
    @SuppressWarnings("unused") // accessed through NEXT
    private volatile Envelope next;

    /**
     * Creates an envelope.
     *
     * @param id the event id
     * @param value the value
     * @param extra null, a Pending, an Extras or a CloseMarker
     */
    public Envelope(Object id, Object value, Object extra) {
        this.id = id;
        this.value = value;
        this.extra = extra;
    }

    /**
     * Builds the envelope of a dispatch.
     *
     * @param id the event id
     * @param value the value
     * @param context the event context or {@code null}
     * @param args the arguments or {@code null}
     * @param pending the pending or {@code null}
     * @return the envelope
     */
    public static Envelope of(Object id, Object value, Map<String, ?> context, Object[] args, GuardedFuture.Completion pending) {
        return new Envelope(id, value, extra(context, args, pending));
    }

    /**
     * The {@code extra} of a dispatch: the pending alone in the plain case, else the frozen context
     * and arguments with it.
     *
     * @param context the event context or {@code null}
     * @param args the arguments or {@code null}
     * @param pending the pending or {@code null}
     * @return the extra
     */
    public static Object extra(Map<String, ?> context, Object[] args, GuardedFuture.Completion pending) {
        boolean plain = (context == null || context.isEmpty()) && (args == null || args.length == 0);
        return plain ? pending : new Extras(Extras.freeze(context), Extras.freeze(args), pending, null, NOT_STAMPED);
    }

    /** @return the event id */
    public final Object id() {
        return id;
    }

    /** @return the value */
    public final Object value() {
        return value;
    }

    /** @return the pending, or {@code null} */
    public final GuardedFuture.Completion pending() {
        Object x = extra;
        if (x instanceof GuardedFuture.Completion p) {
            return p;
        }
        return x instanceof Extras e ? e.pending : null;
    }

    /** @return the event context, never {@code null} */
    public final Map<String, Object> context() {
        return extra instanceof Extras e ? e.context : Map.of();
    }

    /** @return the arguments, never {@code null} */
    public final List<Object> args() {
        return extra instanceof Extras e ? e.args : List.of();
    }

    /** @return what a dispatch route attached to this event, or {@code null} */
    public final Object attachment() {
        return extra instanceof Extras e ? e.attachment : null;
    }

    /**
     * Attaches a value before the envelope is queued (dispatching thread only).
     *
     * @param attachment the value
     */
    final void attach(Object attachment) {
        extra = new Extras(context(), args(), pending(), attachment, dispatchedAt());
    }

    /**
     * Notes when the event was dispatched, for its queue wait (dispatching thread, before the envelope
     * is queued; only while the controller is observed: the time goes into the extras, so a plain
     * envelope stays 32 bytes when nobody looks).
     *
     * @param nanos {@link System#nanoTime()} at the dispatch
     */
    public final void stamp(long nanos) {
        if (!(extra instanceof CloseMarker)) {
            extra = new Extras(context(), args(), pending(), attachment(), nanos);
        }
    }

    /** @return the {@link #stamp} time, or {@link #NOT_STAMPED} */
    public final long dispatchedAt() {
        return extra instanceof Extras e ? e.dispatchedAt : NOT_STAMPED;
    }

    /** @return whether this envelope carries a batch of events */
    public final boolean isBatch() {
        return id == BATCH;
    }

    /** @return whether this envelope closes its queue */
    public final boolean isCloseMarker() {
        return extra instanceof CloseMarker;
    }

    /**
     * The event as data, for hand-back.
     *
     * @return the event
     */
    public final Event toEvent() {
        return new Event(id, value, context(), args());
    }

    Envelope next() {
        return (Envelope) NEXT.getAcquire(this);
    }

    void lazyNext(Envelope n) {
        NEXT.setRelease(this, n);
    }

    /**
     * Cuts the link to the next node once this one has left the queue. Without it a taken node
     * that was promoted to the old generation keeps every later node reachable (its link is a root
     * for young collections), so each young GC would copy the whole chain of processed events.
     * Consumer thread only, after the head moved past this node.
     */
    void unlink() {
        NEXT.set(this, (Envelope) null);
    }

    /**
     * Drops references once the loop has finished with the event (the node stays behind as the
     * queue's stub until the next one is taken). Consumer thread only.
     */
    void clear() {
        id = null;
        value = null;
        extra = null;
    }

    /** Context, arguments and pending of a dispatch that has them. */
    static final class Extras {
        final Map<String, Object> context;
        final List<Object> args;
        final GuardedFuture.Completion pending;
        final Object attachment;
        final long dispatchedAt;

        Extras(Map<String, Object> context, List<Object> args, GuardedFuture.Completion pending, Object attachment,
               long dispatchedAt) {
            this.context = context;
            this.args = args;
            this.pending = pending;
            this.attachment = attachment;
            this.dispatchedAt = dispatchedAt;
        }

        static Map<String, Object> freeze(Map<String, ?> m) {
            if (m == null || m.isEmpty()) {
                return Map.of();
            }
            return Collections.unmodifiableMap(new java.util.HashMap<>(m));
        }

        static List<Object> freeze(Object[] a) {
            if (a == null || a.length == 0) {
                return List.of();
            }
            return Collections.unmodifiableList(Arrays.asList(a.clone()));
        }
    }

    /** The marker that closes a queue: a graceful or forced shutdown. */
    static final class CloseMarker {
        final boolean forced;
        final GuardedFuture.Completion pending;

        CloseMarker(boolean forced, GuardedFuture.Completion pending) {
            this.forced = forced;
            this.pending = pending;
        }
    }

    /** The id of batch envelopes; named for the messages of a refused batch. */
    private static final class BatchId {
        @Override
        public String toString() {
            return "(event batch)";
        }
    }
}
