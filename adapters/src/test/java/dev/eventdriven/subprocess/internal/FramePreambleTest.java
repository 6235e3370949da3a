package dev.eventdriven.subprocess.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.internal.codec.ValueCodec;
import dev.eventdriven.subprocess.ChannelProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text a child's JVM prints before the channel opens is read as text, not as frames. */
class FramePreambleTest {

    private static final int MAX = FrameChannel.DEFAULT_MAX_FRAME;

    private static byte[] channelBytes(String textBefore, Object... frames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(textBefore.getBytes(Charset.defaultCharset()));
        bytes.write(FrameChannel.PREAMBLE);
        FrameChannel writer = new FrameChannel(null, bytes, new ValueCodec(null), MAX);
        for (Object f : frames) {
            writer.write(f);
        }
        return bytes.toByteArray();
    }

    private static FrameChannel reader(byte[] bytes) {
        return new FrameChannel(new ByteArrayInputStream(bytes), null, new ValueCodec(null), MAX);
    }

    @Test
    void linesBeforeThePreambleAreHandedOverAndFramesFollow() throws IOException {
        FrameChannel r = reader(channelBytes("[0.5s][info][jfr,startup] Started recording 1.\r\nsecond line\npartial",
                List.of(7, "ready"), 42));
        List<String> text = new ArrayList<>();
        assertTrue(r.skipToPreamble(text::add));
        assertEquals(List.of("[0.5s][info][jfr,startup] Started recording 1.", "second line", "partial"), text);
        assertEquals(List.of(7, "ready"), r.read());
        assertEquals(42, r.read());
        assertEquals(FrameChannel.END, r.read());
    }

    @Test
    void aPrefixOfThePreambleInsideTheTextDoesNotConfuseTheMatch() throws IOException {
        byte[] prefix = Arrays.copyOf(FrameChannel.PREAMBLE, 5);
        String text = "a" + new String(prefix, Charset.defaultCharset()) + "b";
        List<String> seen = new ArrayList<>();
        assertTrue(reader(channelBytes(text, 1)).skipToPreamble(seen::add));
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("a") && seen.get(0).endsWith("b"), seen.get(0));
    }

    @Test
    void noTextAtAllIsTheCommonCase() throws IOException {
        List<String> seen = new ArrayList<>();
        FrameChannel r = reader(channelBytes("", "x"));
        assertTrue(r.skipToPreamble(seen::add));
        assertEquals(List.of(), seen);
        assertEquals("x", r.read());
    }

    @Test
    void aStreamThatEndsBeforeThePreambleSaysSo() throws IOException {
        List<String> seen = new ArrayList<>();
        assertFalse(reader("Error: Could not create the Java Virtual Machine.\n".getBytes(Charset.defaultCharset()))
                .skipToPreamble(seen::add));
        assertEquals(List.of("Error: Could not create the Java Virtual Machine."), seen);
    }

    @Test
    void endlessTextIsAProtocolError() {
        byte[] noise = new byte[FrameChannel.MAX_TEXT_BEFORE_PREAMBLE + 10];
        Arrays.fill(noise, (byte) 'x');
        ChannelProtocolException e = assertThrows(ChannelProtocolException.class,
                () -> reader(noise).skipToPreamble(line -> { }));
        assertTrue(e.getMessage().contains("before its preamble"), e.getMessage());
    }
}
