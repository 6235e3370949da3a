package dev.eventdriven.internal.codec;

import dev.eventdriven.RemoteHandlerException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Encodes the values that may cross a process boundary — to a child process, or over a bridge to
 * another JVM — without Java serialization. The safe set:
 * {@code null}, booleans, {@code byte short int long float double}, {@link BigInteger},
 * {@link BigDecimal}, chars, strings, {@code byte[]}, {@link Duration}, {@link Instant}, enums (class
 * name + constant name), lists, sets and maps of these, records of these (class name + components,
 * rebuilt through the canonical constructor), and throwables as data (decoded as
 * {@link RemoteHandlerException}).
 *
 * <p>Encoding anything else fails with an {@link IllegalArgumentException} naming the type. Decoding
 * only ever returns a value or throws {@link MalformedValueException}. Classes are resolved in the
 * receiver; only enums and records are instantiated. Thread-safe (stateless).
 *
 * <p><b>Limits.</b> A frame (a channel's frame, a bridge's message) is decoded on a reader thread
 * that other traffic waits for, so no frame may stall it or take the receiver's heap, whatever its
 * bytes. Each limit is checked by the encoder too, so an
 * honest sender fails at once with an {@link IllegalArgumentException} instead of having its peer
 * drop the channel:
 * <ul>
 *   <li><b>Lengths.</b> Every count and length is checked against the bytes left in the frame, and
 *       nesting is at most {@value #MAX_DEPTH} levels deep.</li>
 *   <li><b>Keys.</b> Map keys and set elements must be {@code null} (once) or a String, Boolean, Byte,
 *       Short, Integer, Long, Float, Double, BigInteger, Character, Duration, Instant or an enum
 *       constant. {@code HashMap} keeps a bin of colliding keys as a tree, searched in log time, only
 *       when they are {@code Comparable} to each other; these are, consistently with {@code equals}
 *       (BigDecimal is not: {@code 1.0} and {@code 1.00}). With lists as keys, where {@code [a, -31a]}
 *       all share one hash code, 20,000 keys took 3.5 s to insert. Keys of different classes cannot
 *       be ordered either (an insert may search the whole bin), so a map or set of more than
 *       1,024 entries must have non-null keys of one class. At
 *       that size mixing is cheap enough: 2 MB of 1,024-entry maps of colliding keys of two classes
 *       decoded in 0.2 s, against 0.15 s with keys of one class, and 2 s with 16,384-entry ones.</li>
 *   <li><b>Heap.</b> The decoded value may take at most 8 bytes of heap per frame byte plus 1 MiB,
 *       estimated per element before it is allocated: a list slot 8 B, a set or map entry 48 B, a
 *       container 64 B, a boxed scalar 16 B (24 B for a Long, Double, Duration or Instant, nothing
 *       for the values {@code valueOf} shares), a string 40 B + its UTF-8 length, a byte array 16 B +
 *       its length, a record 32 B + 16 B per component, an exception 128 B + 56 B per stack frame
 *       besides its strings. Without this, a 15 MiB frame holding a set of small integers grew the
 *       heap by 316 MiB. Values dominated by tiny set or map entries reach it first: a
 *       {@code Set<Integer>} of more than about 43,000 elements must be sent in parts or as a list
 *       (an element of a list is estimated at 24 B, of a set at 64 B, for 5 bytes of frame).</li>
 * </ul>
 */
public final class ValueCodec {

    /** What the error messages name as the allowed set. */
    public static final String ALLOWED = "null, Boolean, Byte, Short, Integer, Long, Float, Double, BigInteger,"
            + " BigDecimal, Character, String, byte[], Duration, Instant, an enum, or a List, Set, Map or"
            + " record of these (Map keys and Set elements: scalars but BigDecimal, or enums), or a Throwable";

    static final int MAX_DEPTH = 64;

    // The wire tags, shared by ValueEncoder and ValueDecoder.
    static final byte NULL = 0;
    static final byte TRUE = 1;
    static final byte FALSE = 2;
    static final byte BYTE = 3;
    static final byte SHORT = 4;
    static final byte INT = 5;
    static final byte LONG = 6;
    static final byte FLOAT = 7;
    static final byte DOUBLE = 8;
    static final byte BIG_INTEGER = 9;
    static final byte BIG_DECIMAL = 10;
    static final byte CHAR = 11;
    static final byte STRING = 12;
    static final byte BYTES = 13;
    static final byte LIST = 14;
    static final byte SET = 15;
    static final byte MAP = 16;
    static final byte ENUM = 17;
    static final byte RECORD = 18;
    static final byte THROWABLE = 19;
    static final byte DURATION = 20;
    static final byte INSTANT = 21;

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
     * @throws IllegalArgumentException if the value (or something inside it) is not in the safe set,
     *     or its receiver would refuse it (see the limits in the class comment)
     */
    public byte[] encode(Object value) {
        Bytes bytes = new Bytes();
        try {
            new ValueEncoder(bytes).writeValue(value);
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

    // ------------------------------------------------------------------------------------ decoding

    /**
     * Decodes one value that must fill the whole array.
     *
     * @param bytes the bytes of one frame
     * @return the value
     * @throws MalformedValueException if the bytes are not exactly one valid value
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
     * @throws MalformedValueException if the bytes are not exactly one valid value, or break one of the
     *     limits in the class comment
     */
    public Object decode(byte[] bytes, int offset, int length) {
        return new ValueDecoder(loader, bytes, offset, length).readFrame();
    }
}
