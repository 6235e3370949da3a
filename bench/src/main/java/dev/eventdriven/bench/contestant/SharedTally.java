package dev.eventdriven.bench.contestant;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link Tally} for several consumer threads (the pool workload): the count and the sum are atomic,
 * the consumer whose increment reaches the target wakes the producer.
 */
public final class SharedTally extends BatchTally {

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();

    /** Creates an empty tally. */
    public SharedTally() {
    }

    /**
     * Any consumer thread: one value arrived.
     *
     * @param value an {@link Integer}
     */
    public void add(Integer value) {
        sum.getAndAdd(value);
        arrived(count.incrementAndGet());
    }

    @Override
    public long count() {
        return count.get();
    }

    @Override
    long sum() {
        return sum.get();
    }
}
