package dev.eventdriven.internal.codec;

import static dev.eventdriven.internal.codec.ValueCodec.BIG_DECIMAL;
import static dev.eventdriven.internal.codec.ValueCodec.BIG_INTEGER;
import static dev.eventdriven.internal.codec.ValueCodec.BYTE;
import static dev.eventdriven.internal.codec.ValueCodec.BYTES;
import static dev.eventdriven.internal.codec.ValueCodec.CHAR;
import static dev.eventdriven.internal.codec.ValueCodec.DOUBLE;
import static dev.eventdriven.internal.codec.ValueCodec.DURATION;
import static dev.eventdriven.internal.codec.ValueCodec.ENUM;
import static dev.eventdriven.internal.codec.ValueCodec.FALSE;
import static dev.eventdriven.internal.codec.ValueCodec.FLOAT;
import static dev.eventdriven.internal.codec.ValueCodec.INSTANT;
import static dev.eventdriven.internal.codec.ValueCodec.INT;
import static dev.eventdriven.internal.codec.ValueCodec.LIST;
import static dev.eventdriven.internal.codec.ValueCodec.LONG;
import static dev.eventdriven.internal.codec.ValueCodec.MAP;
import static dev.eventdriven.internal.codec.ValueCodec.MAX_DEPTH;
import static dev.eventdriven.internal.codec.ValueCodec.NULL;
import static dev.eventdriven.internal.codec.ValueCodec.RECORD;
import static dev.eventdriven.internal.codec.ValueCodec.SET;
import static dev.eventdriven.internal.codec.ValueCodec.SHORT;
import static dev.eventdriven.internal.codec.ValueCodec.STRING;
import static dev.eventdriven.internal.codec.ValueCodec.THROWABLE;
import static dev.eventdriven.internal.codec.ValueCodec.TRUE;

import dev.eventdriven.RemoteHandlerException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one frame's value in {@link ValueCodec}'s format, within the frame's budgets (see
 * {@link ValueLimits}): every count and length is checked against the bytes left, the heap the value
 * will take is charged before it is allocated, map keys and set elements are checked for their type
 * before they are read and for their class before they are inserted. One instance per frame; not
 * thread-safe.
 */
final class ValueDecoder {

    private final ClassLoader loader;
    private final ByteBuffer in;
    private final int frameLength;
    private final long heapBudget;
    private long heap;
    /** Classes resolved in this frame: a list of a thousand records looks its class up once. */
    private final Map<String, Class<?>> resolved = new HashMap<>();
    private final Map<Class<?>, Constructor<?>> canonical = new HashMap<>();

    /**
     * @param loader resolves enum and record classes
     * @param bytes the array holding the frame
     * @param offset where the value starts
     * @param length the frame's length
     */
    ValueDecoder(ClassLoader loader, byte[] bytes, int offset, int length) {
        this.loader = loader;
        this.in = ByteBuffer.wrap(bytes, offset, length).slice(); // positions count from the value
        this.frameLength = length;
        this.heapBudget = ValueLimits.heapBudget(length);
    }

    /**
     * Reads the value, which must fill the frame.
     *
     * @return the value
     * @throws MalformedValueException if the bytes are not exactly one valid value within the budgets
     */
    Object readFrame() {
        Object v;
        try {
            v = read(0);
        } catch (BufferUnderflowException e) {
            throw new MalformedValueException("frame truncated: a value needs more bytes than the "
                    + frameLength + " in the frame");
        }
        if (in.hasRemaining()) {
            throw new MalformedValueException("frame has " + in.remaining() + " bytes after its value");
        }
        return v;
    }

    /** Accounts for heap about to be taken; refuses the frame before it takes more than its budget. */
    private void charge(long bytes) {
        heap += bytes;
        if (heap > heapBudget) {
            throw new MalformedValueException("decoded value of a " + frameLength + "-byte frame would take"
                    + " more than " + heapBudget + " bytes of heap (8 x frame + 1 MiB), at offset "
                    + in.position());
        }
    }

    private Object read(int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedValueException("value nested deeper than " + MAX_DEPTH + " levels");
        }
        byte tag = in.get();
        switch (tag) {
            case NULL: return null;
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case BYTE: return in.get();
            case SHORT: {
                short s = in.getShort();
                charge(ValueLimits.boxCost(s));
                return s;
            }
            case INT: {
                int i = in.getInt();
                charge(ValueLimits.boxCost(i));
                return i;
            }
            case LONG: {
                long l = in.getLong();
                charge(ValueLimits.boxCost(l));
                return l;
            }
            case FLOAT:
                charge(ValueLimits.BOX);
                return in.getFloat();
            case DOUBLE:
                charge(ValueLimits.WIDE_BOX);
                return in.getDouble();
            case CHAR: {
                char c = in.getChar();
                charge(ValueLimits.boxCost(c));
                return c;
            }
            case STRING: return readString();
            case BYTES: {
                int n = length();
                charge(ValueLimits.bytesCost(n));
                byte[] b = new byte[n];
                in.get(b);
                return b;
            }
            case BIG_INTEGER: {
                int n = magnitudeLength("BigInteger");
                charge(ValueLimits.bigIntegerCost(n));
                return magnitude(n);
            }
            case BIG_DECIMAL: {
                int n = magnitudeLength("BigDecimal");
                charge(ValueLimits.bigDecimalCost(n));
                return new BigDecimal(magnitude(n), in.getInt());
            }
            case LIST: return readList(depth);
            case SET: return readSet(depth);
            case MAP: return readMap(depth);
            case DURATION:
                charge(ValueLimits.WIDE_BOX);
                return Duration.ofSeconds(in.getLong(), nanos());
            case INSTANT:
                charge(ValueLimits.WIDE_BOX);
                return instant(in.getLong(), nanos());
            case ENUM: return readEnum();
            case RECORD: return readRecord(depth);
            case THROWABLE: return readThrowable(depth);
            default:
                throw new MalformedValueException("unknown value tag " + tag + " at offset " + (in.position() - 1));
        }
    }

    private List<Object> readList(int depth) {
        int n = count(1);
        charge(ValueLimits.listCost(n));
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(read(depth + 1));
        }
        return list;
    }

    private Set<Object> readSet(int depth) {
        int n = count(1);
        // Charged in full before the table is sized for n: the count is the sender's word.
        charge(ValueLimits.hashCost(n));
        Set<Object> set = new LinkedHashSet<>(ValueLimits.hashCapacity(n));
        ValueLimits.KeyClasses classes = new ValueLimits.KeyClasses(n);
        for (int i = 0; i < n; i++) {
            Object element = readKey("set element", classes, depth);
            if (element == null && set.contains(null)) {
                throw new MalformedValueException("set has a second null element, at offset " + in.position());
            }
            set.add(element);
        }
        return set;
    }

    private Map<Object, Object> readMap(int depth) {
        int n = count(2);
        charge(ValueLimits.hashCost(n));
        Map<Object, Object> map = new LinkedHashMap<>(ValueLimits.hashCapacity(n));
        ValueLimits.KeyClasses classes = new ValueLimits.KeyClasses(n);
        for (int i = 0; i < n; i++) {
            Object key = readKey("map key", classes, depth);
            if (key == null && map.containsKey(null)) {
                throw new MalformedValueException("map has a second null key, at offset " + in.position());
            }
            map.put(key, read(depth + 1));
        }
        return map;
    }

    /**
     * Reads a map key or set element: its tag must be a key type's (checked before anything of it is
     * read) and its class, with those before it, must leave the map cheap to fill.
     *
     * <p>A null key is refused a second time because {@code HashMap} cannot order it: inserting it
     * into a bin of colliding keys searches the whole bin, and an honest sender has only one.
     */
    private Object readKey(String what, ValueLimits.KeyClasses classes, int depth) {
        int at = in.position();
        byte tag = in.get(); // relative, so that a frame ending here underflows like any other read
        in.position(at);
        if (!isKeyTag(tag)) {
            throw new MalformedValueException(what + " at offset " + at + " has tag " + tag
                    + ": keys and set elements must be " + ValueLimits.KEY_TYPES);
        }
        Object key = read(depth + 1);
        if (!classes.add(key == null ? null : ValueLimits.keyClass(key))) {
            throw new MalformedValueException("frame refused at offset " + at + ": "
                    + ValueLimits.mixedMessage(what, classes));
        }
        return key;
    }

    private static boolean isKeyTag(byte tag) {
        return switch (tag) {
            case NULL, TRUE, FALSE, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR, STRING, BIG_INTEGER,
                    DURATION, INSTANT, ENUM -> true;
            default -> false;
        };
    }

    private int nanos() {
        int n = in.getInt();
        if (n < 0 || n > 999_999_999) {
            throw new MalformedValueException("nanosecond field " + n + " outside 0..999999999");
        }
        return n;
    }

    private static Instant instant(long seconds, int nanos) {
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw new MalformedValueException("instant out of range: " + seconds + " s", e);
        }
    }

    /** Reads an element count and checks it against the bytes left (each element needs at least some). */
    private int count(int bytesPerElement) {
        int n = in.getInt();
        if (n < 0 || (long) n * bytesPerElement > in.remaining()) {
            throw new MalformedValueException("count " + n + " does not fit the " + in.remaining()
                    + " bytes left in the frame");
        }
        return n;
    }

    /** Reads a byte length and checks it against the bytes left. */
    private int length() {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new MalformedValueException("length " + n + " does not fit the " + in.remaining()
                    + " bytes left in the frame");
        }
        return n;
    }

    private int magnitudeLength(String what) {
        int n = length();
        if (n == 0) {
            throw new MalformedValueException(what + " with no magnitude bytes");
        }
        return n;
    }

    /** Builds a {@code BigInteger} straight from the frame's bytes. */
    private BigInteger magnitude(int n) {
        BigInteger b = new BigInteger(in.array(), in.arrayOffset() + in.position(), n);
        in.position(in.position() + n);
        return b;
    }

    /** Decodes a string straight from the frame's bytes (no copy of them first). */
    private String readString() {
        int n = length();
        charge(ValueLimits.stringCost(n));
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private String readNullableString() {
        int at = in.position();
        if (in.getInt() == -1) {
            return null;
        }
        in.position(at);
        return readString();
    }

    private Class<?> resolve(String name) {
        Class<?> type = resolved.get(name);
        if (type == null) {
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MalformedValueException("class " + name + " cannot be resolved in this process", e);
            }
            resolved.put(name, type);
        }
        return type;
    }

    private Object readEnum() {
        String className = readString();
        String constant = readString();
        Class<?> type = resolve(className);
        if (!type.isEnum()) {
            throw new MalformedValueException("class " + className + " is not an enum");
        }
        try {
            return enumConstant(type, constant);
        } catch (IllegalArgumentException e) {
            throw new MalformedValueException("enum " + className + " has no constant " + constant);
        }
    }

    /** Looks a constant up by name in the enum's own directory (no copy of its constants). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> enumType, String name) {
        return Enum.valueOf((Class) enumType, name);
    }

    private Object readRecord(int depth) {
        String className = readString();
        int n = count(1);
        charge(ValueLimits.recordCost(n));
        Class<?> type = resolve(className);
        Constructor<?> constructor = canonicalConstructor(type, className);
        if (constructor.getParameterCount() != n) {
            throw new MalformedValueException("record " + className + " has " + constructor.getParameterCount()
                    + " components here, the frame carries " + n);
        }
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = read(depth + 1);
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new MalformedValueException("record " + className + " refused its components: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
            throw new MalformedValueException("record " + className + " cannot be rebuilt here: " + e, e);
        }
    }

    private Constructor<?> canonicalConstructor(Class<?> type, String className) {
        Constructor<?> constructor = canonical.get(type);
        if (constructor != null) {
            return constructor;
        }
        if (!type.isRecord()) {
            throw new MalformedValueException("class " + className + " is not a record");
        }
        RecordComponent[] comps = type.getRecordComponents();
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
        }
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            throw new MalformedValueException("record " + className + " cannot be rebuilt here: " + e, e);
        }
        canonical.put(type, constructor);
        return constructor;
    }

    private RemoteHandlerException readThrowable(int depth) {
        String className = readString();
        String message = readNullableString();
        int n = count(13); // a frame is at least three string lengths and a line number
        charge(ValueLimits.throwableCost(n));
        StackTraceElement[] trace = new StackTraceElement[n];
        for (int i = 0; i < n; i++) {
            trace[i] = new StackTraceElement(readString(), readString(), readNullableString(), in.getInt());
        }
        RemoteHandlerException cause = null;
        byte next = in.get();
        if (next == THROWABLE) {
            if (depth >= MAX_DEPTH) {
                throw new MalformedValueException("exception causes nested deeper than " + MAX_DEPTH);
            }
            cause = readThrowable(depth + 1);
        } else if (next != NULL) {
            throw new MalformedValueException("exception cause has tag " + next + " (expected a throwable or null)");
        }
        return new RemoteHandlerException(className, message, trace, cause);
    }
}
