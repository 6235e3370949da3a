package dev.eventdriven.internal;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.LoopThreadBlockingException;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.Pending;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.jfr.OverflowEvent;
import java.time.Duration;

/**
 * What a dispatch does when a {@link LoopController}'s queue refuses it: a full bounded queue applies
 * the {@link OverflowPolicy} (block with a timeout, fail, drop and count); a closed one refuses the
 * dispatch with a {@link ControllerClosedException}. Off the fast path: only reached when the queue
 * said no, and made then (see {@link LoopController#overflowGate()}): a controller whose queue never
 * refused anything has none.
 */
final class OverflowGate {

    private final LoopController c;
    final int capacity;
    private final OverflowPolicy overflowPolicy;
    private final long blockTimeoutNanos;
    /** Producers waiting for room (BLOCK). */
    final ProgressSignal space = new ProgressSignal();
    /** Counters, updated through {@link #REJECTED}/{@link #DROPPED} (no AtomicLong objects per controller). */
    @SuppressWarnings("unused")
    private volatile long rejected;
    @SuppressWarnings("unused")
    private volatile long dropped;
    private static final java.lang.invoke.VarHandle REJECTED;
    private static final java.lang.invoke.VarHandle DROPPED;

    static {
        try {
            java.lang.invoke.MethodHandles.Lookup l = java.lang.invoke.MethodHandles.lookup();
            REJECTED = l.findVarHandle(OverflowGate.class, "rejected", long.class);
            DROPPED = l.findVarHandle(OverflowGate.class, "dropped", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** @return events refused so far */
    long rejectedCount() {
        return (long) REJECTED.getVolatile(this);
    }

    /** @return events dropped so far */
    long droppedCount() {
        return (long) DROPPED.getVolatile(this);
    }

    OverflowGate(LoopController controller) {
        this.c = controller;
        LoopSettings s = controller.settings;
        this.capacity = s.queueCapacity();
        this.overflowPolicy = s.overflowPolicy();
        this.blockTimeoutNanos = s.blockTimeout().toNanos();
    }

    /**
     * A dispatch found the queue full or closed: applies the policy, or refuses.
     *
     * @param e the envelope
     * @param result what the queue answered
     */
    void overflowOrClosed(Envelope e, int result) {
        if (result == MpscEnvelopeQueue.FULL) {
            switch (overflowPolicy) {
                case DROP_NEWEST -> {
                    DROPPED.getAndAdd(this, 1L);
                    OverflowEvent.emit(c.name, e.id, OverflowEvent.DROPPED, "queue full (DROP_NEWEST)", capacity);
                    GuardedFuture.Completion p = e.pending();
                    if (p != null) {
                        p.completeExceptionally(new RejectedEventException(full(e) + "; dropped (DROP_NEWEST)"));
                    }
                    return;
                }
                case FAIL -> {
                    REJECTED.getAndAdd(this, 1L);
                    OverflowEvent.emit(c.name, e.id, OverflowEvent.REJECTED, "queue full (FAIL)", capacity);
                    throw new RejectedEventException(full(e) + " (overflow policy FAIL)");
                }
                case BLOCK -> result = blockForRoom(e);
                default -> throw new AssertionError(overflowPolicy);
            }
            if (result == MpscEnvelopeQueue.OK) {
                c.wakeIfParked();
                return;
            }
        }
        REJECTED.getAndAdd(this, 1L);
        OverflowEvent.emit(c.name, e.id, OverflowEvent.REJECTED, "closed (" + c.state() + ")", capacity);
        String reason = c.extras().closeReason;
        throw new ControllerClosedException("controller '" + c.name + "' is " + c.state()
                + ": event " + e.id + " refused (" + (reason == null ? "dispatch after shutdown" : reason) + ")");
    }

    private String full(Envelope e) {
        return "controller '" + c.name + "': queue full (capacity " + capacity + "), event " + e.id;
    }

    private int blockForRoom(Envelope e) {
        if (c.inLoop()) {
            REJECTED.getAndAdd(this, 1L);
            OverflowEvent.emit(c.name, e.id, OverflowEvent.REJECTED, "queue full, BLOCK on the loop thread", capacity);
            throw new LoopThreadBlockingException(full(e)
                    + ": the loop thread cannot block waiting for room in its own queue");
        }
        int[] result = {MpscEnvelopeQueue.FULL};
        boolean done = space.await(blockTimeoutNanos, () -> {
            result[0] = c.queue.offer(e, capacity);
            return result[0] != MpscEnvelopeQueue.FULL;
        }, "dispatch to controller '" + c.name + "' waiting for room");
        if (!done) {
            REJECTED.getAndAdd(this, 1L);
            OverflowEvent.emit(c.name, e.id, OverflowEvent.REJECTED, "queue full (BLOCK timed out)", capacity);
            throw new RejectedEventException(full(e) + ": no room within "
                    + Duration.ofNanos(blockTimeoutNanos) + " (overflow policy BLOCK)");
        }
        return result[0];
    }

}
