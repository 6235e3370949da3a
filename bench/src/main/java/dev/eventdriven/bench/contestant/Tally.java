package dev.eventdriven.bench.contestant;


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
public final class Tally extends BatchTally {

    private long count;
    private long sum;

    /** Creates an empty tally. */
    public Tally() {
    }

    /**
     * Consumer: one value arrived.
     *
     * @param value an {@link Integer}
     */
    public void add(Object value) {
        sum += (Integer) value;
        arrived(++count);
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    long sum() {
        return sum;
    }
}
