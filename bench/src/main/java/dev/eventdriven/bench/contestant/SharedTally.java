package dev.eventdriven.bench.contestant;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link Tally} for several consumer threads (the pool workload): the count and the sum are atomic,
 * the consumer whose increment reaches the target wakes the producer.
 */
public final class SharedTally {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private volatile long target;
    private volatile boolean reached;
    private volatile Thread waiter;
    private long expectedCount;
    private long expectedSum;

    /**
     * Any consumer thread: one value arrived.
     *
     * @param value an {@link Integer}
     */
    public void add(Integer value) {
        sum.getAndAdd(value);
        if (count.incrementAndGet() == target) {
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
     * Producer: parks until every announced value arrived, then checks count and sum.
     *
     * @throws IllegalStateException on a timeout (lost tasks) or a mismatch (lost or duplicated tasks)
     */
    public void await() {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!reached) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("tasks lost: " + count.get() + " of " + expectedCount
                        + " ran within 60 s");
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
    public void verify() {
        long c = count.get();
        long s = sum.get();
        if (c != expectedCount || s != expectedSum) {
            throw new IllegalStateException("tasks lost or duplicated: count " + c + " (expected " + expectedCount
                    + "), sum " + s + " (expected " + expectedSum + ")");
        }
    }
}
