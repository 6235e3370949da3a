package dev.eventdriven.bench.timers;

import java.util.ArrayList;
import java.util.List;

/**
 * What a W6 window delivered: every timer {@code j} has its grid, {@code first(j) + k * interval}, the
 * first deadlines spread over one interval from {@code t0}; a tick handled at {@code now} belongs to
 * the latest slot at or before {@code now}, its lateness is {@code now} minus that slot (a tick late by
 * more than an interval counts for a later slot, and the slot it missed shows in the delivered
 * ratio). Only ticks of slots due within the window count. Handlers on any thread: the lateness histograms are
 * per thread and merged at the end; each timer's count is written by the one thread its ticks run on
 * at a time.
 */
public final class TickRecorder {

    /** Histogram buckets: 10 µs wide up to 100 ms, then 1 ms wide up to 10 s, then one overflow. */
    private static final int FINE = 10_000;
    private static final int COARSE = 9_900;
    private static final long FINE_NANOS = 10_000;
    private static final long COARSE_NANOS = 1_000_000;
    /** How early a tick may come and still count for its slot (lateness 0). */
    private static final long EARLY_NANOS = 2_000_000;

    private final long t0;
    private final long intervalNanos;
    private final long windowEnd;
    private final int timers;
    private final int[] counts;
    private final List<long[]> histograms = new ArrayList<>();
    private final ThreadLocal<long[]> histogram = ThreadLocal.withInitial(this::newHistogram);

    /**
     * @param timers the number of timers
     * @param intervalNanos their interval
     * @param t0 the start of the window (nanoTime); timer j is first due at {@link #firstDue(int)}
     * @param windowNanos the window's length
     */
    public TickRecorder(int timers, long intervalNanos, long t0, long windowNanos) {
        this.timers = timers;
        this.intervalNanos = intervalNanos;
        this.t0 = t0;
        this.windowEnd = t0 + windowNanos;
        this.counts = new int[timers];
    }

    private synchronized long[] newHistogram() {
        long[] h = new long[FINE + COARSE + 1];
        histograms.add(h);
        return h;
    }

    /**
     * When timer j's first tick is due: its phase spreads the timers over the first interval.
     *
     * @param j the timer
     * @return the deadline, nanoTime
     */
    public long firstDue(int j) {
        return t0 + intervalNanos * j / timers;
    }

    /** @return the interval, nanoseconds */
    public long intervalNanos() {
        return intervalNanos;
    }

    /**
     * A tick of timer j was handled now.
     *
     * @param j the timer
     * @param now {@code System.nanoTime()} in the handler
     */
    public void tick(int j, long now) {
        // A wheel may fire a little before the deadline (its tick granularity): count that as on time.
        long since = now - firstDue(j) + EARLY_NANOS;
        if (since < 0) {
            return; // early by more than the tolerance: not a slot of the window
        }
        long slot = since / intervalNanos;
        long due = firstDue(j) + slot * intervalNanos;
        if (due - windowEnd > 0) {
            return; // past the window
        }
        counts[j]++;
        long late = Math.max(0, now - due);
        int b = late < FINE * FINE_NANOS ? (int) (late / FINE_NANOS)
                : (int) Math.min(FINE + COARSE, FINE + (late - FINE * FINE_NANOS) / COARSE_NANOS);
        histogram.get()[b]++;
    }

    private long expected(int j) {
        long span = windowEnd - firstDue(j);
        return span < 0 ? 0 : span / intervalNanos + 1;
    }

    /** @return the ticks due in the window, over all timers */
    public long expected() {
        long n = 0;
        for (int j = 0; j < timers; j++) {
            n += expected(j);
        }
        return n;
    }

    /** @return the ticks of the window delivered, at most as many per timer as it had slots */
    public long delivered() {
        long n = 0;
        for (int j = 0; j < timers; j++) {
            n += Math.min(counts[j], expected(j));
        }
        return n;
    }

    /**
     * Checks that no timer ticked more often than it had slots in the window (one more is allowed: a
     * tick a little early at the window's end, within the tolerance).
     *
     * @throws IllegalStateException if one did
     */
    public void verify() {
        for (int j = 0; j < timers; j++) {
            if (counts[j] > expected(j) + 1) {
                throw new IllegalStateException("timer " + j + " ticked " + counts[j] + " times in the window"
                        + " (expected: at most " + expected(j) + ")");
            }
        }
    }

    /**
     * A percentile of the lateness of the delivered ticks.
     *
     * @param fraction e.g. 0.99
     * @return the lateness, microseconds (the upper edge of its bucket)
     */
    public synchronized long latenessMicros(double fraction) {
        long[] all = new long[FINE + COARSE + 1];
        long total = 0;
        for (long[] h : histograms) {
            for (int i = 0; i < all.length; i++) {
                all[i] += h[i];
                total += h[i];
            }
        }
        long rank = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int i = 0; i < all.length; i++) {
            seen += all[i];
            if (seen >= rank && seen > 0) {
                return i < FINE ? (i + 1) * FINE_NANOS / 1_000 : (FINE * FINE_NANOS + (i - FINE + 1) * COARSE_NANOS) / 1_000;
            }
        }
        return 0;
    }
}
