package dev.eventdriven.internal;

import dev.eventdriven.SystemEvent;
import java.time.Duration;

/**
 * Argument checks with one message format: {@code name: value (expected: what)}.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Formats a bad-argument message.
     *
     * @param name the argument
     * @param value its value
     * @param expected what was expected
     * @return the message
     */
    public static String message(String name, Object value, String expected) {
        return name + ": " + value + " (expected: " + expected + ")";
    }

    /**
     * Checks a count.
     *
     * @param name the argument
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException unless &gt; 0
     */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(message(name, value, "> 0"));
        }
        return value;
    }

    /**
     * Checks a duration.
     *
     * @param name the argument
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException unless &gt; 0
     */
    public static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(message(name, value, "a duration > 0"));
        }
        return value;
    }

    /**
     * Checks a duration against a floor.
     *
     * @param name the argument
     * @param value the value
     * @param min the shortest allowed
     * @return the value
     * @throws IllegalArgumentException if null or shorter than {@code min}
     */
    public static Duration atLeast(String name, Duration value, Duration min) {
        if (value == null || value.compareTo(min) < 0) {
            throw new IllegalArgumentException(message(name, value, "a duration >= " + min));
        }
        return value;
    }

    /**
     * Checks a duration that may be zero.
     *
     * @param name the argument
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException if null or negative
     */
    public static Duration nonNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(message(name, value, "a duration >= 0"));
        }
        return value;
    }

    /**
     * Checks a timeout given to a wait.
     *
     * @param value the value
     * @return the value in nanoseconds, capped
     * @throws IllegalArgumentException if null or negative
     */
    public static long timeoutNanos(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(message("timeout", value, "a duration >= 0"));
        }
        try {
            return value.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Checks a name.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if null or blank
     */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(message("name", name == null ? null : "'" + name + "'",
                    "a non-blank string"));
        }
        return name;
    }

    /**
     * Checks a context key.
     *
     * @param key the key
     * @return the key
     * @throws IllegalArgumentException if null
     */
    public static String key(String key) {
        if (key == null) {
            throw new IllegalArgumentException(message("key", null, "a non-null string"));
        }
        return key;
    }

    /**
     * Checks an event id given to dispatch.
     *
     * @param eventId the id
     * @return the id
     * @throws IllegalArgumentException if null or a hook id
     */
    public static Object eventId(Object eventId) {
        if (eventId == null) {
            throw new IllegalArgumentException(message("eventId", null, "a non-null id"));
        }
        if (eventId instanceof SystemEvent s && s.isHook()) {
            throw new IllegalArgumentException(message("eventId", s,
                    "an event id; BEFORE, AFTER and OTHER are hooks, not events"));
        }
        return eventId;
    }

    /**
     * Checks that a value is not null.
     *
     * @param name the argument
     * @param value the value
     * @param <T> its type
     * @return the value
     * @throws IllegalArgumentException if null
     */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(message(name, null, "not null"));
        }
        return value;
    }
}
