package dev.eventdriven.bench.contestant;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The consumer's side of every throughput workload: counts and sums the values it is handed, and
 * wakes the producer waiting in {@link #await()} when the expected count is reached. The same code
 * for every contestant, so the counting costs them all the same.
 *
 * <p>Threading: {@link #add(Object)} is called by one consumer thread at a time (each contestant
 * has a single consumer); {@link #expect}, {@link #await()} and {@link #verify()} by the producer
 * that drives an invocation. The consumer's count and sum are plain fields: they are read only after
 * the volatile {@code reached} write that follows them (or after the consumer thread has ended).
 */
public final class Tally {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private long count;
    private long sum;

    private volatile long target;
    private volatile boolean reached;
    private volatile Thread waiter;

    private long expectedCount;
    private long expectedSum;

    /**
     * Consumer: one value arrived.
     *
     * @param value an {@link Integer}
     */
    public void add(Object value) {
        sum += (Integer) value;
        if (++count == target) {
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
    public void expect(long n, long batchSum) {
        expectedCount += n;
        expectedSum += batchSum;
        reached = false;
        waiter = Thread.currentThread();
        target = expectedCount;
    }

    /**
     * Caller of a request-reply contestant: counts one value it sent and got back, without arming
     * the wake-up (the caller already waited for the reply; an unpark would disturb the contestant's
     * own wait on the next call).
     *
     * @param value the value sent
     */
    public void expectReplied(Integer value) {
        expectedCount++;
        expectedSum += value;
    }

    /**
     * Producer: parks until the consumer has seen every announced value, then checks the sum.
     *
     * @throws IllegalStateException if nothing completes the batch within 60 s (lost events), or the
     *     count or sum differ (lost or duplicated events)
     */
    public void await() {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!reached) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("events lost: the consumer saw " + count + " of "
                        + expectedCount + " values within 60 s");
            }
            LockSupport.parkNanos(this, left);
        }
        verify();
    }

    /**
     * Checks that every announced value arrived exactly once: the count and the sum match. Call after
     * {@link #await()}, or once the consumer thread has ended (then late duplicates show too).
     *
     * @throws IllegalStateException if they differ
     */
    public void verify() {
        if (count != expectedCount || sum != expectedSum) {
            throw new IllegalStateException("events lost or duplicated: count " + count + " (expected "
                    + expectedCount + "), sum " + sum + " (expected " + expectedSum + ")");
        }
    }

    /** @return how many values arrived (read after {@link #await()} or after the consumer ended) */
    public long count() {
        return count;
    }
}
