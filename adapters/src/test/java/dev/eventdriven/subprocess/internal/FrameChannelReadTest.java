package dev.eventdriven.subprocess.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.internal.codec.ValueCodec;
import dev.eventdriven.subprocess.ChannelProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The read side decodes frames from its own buffer however the stream hands the bytes over. */
class FrameChannelReadTest {

    private static final int MAX = FrameChannel.DEFAULT_MAX_FRAME;

    /** Hands out at most a few bytes per read, as a pipe under load may. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream bytes;
        private final Random random;

        Trickle(byte[] data, long seed) {
            bytes = new ByteArrayInputStream(data);
            random = new Random(seed);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return bytes.read(b, off, Math.min(len, 1 + random.nextInt(7)));
        }
    }

    private static byte[] frames(List<Object> values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameChannel writer = new FrameChannel(null, out, new ValueCodec(null), MAX);
        for (Object v : values) {
            writer.write(v);
        }
        return out.toByteArray();
    }

    private static List<Object> readAll(InputStream in) throws IOException {
        FrameChannel reader = new FrameChannel(in, null, new ValueCodec(null), MAX);
        List<Object> got = new ArrayList<>();
        for (Object v; (v = reader.read()) != FrameChannel.END; ) {
            got.add(v);
        }
        return got;
    }

    @Test
    void framesLargerThanTheBufferAndFramesSplitAcrossReadsArriveWhole() throws IOException {
        byte[] big = new byte[FrameChannel.READ_BUFFER * 2 + 17];
        new Random(1).nextBytes(big);
        List<Object> sent = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            sent.add(List.of(i, "value " + i, (long) i * 31));
        }
        sent.add(1500, big);
        sent.add("x".repeat(FrameChannel.READ_BUFFER - 3)); // a frame of just about the buffer's size
        byte[] bytes = frames(sent);

        for (InputStream in : List.of(new ByteArrayInputStream(bytes), new Trickle(bytes, 7))) {
            List<Object> got = readAll(in);
            assertEquals(sent.size(), got.size());
            for (int i = 0; i < sent.size(); i++) {
                if (sent.get(i) instanceof byte[] b) {
                    assertArrayEquals(b, (byte[]) got.get(i));
                } else {
                    assertEquals(sent.get(i), got.get(i), "frame " + i);
                }
            }
        }
    }

    @Test
    void aStreamCutInsideAFrameIsAProtocolErrorNotAnEnd() throws IOException {
        byte[] bytes = frames(List.of("first", "second frame"));
        byte[] cutBody = Arrays.copyOf(bytes, bytes.length - 3);
        byte[] cutLength = Arrays.copyOf(bytes, frames(List.of("first")).length + 2);
        for (byte[] cut : List.of(cutBody, cutLength)) {
            FrameChannel reader = new FrameChannel(new Trickle(cut, 3), null, new ValueCodec(null), MAX);
            assertEquals("first", reader.read());
            ChannelProtocolException e = assertThrows(ChannelProtocolException.class, reader::read);
            assertTrue(e.getMessage().startsWith("stream ended inside a frame"), e.getMessage());
        }
    }

    @Test
    void framesRoundTripAndAnOversizedOneFailsAtTheSender() throws Exception {
        ValueCodec codec = new ValueCodec(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameChannel writer = new FrameChannel(null, out, codec, 64);
        writer.write(List.of(1, "a"));
        writer.write("second");
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> writer.write("x".repeat(100)));
        assertTrue(tooBig.getMessage().contains("maxFrameBytes = 64"), tooBig.getMessage());
        FrameChannel reader = new FrameChannel(new ByteArrayInputStream(out.toByteArray()), null, codec, 64);
        assertEquals(List.of(1, "a"), reader.read());
        assertEquals("second", reader.read());
        assertEquals(FrameChannel.END, reader.read());
    }

    @Test
    void anOversizedTruncatedOrMalformedFrameIsAProtocolError() {
        ValueCodec codec = new ValueCodec(null);
        FrameChannel big = new FrameChannel(new ByteArrayInputStream(new byte[] {0, 0, 1, 0, 1}), null, codec, 16);
        assertTrue(assertThrows(ChannelProtocolException.class, big::read).getMessage().contains("outside"));
        FrameChannel cut = new FrameChannel(new ByteArrayInputStream(new byte[] {0, 0, 0, 9, 5}), null, codec, 16);
        assertTrue(assertThrows(ChannelProtocolException.class, cut::read).getMessage().contains("inside a frame"));
        FrameChannel cutLength = new FrameChannel(new ByteArrayInputStream(new byte[] {0, 0}), null, codec, 16);
        assertThrows(ChannelProtocolException.class, cutLength::read);
        // One byte of frame holding the unknown value tag 99: the codec's failure, as the channel's.
        FrameChannel badTag = new FrameChannel(new ByteArrayInputStream(new byte[] {0, 0, 0, 1, 99}), null, codec, 16);
        ChannelProtocolException e = assertThrows(ChannelProtocolException.class, badTag::read);
        assertTrue(e.getMessage().contains("unknown value tag 99"), e.getMessage());
    }
}
