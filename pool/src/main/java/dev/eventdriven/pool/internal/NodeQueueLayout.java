package dev.eventdriven.pool.internal;

import dev.eventdriven.internal.CacheLinePadding;

/**
 * Field layout of {@link MpmcNodeQueue}: superclass fields come first in an object, so this chain
 * puts the producers' {@code tail} and the consumers' {@code head} (each CASed for every event) on
 * cache lines of their own, 128 bytes from each other and from the neighbouring objects.
 */
final class NodeQueueLayout {

    private NodeQueueLayout() {
    }

    /** The producers' field. */
    abstract static class TailField extends CacheLinePadding {
        @SuppressWarnings("unused") // accessed through MpmcNodeQueue.TAIL
        volatile PoolNode tail;
    }

    /** Padding between the producers' and the consumers' fields. */
    abstract static class MidPad extends TailField {
        // Fills the 4 bytes after the reference above, where the JVM would put the next class's first
        // int or reference (see CacheLinePadding).
        @SuppressWarnings("unused")
        private int gap;
        @SuppressWarnings("unused")
        private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    }

    /** The consumers' field. */
    abstract static class HeadField extends MidPad {
        @SuppressWarnings("unused") // accessed through MpmcNodeQueue.HEAD
        volatile PoolNode head;
    }
}
