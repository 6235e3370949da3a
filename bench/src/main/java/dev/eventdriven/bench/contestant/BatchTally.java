package dev.eventdriven.bench.contestant;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The producer's side of a tally: announces a batch, parks until the consumers reached its count,
 * and checks count and sum (exactly once). Subclasses keep the count and sum as their consumers
 * need them and call {@link #arrived(long)} with each new count.
 */
public abstract class BatchTally {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private volatile long target;
    private volatile boolean reached;
    private volatile Thread waiter;
    private long expectedCount;
    private long expectedSum;

    BatchTally() {
    }

    /** @return how many values arrived */
    public abstract long count();

    /** @return the sum of the values that arrived */
    abstract long sum();

    /**
     * Consumer: a value arrived and the count is now {@code count}; wakes the producer at the target.
     *
     * @param count the new count
     */
    final void arrived(long count) {
        if (count == target) {
            reached = true;
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Producer: announces a batch before sending it.
     *
     * @param n how many values will be sent
     * @param batchSum their sum
     */
    public final void expect(long n, long batchSum) {
        expectedCount += n;
        expectedSum += batchSum;
        reached = false;
        waiter = Thread.currentThread();
        target = expectedCount;
    }

    /**
     * Producer: one value was sent and its reply awaited (no {@link #await()} needed).
     *
     * @param value the value
     */
    public final void expectReplied(Integer value) {
        expectedCount++;
        expectedSum += value;
    }

    /**
     * Producer: parks until every announced value arrived, then checks count and sum.
     *
     * @throws IllegalStateException on a timeout (lost values) or a mismatch (lost or duplicated values)
     */
    public final void await() {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!reached) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("values lost: " + count() + " of " + expectedCount
                        + " arrived within 60 s");
            }
            LockSupport.parkNanos(this, left);
        }
        verify();
    }

    /**
     * Checks that every announced value arrived exactly once.
     *
     * @throws IllegalStateException if the count or the sum differ
     */
    public final void verify() {
        long c = count();
        long s = sum();
        if (c != expectedCount || s != expectedSum) {
            throw new IllegalStateException("values lost or duplicated: count " + c + " (expected "
                    + expectedCount + "), sum " + s + " (expected " + expectedSum + ")");
        }
    }
}
