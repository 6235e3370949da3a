package dev.eventdriven.timer.internal;

import dev.eventdriven.internal.Checks;
import java.time.Duration;

/** Duration checks for timers; the cap keeps deadline arithmetic far from {@code long} overflow. */
public final class Durations {

    /** The longest interval or delay accepted. */
    public static final Duration MAX = Duration.ofDays(365L * 100);

    private Durations() {
    }

    /**
     * Checks an interval.
     *
     * @param name the argument
     * @param value the value
     * @return the value in nanoseconds
     * @throws IllegalArgumentException unless &gt; 0 and &lt;= 100 years
     */
    public static long intervalNanos(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(Checks.message(name, value, "a duration > 0 and <= 100 years"));
        }
        return value.toNanos();
    }

    /**
     * Checks an interval.
     *
     * @param name the argument
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException unless &gt; 0 and &lt;= 100 years
     */
    public static Duration checkedInterval(String name, Duration value) {
        intervalNanos(name, value);
        return value;
    }

    /**
     * Checks a delay.
     *
     * @param name the argument
     * @param value the value
     * @return the value in nanoseconds
     * @throws IllegalArgumentException unless &gt;= 0 and &lt;= 100 years
     */
    public static long delayNanos(String name, Duration value) {
        if (value == null || value.isNegative() || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(Checks.message(name, value, "a duration >= 0 and <= 100 years"));
        }
        return value.toNanos();
    }
}
