package dev.eventdriven.internal.codec;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link ValueCodec}'s wire format by hand, so that a test can build the frames a hostile
 * peer would send - ones the encoder refuses to produce.
 */
final class RawValue {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes, 1 << 16));

    RawValue tag(byte tag) {
        return run(() -> out.writeByte(tag));
    }

    /** A container's tag and its count. */
    RawValue container(byte tag, int count) {
        return run(() -> {
            out.writeByte(tag);
            out.writeInt(count);
        });
    }

    RawValue nullValue() {
        return tag(ValueCodec.NULL);
    }

    RawValue intValue(int v) {
        return run(() -> {
            out.writeByte(ValueCodec.INT);
            out.writeInt(v);
        });
    }

    RawValue longValue(long v) {
        return run(() -> {
            out.writeByte(ValueCodec.LONG);
            out.writeLong(v);
        });
    }

    RawValue doubleValue(double v) {
        return run(() -> {
            out.writeByte(ValueCodec.DOUBLE);
            out.writeDouble(v);
        });
    }

    RawValue string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return run(() -> {
            out.writeByte(ValueCodec.STRING);
            out.writeInt(utf8.length);
            out.write(utf8);
        });
    }

    /** Bytes written as they are, e.g. a value the encoder produced. */
    RawValue raw(byte[] encoded) {
        return run(() -> out.write(encoded));
    }

    byte[] toByteArray() {
        run(out::flush);
        return bytes.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private RawValue run(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return this;
    }
}
