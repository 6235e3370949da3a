package dev.eventdriven.subprocess.internal;

import dev.eventdriven.internal.Checks;
import dev.eventdriven.subprocess.ChannelProtocolException;
import dev.eventdriven.subprocess.RemoteHandlerException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Encodes the values that may cross the process boundary, without Java serialization. The safe set:
 * {@code null}, booleans, {@code byte short int long float double}, {@link BigInteger},
 * {@link BigDecimal}, chars, strings, {@code byte[]}, {@link Duration}, {@link Instant}, enums (class name + constant name), lists, sets
 * and maps of these, records of these (class name + components, rebuilt through the canonical
 * constructor), and throwables as data (decoded as {@link RemoteHandlerException}).
 *
 * <p>Encoding anything else fails with an {@link IllegalArgumentException} naming the type. Decoding
 * only ever returns a value or throws {@link ChannelProtocolException}: every length is checked
 * against the bytes that remain (so no input makes it allocate more than the frame it reads) and the
 * nesting depth is bounded. Classes are resolved in the receiver; only enums and records are
 * instantiated. Thread-safe (stateless).
 */
public final class ValueCodec {

    /** What the error messages name as the allowed set. */
    public static final String ALLOWED = "null, Boolean, Byte, Short, Integer, Long, Float, Double, BigInteger,"
            + " BigDecimal, Character, String, byte[], Duration, Instant, an enum, or a List, Set, Map or"
            + " record of these, or a Throwable";

    static final int MAX_DEPTH = 64;

    private static final byte NULL = 0;
    private static final byte TRUE = 1;
    private static final byte FALSE = 2;
    private static final byte BYTE = 3;
    private static final byte SHORT = 4;
    private static final byte INT = 5;
    private static final byte LONG = 6;
    private static final byte FLOAT = 7;
    private static final byte DOUBLE = 8;
    private static final byte BIG_INTEGER = 9;
    private static final byte BIG_DECIMAL = 10;
    private static final byte CHAR = 11;
    private static final byte STRING = 12;
    private static final byte BYTES = 13;
    private static final byte LIST = 14;
    private static final byte SET = 15;
    private static final byte MAP = 16;
    private static final byte ENUM = 17;
    private static final byte RECORD = 18;
    private static final byte THROWABLE = 19;
    private static final byte DURATION = 20;
    private static final byte INSTANT = 21;

    private final ClassLoader loader;

    /**
     * Creates a codec resolving enum and record classes through a class loader.
     *
     * @param loader the loader; {@code null} for this class's loader
     */
    public ValueCodec(ClassLoader loader) {
        this.loader = loader != null ? loader : ValueCodec.class.getClassLoader();
    }

    // ------------------------------------------------------------------------------------ encoding

    /**
     * Encodes a value.
     *
     * @param value the value
     * @return its bytes
     * @throws IllegalArgumentException if the value (or something inside it) is not in the safe set
     */
    public byte[] encode(Object value) {
        Bytes bytes = new Bytes();
        try {
            write(new DataOutputStream(bytes), value, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * A growable byte array to encode into: {@code ByteArrayOutputStream} synchronizes every write,
     * and {@code DataOutputStream} writes an int as four single bytes.
     */
    private static final class Bytes extends OutputStream {
        private byte[] buf = new byte[64];
        private int count;

        @Override
        public void write(int b) {
            if (count == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (count + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }
    }

    /**
     * Checks that a value can be encoded, by encoding it into nothing (no bytes are kept).
     *
     * @param name how the value is named in the error
     * @param value the value
     * @throws IllegalArgumentException if it cannot
     */
    public void check(String name, Object value) {
        if (alwaysEncodable(value)) {
            return; // the common case, checked on every dispatch: no need to encode
        }
        try {
            write(new DataOutputStream(OutputStream.nullOutputStream()), value, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " -> " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the null stream does not fail
        }
    }

    /** Whether encoding {@code v} cannot fail: a scalar of the allowed set, or an empty container. */
    private static boolean alwaysEncodable(Object v) {
        if (v == null) {
            return true;
        }
        Class<?> t = v.getClass();
        return t == Integer.class || t == String.class || t == Long.class || t == Boolean.class || t == Double.class
                || t == Float.class || t == Short.class || t == Byte.class || t == Character.class
                || v instanceof Enum<?>
                || v instanceof Collection<?> c && c.isEmpty() && (v instanceof List<?> || v instanceof Set<?>)
                || v instanceof Map<?, ?> m && m.isEmpty();
    }

    private void write(DataOutputStream out, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(Checks.message("value", "nested deeper than " + MAX_DEPTH,
                    "at most " + MAX_DEPTH + " levels; a cycle?"));
        }
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (v instanceof Character c) {
            out.writeByte(CHAR);
            out.writeChar(c);
        } else if (v instanceof BigInteger b) {
            out.writeByte(BIG_INTEGER);
            writeBytes(out, b.toByteArray());
        } else if (v instanceof BigDecimal b) {
            out.writeByte(BIG_DECIMAL);
            writeBytes(out, b.unscaledValue().toByteArray());
            out.writeInt(b.scale());
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            writeBytes(out, b);
        } else if (v instanceof Duration d) {
            out.writeByte(DURATION);
            out.writeLong(d.getSeconds());
            out.writeInt(d.getNano());
        } else if (v instanceof Instant i) {
            out.writeByte(INSTANT);
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
        } else if (v instanceof Enum<?> e) {
            out.writeByte(ENUM);
            writeString(out, e.getDeclaringClass().getName());
            writeString(out, e.name());
        } else if (v instanceof Record r) {
            writeRecord(out, r, depth);
        } else if (v instanceof List<?> || v instanceof Set<?>) {
            Collection<?> c = (Collection<?>) v;
            out.writeByte(v instanceof List<?> ? LIST : SET);
            out.writeInt(c.size());
            for (Object o : c) {
                write(out, o, depth + 1);
            }
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> en : m.entrySet()) {
                write(out, en.getKey(), depth + 1);
                write(out, en.getValue(), depth + 1);
            }
        } else if (v instanceof Throwable t) {
            writeThrowable(out, t, depth);
        } else {
            throw new IllegalArgumentException(Checks.message("value", "a " + v.getClass().getName(), ALLOWED));
        }
    }

    private void writeRecord(DataOutputStream out, Record r, int depth) throws IOException {
        Class<?> type = r.getClass();
        RecordComponent[] comps = type.getRecordComponents();
        out.writeByte(RECORD);
        writeString(out, type.getName());
        out.writeInt(comps.length);
        for (RecordComponent rc : comps) {
            Object component;
            try {
                component = rc.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException(Checks.message("value", "a " + type.getName(),
                        "a public record whose components can be read"), e);
            }
            write(out, component, depth + 1);
        }
    }

    private void writeThrowable(DataOutputStream out, Throwable t, int depth) throws IOException {
        out.writeByte(THROWABLE);
        writeString(out, t instanceof RemoteHandlerException r ? r.remoteClassName() : t.getClass().getName());
        String message = t instanceof RemoteHandlerException r ? r.remoteMessage() : t.getMessage();
        writeNullableString(out, message);
        StackTraceElement[] trace = t.getStackTrace();
        out.writeInt(trace.length);
        for (StackTraceElement e : trace) {
            writeString(out, e.getClassName());
            writeString(out, e.getMethodName());
            writeNullableString(out, e.getFileName());
            out.writeInt(e.getLineNumber());
        }
        Throwable cause = t.getCause();
        if (cause == null || cause == t || depth >= MAX_DEPTH) {
            out.writeByte(NULL);
        } else {
            writeThrowable(out, cause, depth + 1);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeNullableString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            writeString(out, s);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    // ------------------------------------------------------------------------------------ decoding

    /**
     * Decodes one value that must fill the whole array.
     *
     * @param bytes the bytes of one frame
     * @return the value
     * @throws ChannelProtocolException if the bytes are not exactly one valid value
     */
    public Object decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes a value from part of an array (nothing decoded refers to the array afterwards).
     *
     * @param bytes the array
     * @param offset where the value starts
     * @param length its length in bytes
     * @return the value
     * @throws ChannelProtocolException if the bytes are not exactly one valid value
     */
    public Object decode(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length).slice(); // positions count from the value
        Object v;
        try {
            v = read(in, 0);
        } catch (BufferUnderflowException e) {
            throw new ChannelProtocolException("frame truncated: a value needs more bytes than the "
                    + length + " in the frame");
        }
        if (in.hasRemaining()) {
            throw new ChannelProtocolException("frame has " + in.remaining() + " bytes after its value");
        }
        return v;
    }

    private Object read(ByteBuffer in, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ChannelProtocolException("value nested deeper than " + MAX_DEPTH + " levels");
        }
        byte tag = in.get();
        switch (tag) {
            case NULL: return null;
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case BYTE: return in.get();
            case SHORT: return in.getShort();
            case INT: return in.getInt();
            case LONG: return in.getLong();
            case FLOAT: return in.getFloat();
            case DOUBLE: return in.getDouble();
            case CHAR: return in.getChar();
            case STRING: return readString(in);
            case BYTES: return readBytes(in);
            case BIG_INTEGER: return new BigInteger(nonEmpty(readBytes(in), "BigInteger"));
            case BIG_DECIMAL: return new BigDecimal(new BigInteger(nonEmpty(readBytes(in), "BigDecimal")), in.getInt());
            case LIST: {
                int n = count(in, 1);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in, depth + 1));
                }
                return list;
            }
            case SET: {
                int n = count(in, 1);
                Set<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < n; i++) {
                    set.add(read(in, depth + 1));
                }
                return set;
            }
            case MAP: {
                int n = count(in, 2);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(read(in, depth + 1), read(in, depth + 1));
                }
                return map;
            }
            case DURATION: return Duration.ofSeconds(in.getLong(), nanos(in));
            case INSTANT: return instant(in.getLong(), nanos(in));
            case ENUM: return readEnum(in);
            case RECORD: return readRecord(in, depth);
            case THROWABLE: return readThrowable(in, depth);
            default: throw new ChannelProtocolException("unknown value tag " + tag + " at offset " + (in.position() - 1));
        }
    }

    private static int nanos(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > 999_999_999) {
            throw new ChannelProtocolException("nanosecond field " + n + " outside 0..999999999");
        }
        return n;
    }

    private static Instant instant(long seconds, int nanos) {
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (java.time.DateTimeException e) {
            throw new ChannelProtocolException("instant out of range: " + seconds + " s", e);
        }
    }

    private static byte[] nonEmpty(byte[] b, String what) {
        if (b.length == 0) {
            throw new ChannelProtocolException(what + " with no magnitude bytes");
        }
        return b;
    }

    /** Reads an element count and checks it against the bytes left (each element needs at least one). */
    private static int count(ByteBuffer in, int bytesPerElement) {
        int n = in.getInt();
        if (n < 0 || (long) n * bytesPerElement > in.remaining()) {
            throw new ChannelProtocolException("count " + n + " does not fit the " + in.remaining()
                    + " bytes left in the frame");
        }
        return n;
    }

    private static byte[] readBytes(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new ChannelProtocolException("length " + n + " does not fit the " + in.remaining()
                    + " bytes left in the frame");
        }
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static String readString(ByteBuffer in) {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static String readNullableString(ByteBuffer in) {
        int mark = in.position();
        if (in.getInt() == -1) {
            return null;
        }
        in.position(mark);
        return readString(in);
    }

    private Class<?> resolve(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ChannelProtocolException("class " + name + " cannot be resolved in this process", e);
        }
    }

    private Object readEnum(ByteBuffer in) {
        String className = readString(in);
        String constant = readString(in);
        Class<?> type = resolve(className);
        if (!type.isEnum()) {
            throw new ChannelProtocolException("class " + className + " is not an enum");
        }
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(constant)) {
                return c;
            }
        }
        throw new ChannelProtocolException("enum " + className + " has no constant " + constant);
    }

    private Object readRecord(ByteBuffer in, int depth) {
        String className = readString(in);
        int n = count(in, 1);
        Class<?> type = resolve(className);
        if (!type.isRecord()) {
            throw new ChannelProtocolException("class " + className + " is not a record");
        }
        RecordComponent[] comps = type.getRecordComponents();
        if (comps.length != n) {
            throw new ChannelProtocolException("record " + className + " has " + comps.length
                    + " components here, the frame carries " + n);
        }
        Object[] values = new Object[n];
        Class<?>[] types = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            values[i] = read(in, depth + 1);
            types[i] = comps[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new ChannelProtocolException("record " + className + " refused its components: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
            throw new ChannelProtocolException("record " + className + " cannot be rebuilt here: " + e, e);
        }
    }

    private RemoteHandlerException readThrowable(ByteBuffer in, int depth) {
        String className = readString(in);
        String message = readNullableString(in);
        int n = count(in, 13); // a frame is at least three string lengths and a line number
        StackTraceElement[] trace = new StackTraceElement[n];
        for (int i = 0; i < n; i++) {
            trace[i] = new StackTraceElement(readString(in), readString(in), readNullableString(in), in.getInt());
        }
        RemoteHandlerException cause = null;
        byte next = in.get();
        if (next == THROWABLE) {
            if (depth >= MAX_DEPTH) {
                throw new ChannelProtocolException("exception causes nested deeper than " + MAX_DEPTH);
            }
            cause = readThrowable(in, depth + 1);
        } else if (next != NULL) {
            throw new ChannelProtocolException("exception cause has tag " + next + " (expected a throwable or null)");
        }
        return new RemoteHandlerException(className, message, trace, cause);
    }
}
