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
import dev.eventdriven.internal.Checks;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one value in {@link ValueCodec}'s format, refusing what the receiver's {@link ValueDecoder}
 * would refuse: a value outside the safe set, a map key or set element of a type not allowed as one,
 * keys of several classes in a large map, and a value whose decoded estimate exceeds the budgets of
 * {@link ValueLimits}. One instance per value; not thread-safe.
 */
final class ValueEncoder {

    private final DataOutputStream out;
    /** The heap the receiver will estimate, in the same units. */
    private long heap;

    /**
     * @param sink where the bytes go
     */
    ValueEncoder(OutputStream sink) {
        this.out = new DataOutputStream(sink);
    }

    /**
     * Writes a value and checks the whole of it against the receiver's budgets.
     *
     * @param v the value
     * @throws IllegalArgumentException if it cannot be sent
     * @throws IOException if the sink fails
     */
    void writeValue(Object v) throws IOException {
        write(v, 0);
        int length = out.size(); // saturates at Integer.MAX_VALUE, far beyond any frame
        long heapBudget = ValueLimits.heapBudget(length);
        if (heap > heapBudget) {
            throw new IllegalArgumentException(Checks.message("value", "about " + heap
                    + " bytes of heap once decoded from its " + length + "-byte frame",
                    "at most 8 x frame + 1 MiB = " + heapBudget + " bytes; send it in parts"));
        }
    }

    private void write(Object v, int depth) throws IOException {
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
            heap += ValueLimits.boxCost(i.intValue());
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
            heap += ValueLimits.boxCost(l.longValue());
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
            heap += ValueLimits.WIDE_BOX;
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeString(s);
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
            heap += ValueLimits.boxCost(s.intValue());
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
            heap += ValueLimits.BOX;
        } else if (v instanceof Character c) {
            out.writeByte(CHAR);
            out.writeChar(c);
            heap += ValueLimits.boxCost(c.charValue());
        } else if (v instanceof BigInteger b) {
            out.writeByte(BIG_INTEGER);
            byte[] magnitude = b.toByteArray();
            writeBytes(magnitude);
            heap += ValueLimits.bigIntegerCost(magnitude.length);
        } else if (v instanceof BigDecimal b) {
            out.writeByte(BIG_DECIMAL);
            byte[] magnitude = b.unscaledValue().toByteArray();
            writeBytes(magnitude);
            out.writeInt(b.scale());
            heap += ValueLimits.bigDecimalCost(magnitude.length);
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            writeBytes(b);
            heap += ValueLimits.bytesCost(b.length);
        } else if (v instanceof Duration d) {
            out.writeByte(DURATION);
            out.writeLong(d.getSeconds());
            out.writeInt(d.getNano());
            heap += ValueLimits.WIDE_BOX;
        } else if (v instanceof Instant i) {
            out.writeByte(INSTANT);
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
            heap += ValueLimits.WIDE_BOX;
        } else if (v instanceof Enum<?> e) {
            out.writeByte(ENUM);
            writeString(e.getDeclaringClass().getName());
            writeString(e.name());
        } else if (v instanceof Record r) {
            writeRecord(r, depth);
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            heap += ValueLimits.listCost(list.size());
            for (Object o : list) {
                write(o, depth + 1);
            }
        } else if (v instanceof Set<?> set) {
            out.writeByte(SET);
            out.writeInt(set.size());
            heap += ValueLimits.hashCost(set.size());
            ValueLimits.KeyClasses classes = new ValueLimits.KeyClasses(set.size());
            for (Object o : set) {
                writeKey("set element", o, classes, depth);
            }
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(MAP);
            out.writeInt(m.size());
            heap += ValueLimits.hashCost(m.size());
            ValueLimits.KeyClasses classes = new ValueLimits.KeyClasses(m.size());
            for (Map.Entry<?, ?> en : m.entrySet()) {
                writeKey("map key", en.getKey(), classes, depth);
                write(en.getValue(), depth + 1);
            }
        } else if (v instanceof Throwable t) {
            writeThrowable(t, depth);
        } else {
            throw new IllegalArgumentException(Checks.message("value", "a " + v.getClass().getName(),
                    ValueCodec.ALLOWED));
        }
    }

    /** Writes a map key or set element, checking its type and, with those before it, its class. */
    private void writeKey(String what, Object key, ValueLimits.KeyClasses classes, int depth) throws IOException {
        Class<?> keyClass = null;
        if (key != null) {
            keyClass = ValueLimits.keyClass(key);
            if (keyClass == null) {
                throw new IllegalArgumentException(Checks.message(what, "a " + key.getClass().getName(),
                        ValueLimits.KEY_TYPES));
            }
        }
        if (!classes.add(keyClass)) {
            throw new IllegalArgumentException(ValueLimits.mixedMessage(what, classes));
        }
        write(key, depth + 1);
    }

    private void writeRecord(Record r, int depth) throws IOException {
        Class<?> type = r.getClass();
        RecordComponent[] comps = type.getRecordComponents();
        out.writeByte(RECORD);
        writeString(type.getName());
        out.writeInt(comps.length);
        heap += ValueLimits.recordCost(comps.length);
        for (RecordComponent rc : comps) {
            Object component;
            try {
                component = rc.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException(Checks.message("value", "a " + type.getName(),
                        "a public record whose components can be read"), e);
            }
            write(component, depth + 1);
        }
    }

    private void writeThrowable(Throwable t, int depth) throws IOException {
        out.writeByte(THROWABLE);
        writeString(t instanceof RemoteHandlerException r ? r.remoteClassName() : t.getClass().getName());
        String message = t instanceof RemoteHandlerException r ? r.remoteMessage() : t.getMessage();
        writeNullableString(message);
        StackTraceElement[] trace = t.getStackTrace();
        out.writeInt(trace.length);
        heap += ValueLimits.throwableCost(trace.length);
        for (StackTraceElement e : trace) {
            writeString(e.getClassName());
            writeString(e.getMethodName());
            writeNullableString(e.getFileName());
            out.writeInt(e.getLineNumber());
        }
        Throwable cause = t.getCause();
        if (cause == null || cause == t || depth >= MAX_DEPTH) {
            out.writeByte(NULL);
        } else {
            writeThrowable(cause, depth + 1);
        }
    }

    private void writeString(String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeBytes(utf8);
        heap += ValueLimits.stringCost(utf8.length);
    }

    private void writeNullableString(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            writeString(s);
        }
    }

    private void writeBytes(byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }
}
