package dev.eventdriven.internal;

/**
 * Leading padding for objects whose fields one thread writes often while other threads use the
 * objects allocated next to them (a loop's state, a queue's contended fields): a subclass's own
 * fields start 128 bytes (two cache lines, against adjacent-line prefetch) after the object's start,
 * so they never share a line with the end of the object before it.
 *
 * <p>The {@code int} takes the 4 bytes after a compressed-class-pointer header: the JVM fills such a
 * gap with the first subclass field that fits, which would put exactly that field (for a queue, the
 * producers' CAS target) on the previous object's last line, in front of the padding.
 */
public abstract class CacheLinePadding {

    @SuppressWarnings("unused")
    private int gap;
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

    /** For subclasses. */
    protected CacheLinePadding() {
    }
}
