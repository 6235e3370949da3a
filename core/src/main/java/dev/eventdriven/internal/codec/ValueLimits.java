package dev.eventdriven.internal.codec;

import dev.eventdriven.internal.Checks;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What a frame may make its receiver do, shared by {@link ValueEncoder} and {@link ValueDecoder} so
 * that a sender refuses exactly what its receiver would refuse: which values may be map keys and set
 * elements, and what a decoded value is estimated to cost in heap.
 *
 * <p>The estimates depend only on what is on the wire (counts, lengths, the value of a scalar), never
 * on the sender's objects, so both sides compute the same figure for the same frame. They assume a
 * 64-bit JVM and err on the large side (8-byte references).
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

    /** One reference: an array slot or a field. */
    static final long REF = 8;
    /** A {@code Short}, {@code Integer}, {@code Float} or {@code Character} outside the boxing caches. */
    static final long BOX = 16;
    /** A {@code Long}, {@code Double}, {@code Duration} or {@code Instant}. */
    static final long WIDE_BOX = 24;
    /** One entry of a {@code LinkedHashMap} (or set) and its share of the table. */
    static final long ENTRY = 48;
    /** An {@code ArrayList}, {@code LinkedHashMap} or {@code LinkedHashSet} and its array's header. */
    static final long CONTAINER = 64;
    /** Headroom every frame gets beyond {@link #HEAP_PER_FRAME_BYTE} times its length. */
    static final long HEAP_HEADROOM = 1 << 20;
    /** Heap a decoded value may take per byte of its frame. */
    static final long HEAP_PER_FRAME_BYTE = 8;

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
     * The heap a decoded value may take.
     *
     * @param frameLength the frame's length in bytes
     * @return 8 bytes per frame byte plus 1 MiB
     */
    static long heapBudget(int frameLength) {
        return HEAP_PER_FRAME_BYTE * frameLength + HEAP_HEADROOM;
    }

    /** The heap of a boxed short or int with this value ({@code valueOf} shares -128..127). */
    static long boxCost(int value) {
        return value >= -128 && value <= 127 ? 0 : BOX;
    }

    /** The heap of a boxed long with this value ({@code Long.valueOf} shares -128..127). */
    static long boxCost(long value) {
        return value >= -128 && value <= 127 ? 0 : WIDE_BOX;
    }

    /** The heap of a boxed char with this value ({@code Character.valueOf} shares 0..127). */
    static long boxCost(char value) {
        return value <= 127 ? 0 : BOX;
    }

    /** The heap of a string decoded from this many UTF-8 bytes (an empty one shares its array). */
    static long stringCost(int utf8Length) {
        return utf8Length == 0 ? 24 : 40 + utf8Length;
    }

    /** The heap of a byte array of this length. */
    static long bytesCost(int length) {
        return 16 + length;
    }

    /** The heap of a {@code BigInteger} from this many magnitude bytes. */
    static long bigIntegerCost(int length) {
        return 56 + length;
    }

    /** The heap of a {@code BigDecimal} from this many magnitude bytes. */
    static long bigDecimalCost(int length) {
        return 40 + bigIntegerCost(length);
    }

    /** The heap of a list of {@code n} elements (the elements apart). */
    static long listCost(int n) {
        return CONTAINER + REF * n;
    }

    /** The heap of a set or map of {@code n} entries (keys and values apart). */
    static long hashCost(int n) {
        return CONTAINER + ENTRY * n;
    }

    /** The heap of a record of {@code n} components, with the array they are gathered in first. */
    static long recordCost(int n) {
        return 32 + 2 * REF * n;
    }

    /** The heap of a remote exception with {@code n} stack frames (their strings apart). */
    static long throwableCost(int n) {
        return 128 + (REF + 48) * n;
    }

    /**
     * The initial capacity that holds {@code n} entries without a rehash.
     *
     * @param n the entries
     * @return a capacity for {@code HashMap}'s constructor
     */
    static int hashCapacity(int n) {
        return (int) Math.min((long) Math.ceil(n / 0.75), 1 << 30);
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
