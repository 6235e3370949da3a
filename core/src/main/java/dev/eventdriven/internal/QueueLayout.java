package dev.eventdriven.internal;

/**
 * Field layout of {@link MpscEnvelopeQueue}: superclass fields come first in an object, so a chain
 * of classes with padding between them puts the producers' field and the consumer's fields on
 * separate 64-byte cache lines (128 bytes apart, against adjacent-line prefetch).
 */
final class QueueLayout {

    private QueueLayout() {
    }

    /** Leading padding. */
    abstract static class LeadPad {
        @SuppressWarnings("unused")
        private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    }

    /** The producers' field: CAS target of every dispatch. */
    abstract static class TailField extends LeadPad {
        @SuppressWarnings("unused") // accessed through MpscEnvelopeQueue.TAIL
        volatile Envelope tail;
    }

    /** Padding between producer and consumer fields. */
    abstract static class MidPad extends TailField {
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
