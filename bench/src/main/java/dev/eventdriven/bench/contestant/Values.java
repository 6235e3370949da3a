package dev.eventdriven.bench.contestant;

/**
 * Values boxed once, before any measurement, so that no contestant is charged for boxing: the
 * producers cycle through them.
 */
public final class Values {

    /** How many distinct values (a power of two). */
    public static final int SIZE = 1024;
    /** {@code i & MASK} indexes {@link #get(int)}. */
    public static final int MASK = SIZE - 1;

    private static final Integer[] BOXED = new Integer[SIZE];

    static {
        for (int i = 0; i < SIZE; i++) {
            // Large enough to stay outside the Integer cache, so each is a distinct object.
            BOXED[i] = Integer.valueOf(1_000 + i);
        }
    }

    private Values() {
    }

    /**
     * @param i any index
     * @return the pre-boxed value at {@code i & MASK}
     */
    public static Integer get(int i) {
        return BOXED[i & MASK];
    }

    /**
     * The sum of the values sent by a producer that sends {@code get(from)}, …, {@code get(from + n - 1)}.
     *
     * @param from the first index
     * @param n how many
     * @return the sum
     */
    public static long sum(int from, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += get(from + i);
        }
        return s;
    }
}
