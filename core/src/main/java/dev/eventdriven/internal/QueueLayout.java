package dev.eventdriven.internal;

/**
 * Field layout of {@link MpscEnvelopeQueue}: superclass fields come first in an object, so a chain
 * of classes with padding between them puts the producers' field and the consumer's fields on
 * separate 64-byte cache lines (128 bytes apart, against adjacent-line prefetch).
 */
final class QueueLayout {

    private QueueLayout() {
    }

    /** The producers' field: CAS target of every dispatch. */
    abstract static class TailField extends CacheLinePadding {
        @SuppressWarnings("unused") // accessed through MpscEnvelopeQueue.TAIL
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
        @SuppressWarnings("unused") // accessed through MpscEnvelopeQueue.CONSUMED
        volatile int consumedSeq;
        /** seq of the last node the consumer took; bounds the queue (an event being handled takes no room). */
        @SuppressWarnings("unused") // accessed through MpscEnvelopeQueue.TAKEN
        volatile int takenSeq;
    }
}
