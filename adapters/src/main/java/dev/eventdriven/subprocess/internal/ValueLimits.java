package dev.eventdriven.subprocess.internal;

import dev.eventdriven.internal.Checks;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What a frame may make its receiver do, shared by {@link ValueEncoder} and {@link ValueDecoder} so
 * that a sender refuses exactly what its receiver would refuse: which values may be map keys and set
 * elements.
 */
final class ValueLimits {

    private ValueLimits() {
    }

    /** A map or set with more entries than this must have keys (elements) of one class. */
    static final int MAX_MIXED_ENTRIES = 1024;

    /** What the error messages name as the allowed key and set element types. */
    static final String KEY_TYPES = "String, Boolean, Byte, Short, Integer, Long, Float, Double, BigInteger,"
            + " Character, Duration, Instant, null or an enum";

    /**
     * The key types besides enums: each implements {@code Comparable} of itself directly (which is
     * what lets {@code HashMap} keep a bin of colliding keys as a tree) with a {@code compareTo}
     * consistent with {@code equals}. {@code BigDecimal} is left out: {@code 1.0} and {@code 1.00}
     * compare equal but are not equal. Enums are allowed though {@code HashMap} does not order them
     * (they implement {@code Comparable} through {@code Enum}): their hash codes are identity hashes,
     * which a sender cannot aim at one bin, and an enum has few constants.
     */
    private static final Set<Class<?>> SCALAR_KEYS = Set.of(String.class, Boolean.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class,
            Character.class, Duration.class, Instant.class);

    /**
     * The class a key is judged by: its own for the scalar types, the declaring class for an enum
     * constant (a constant with a body is an instance of a subclass), {@code BigInteger} for any of its
     * subclasses (it is sent and rebuilt as a {@code BigInteger}).
     *
     * @param key a non-null key
     * @return that class, or {@code null} if the key is of a type not allowed as a key
     */
    static Class<?> keyClass(Object key) {
        if (key instanceof Enum<?> e) {
            return e.getDeclaringClass();
        }
        if (key instanceof BigInteger) {
            return BigInteger.class;
        }
        Class<?> type = key.getClass();
        return SCALAR_KEYS.contains(type) ? type : null;
    }

    /**
     * Says that a map's keys (a set's elements) mix classes in a map (set) too large for that.
     *
     * @param what {@code "map key"} or {@code "set element"}
     * @param classes the classes seen
     * @return the message, in {@link Checks#message} form
     */
    static String mixedMessage(String what, KeyClasses classes) {
        String container = what.startsWith("map") ? "map" : "set";
        return Checks.message(what + "s", classes.describe() + " in a " + container + " of "
                + classes.entries() + " entries", what + "s of one class in a " + container
                + " of more than " + MAX_MIXED_ENTRIES + " entries");
    }

    /**
     * Follows the classes of one map's keys (or one set's elements) in the order they cross.
     * Null keys do not count: a map holds at most one.
     */
    static final class KeyClasses {
        private final int entries;
        private Class<?> first;
        private Class<?> other;

        /**
         * @param entries how many entries the map or set has
         */
        KeyClasses(int entries) {
            this.entries = entries;
        }

        /**
         * Notes the next key's class.
         *
         * @param keyClass from {@link #keyClass}, {@code null} for a null key
         * @return {@code false} if the keys now mix classes in a map or set too large for that
         */
        boolean add(Class<?> keyClass) {
            if (keyClass == null || keyClass == first) {
                return true;
            }
            if (first == null) {
                first = keyClass;
                return true;
            }
            if (other == null) {
                other = keyClass;
            }
            return entries <= MAX_MIXED_ENTRIES;
        }

        int entries() {
            return entries;
        }

        /** The two classes seen first, for a message. */
        String describe() {
            return first.getName() + " and " + other.getName();
        }
    }
}
