package dev.eventdriven.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The two field layouts of {@link MpscEnvelopeQueue}.
 *
 * <p>{@link Padded}: superclass fields come first in an object, so a chain of classes with padding
 * between them puts the producers' field and the consumer's fields on separate 64-byte cache lines
 * (128 bytes apart, against adjacent-line prefetch), and 128 bytes from either end of the object.
 *
 * <pre>
 *   header | LeadPad 132 | tail | MidPad 132 | head consumedSeq takenSeq | trailing pad 128   (424 bytes)
 *   header | tail head consumedSeq takenSeq line                                              (32 bytes)
 * </pre>
 *
 * <p>{@link Compact}: the same four fields without padding, for a controller on a shared executor
 * group (no loop spins on the queue while producers append; the turns that consume it run now and
 * then, on any of the group's threads).
 */
final class QueueLayout {

    private QueueLayout() {
    }

    /**
     * Leading padding (as {@link CacheLinePadding}, which cannot be the superclass here: the
     * algorithm's class is). The {@code int} takes the 4 bytes after a compressed-class-pointer header,
     * where the JVM would put the next class's first int or reference.
     */
    abstract static class LeadPad extends MpscEnvelopeQueue {
        @SuppressWarnings("unused")
        private int gap;
        @SuppressWarnings("unused")
        private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    }

    /** The producers' field: CAS target of every dispatch. */
    abstract static class TailField extends LeadPad {
        @SuppressWarnings("unused") // accessed through Padded.TAIL
        volatile Envelope tail;
    }

    /** Padding between producer and consumer fields. */
    abstract static class MidPad extends TailField {
        // Fills the 4 bytes after the reference above, where the JVM would put the next class's first
        // int or reference (see CacheLinePadding).
        @SuppressWarnings("unused")
        private int gap;
        @SuppressWarnings("unused")
        private long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31, p32, p33, p34, p35;
    }

    /** The consumer's fields, written by the loop every event, and their accessors. */
    abstract static class ConsumerFields extends MidPad {

        private static final VarHandle CONSUMED;
        private static final VarHandle TAKEN;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                CONSUMED = l.findVarHandle(ConsumerFields.class, "consumedSeq", int.class);
                TAKEN = l.findVarHandle(ConsumerFields.class, "takenSeq", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** The last consumed node (a stub). Consumer only. */
        Envelope head;
        /** seq of the last node the consumer has finished with. */
        @SuppressWarnings("unused") // accessed through CONSUMED
        private volatile int consumedSeq;
        /** seq of the last node the consumer took; bounds the queue (an event being handled takes no room). */
        @SuppressWarnings("unused") // accessed through TAKEN
        private volatile int takenSeq;

        @Override
        final Envelope lpHead() {
            return head;
        }

        @Override
        final void spHead(Envelope h) {
            head = h;
        }

        @Override
        final int lvConsumed() {
            return (int) CONSUMED.getAcquire(this);
        }

        @Override
        final void soConsumed(int seq) {
            CONSUMED.setRelease(this, seq);
        }

        @Override
        final int lvTaken() {
            return (int) TAKEN.getAcquire(this);
        }

        @Override
        final void soTaken(int seq) {
            TAKEN.setRelease(this, seq);
        }
    }

    /** The queue of a controller with a loop thread of its own. */
    static final class Padded extends ConsumerFields {

        private static final VarHandle TAIL;

        static {
            try {
                TAIL = MethodHandles.lookup().findVarHandle(TailField.class, "tail", Envelope.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // trailing padding: keeps the consumer fields off the next object's line
        private long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;

        Padded(Envelope stub) {
            head = stub;
            TAIL.setRelease(this, stub);
        }

        @Override
        Envelope lvTail() {
            return (Envelope) TAIL.getAcquire(this);
        }

        @Override
        boolean casTail(Envelope expected, Envelope next) {
            return TAIL.compareAndSet(this, expected, next);
        }
    }

    /**
     * The consumer's side of a busy {@link Compact} queue, laid out as {@link Padded} (its own
     * {@code tail} unused: the producers' is the compact queue's). The loop consumes through it while
     * it is attached, touching the compact queue's line only when the queue looks empty.
     */
    static final class BusyLine extends ConsumerFields {

        private final Compact owner;

        @SuppressWarnings("unused") // trailing padding: keeps the consumer fields off the next object's line
        private long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;

        BusyLine(Compact owner, Envelope head, int consumed, int taken) {
            this.owner = owner;
            this.head = head;
            soConsumed(consumed);
            soTaken(taken);
        }

        @Override
        Envelope lvTail() {
            return owner.lvTail();
        }

        @Override
        boolean casTail(Envelope expected, Envelope next) {
            return owner.casTail(expected, next);
        }
    }

    /**
     * The queue of a controller on a shared executor group: the same fields, unpadded, and while the
     * controller is busy (a run of events, not one now and then) a {@link BusyLine} that takes the
     * consumer's fields onto cache lines of their own. Producers and consumer run at the same moment
     * only while the controller is busy: then the consumer's writes, one per event, would take the
     * line of the producers' {@code tail} away from every dispatch's CAS. Idle, the queue is 32 bytes.
     *
     * <p>{@link #busy()} copies the fields into a new line and returns it for the loop to consume
     * through, {@link #idle()} copies them back; both run on the consumer's side only, which is then
     * the only writer (a consumer call on the compact queue itself goes to the line while attached).
     * A reader on another thread (a producer's bound, a size) that loaded the line before
     * {@code idle()} reads values at most as old as the copy, as a volatile read a moment earlier would.
     */
    static final class Compact extends MpscEnvelopeQueue {

        private static final VarHandle TAIL;
        private static final VarHandle CONSUMED;
        private static final VarHandle TAKEN;
        private static final VarHandle LINE;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                TAIL = l.findVarHandle(Compact.class, "tail", Envelope.class);
                CONSUMED = l.findVarHandle(Compact.class, "consumedSeq", int.class);
                TAKEN = l.findVarHandle(Compact.class, "takenSeq", int.class);
                LINE = l.findVarHandle(Compact.class, "line", BusyLine.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // accessed through TAIL
        private volatile Envelope tail;
        /** The last consumed node (a stub), while idle. Consumer only. */
        private Envelope head;
        @SuppressWarnings("unused") // accessed through CONSUMED
        private volatile int consumedSeq;
        @SuppressWarnings("unused") // accessed through TAKEN
        private volatile int takenSeq;
        /** The consumer's fields while busy, or {@code null}. */
        @SuppressWarnings("unused") // accessed through LINE
        private volatile BusyLine line;

        Compact(Envelope stub) {
            head = stub;
            TAIL.setRelease(this, stub);
        }

        @Override
        MpscEnvelopeQueue busy() {
            BusyLine b = (BusyLine) LINE.get(this);
            if (b == null) {
                b = new BusyLine(this, head, (int) CONSUMED.get(this), (int) TAKEN.get(this));
                LINE.setRelease(this, b);
            }
            return b;
        }

        @Override
        MpscEnvelopeQueue consumerView() {
            BusyLine b = (BusyLine) LINE.get(this);
            return b == null ? this : b;
        }

        @Override
        void idle() {
            BusyLine b = (BusyLine) LINE.get(this);
            if (b != null) {
                head = b.lpHead();
                CONSUMED.setRelease(this, b.lvConsumed());
                TAKEN.setRelease(this, b.lvTaken());
                LINE.setRelease(this, null);
            }
        }

        @Override
        Envelope lvTail() {
            return (Envelope) TAIL.getAcquire(this);
        }

        @Override
        boolean casTail(Envelope expected, Envelope next) {
            return TAIL.compareAndSet(this, expected, next);
        }

        @Override
        Envelope lpHead() {
            BusyLine b = (BusyLine) LINE.get(this);
            return b == null ? head : b.lpHead();
        }

        @Override
        void spHead(Envelope h) {
            BusyLine b = (BusyLine) LINE.get(this);
            if (b == null) {
                head = h;
            } else {
                b.spHead(h);
            }
        }

        @Override
        int lvConsumed() {
            BusyLine b = (BusyLine) LINE.getAcquire(this);
            return b == null ? (int) CONSUMED.getAcquire(this) : b.lvConsumed();
        }

        @Override
        void soConsumed(int seq) {
            BusyLine b = (BusyLine) LINE.get(this);
            if (b == null) {
                CONSUMED.setRelease(this, seq);
            } else {
                b.soConsumed(seq);
            }
        }

        @Override
        int lvTaken() {
            BusyLine b = (BusyLine) LINE.getAcquire(this);
            return b == null ? (int) TAKEN.getAcquire(this) : b.lvTaken();
        }

        @Override
        void soTaken(int seq) {
            BusyLine b = (BusyLine) LINE.get(this);
            if (b == null) {
                TAKEN.setRelease(this, seq);
            } else {
                b.soTaken(seq);
            }
        }
    }
}
