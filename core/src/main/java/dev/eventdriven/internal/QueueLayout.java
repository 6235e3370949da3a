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
 *   header | tail head consumedSeq takenSeq                                                   (32 bytes)
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

    /** The consumer's fields, written by the loop every event. */
    abstract static class ConsumerFields extends MidPad {
        /** The last consumed node (a stub). Consumer only. */
        Envelope head;
        /** seq of the last node the consumer has finished with. */
        @SuppressWarnings("unused") // accessed through Padded.CONSUMED
        volatile int consumedSeq;
        /** seq of the last node the consumer took; bounds the queue (an event being handled takes no room). */
        @SuppressWarnings("unused") // accessed through Padded.TAKEN
        volatile int takenSeq;
    }

    /** The queue of a controller with a loop thread of its own. */
    static final class Padded extends ConsumerFields {

        private static final VarHandle TAIL;
        private static final VarHandle CONSUMED;
        private static final VarHandle TAKEN;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                TAIL = l.findVarHandle(TailField.class, "tail", Envelope.class);
                CONSUMED = l.findVarHandle(ConsumerFields.class, "consumedSeq", int.class);
                TAKEN = l.findVarHandle(ConsumerFields.class, "takenSeq", int.class);
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

        @Override
        Envelope lpHead() {
            return head;
        }

        @Override
        void spHead(Envelope h) {
            head = h;
        }

        @Override
        int lvConsumed() {
            return (int) CONSUMED.getAcquire(this);
        }

        @Override
        void soConsumed(int seq) {
            CONSUMED.setRelease(this, seq);
        }

        @Override
        int lvTaken() {
            return (int) TAKEN.getAcquire(this);
        }

        @Override
        void soTaken(int seq) {
            TAKEN.setRelease(this, seq);
        }
    }

    /** The queue of a controller on a shared executor group: the same fields, unpadded. */
    static final class Compact extends MpscEnvelopeQueue {

        private static final VarHandle TAIL;
        private static final VarHandle CONSUMED;
        private static final VarHandle TAKEN;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                TAIL = l.findVarHandle(Compact.class, "tail", Envelope.class);
                CONSUMED = l.findVarHandle(Compact.class, "consumedSeq", int.class);
                TAKEN = l.findVarHandle(Compact.class, "takenSeq", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // accessed through TAIL
        private volatile Envelope tail;
        /** The last consumed node (a stub). Consumer only. */
        private Envelope head;
        @SuppressWarnings("unused") // accessed through CONSUMED
        private volatile int consumedSeq;
        @SuppressWarnings("unused") // accessed through TAKEN
        private volatile int takenSeq;

        Compact(Envelope stub) {
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

        @Override
        Envelope lpHead() {
            return head;
        }

        @Override
        void spHead(Envelope h) {
            head = h;
        }

        @Override
        int lvConsumed() {
            return (int) CONSUMED.getAcquire(this);
        }

        @Override
        void soConsumed(int seq) {
            CONSUMED.setRelease(this, seq);
        }

        @Override
        int lvTaken() {
            return (int) TAKEN.getAcquire(this);
        }

        @Override
        void soTaken(int seq) {
            TAKEN.setRelease(this, seq);
        }
    }
}
