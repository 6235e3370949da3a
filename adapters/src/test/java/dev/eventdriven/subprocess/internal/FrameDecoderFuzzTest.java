package dev.eventdriven.subprocess.internal;

import static org.junit.jupiter.api.Assertions.fail;

import dev.eventdriven.SystemEvent;
import dev.eventdriven.internal.codec.ValueCodec;
import dev.eventdriven.subprocess.ChannelProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the frame reader random bytes, cut frames, absurd lengths and mutated valid frames: it must
 * only ever return values (or the end) or throw {@link ChannelProtocolException} - never hang, never
 * run out of memory, never throw anything else. Each case has its own seed, printed on failure.
 */
class FrameDecoderFuzzTest {

    private static final int MAX_FRAME = 1 << 20;
    private static final long BASE_SEED = 0x5eed_2026L;
    private final ValueCodec codec = new ValueCodec(null);

    /** A record for the valid samples. */
    public record Sample(String name, List<Object> items, Map<Object, Object> extra) {
    }

    private List<byte[]> validFrames() throws Exception {
        List<Object> values = Arrays.asList(null, true, 1, -2L, 3.5, 'c', "text", new byte[] {1, 2},
                new BigInteger("-98765432109876543210"), new BigDecimal("3.14159"), java.time.Duration.ofSeconds(-3, 5),
                java.time.Instant.MAX, SystemEvent.OTHER,
                List.of(1, List.of(2, List.of(3))), Set.of("s"), new LinkedHashMap<>(Map.of("k", List.of(1.0f))),
                new Sample("n", List.of("i", 2), new LinkedHashMap<>(Map.of(1, "one"))),
                new IllegalStateException("boom", new RuntimeException("cause")),
                Arrays.asList(Protocol.EVENT, 7L, "evt", 42, Map.of(), List.of()));
        List<byte[]> frames = new ArrayList<>();
        for (Object v : values) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new FrameChannel(null, out, codec, MAX_FRAME).write(v);
            frames.add(out.toByteArray());
        }
        return frames;
    }

    private void readAll(byte[] input, long seed, String kind) {
        FrameChannel reader = new FrameChannel(new ByteArrayInputStream(input), null, codec, MAX_FRAME);
        try {
            // Every read consumes at least one byte or ends, so this loop is bounded by the input length.
            for (int i = 0; i <= input.length; i++) {
                if (reader.read() == FrameChannel.END) {
                    return;
                }
            }
            fail("reader did not reach the end of " + input.length + " bytes; seed " + seed + " (" + kind + ")");
        } catch (ChannelProtocolException expected) {
            // the only allowed failure
        } catch (Throwable t) {
            throw new AssertionError("decoder threw " + t + " on " + kind + " input; seed " + seed, t);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void randomBytesOnlyEverDecodeOrFailWithAProtocolError() {
        for (int i = 0; i < 20_000; i++) {
            long seed = BASE_SEED + i;
            Random r = new Random(seed);
            byte[] input = new byte[r.nextInt(200)];
            r.nextBytes(input);
            if (input.length >= 4 && r.nextBoolean()) {
                // a plausible small length, so the value decoder (not just the length check) is exercised
                int len = r.nextInt(input.length - 3);
                input[0] = 0;
                input[1] = 0;
                input[2] = (byte) (len >>> 8);
                input[3] = (byte) len;
            }
            readAll(input, seed, "random");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void truncatedAndMutatedValidFramesOnlyEverDecodeOrFailWithAProtocolError() throws Exception {
        List<byte[]> frames = validFrames();
        for (int i = 0; i < 30_000; i++) {
            long seed = BASE_SEED * 31 + i;
            Random r = new Random(seed);
            byte[] frame = frames.get(r.nextInt(frames.size())).clone();
            switch (r.nextInt(4)) {
                case 0 -> readAll(Arrays.copyOf(frame, r.nextInt(frame.length)), seed, "truncated");
                case 1 -> {
                    int flips = 1 + r.nextInt(4);
                    for (int f = 0; f < flips; f++) {
                        frame[4 + r.nextInt(frame.length - 4)] = (byte) r.nextInt(256);
                    }
                    readAll(frame, seed, "mutated");
                }
                case 2 -> {
                    // a huge count or length planted inside the body
                    int at = 4 + r.nextInt(Math.max(1, frame.length - 8));
                    int huge = r.nextBoolean() ? Integer.MAX_VALUE - r.nextInt(16) : -1 - r.nextInt(16);
                    for (int b = 0; b < 4 && at + b < frame.length; b++) {
                        frame[at + b] = (byte) (huge >>> (24 - 8 * b));
                    }
                    readAll(frame, seed, "huge count");
                }
                default -> {
                    int len = r.nextBoolean() ? MAX_FRAME + 1 + r.nextInt(1000) : Integer.MIN_VALUE + r.nextInt(1000);
                    frame[0] = (byte) (len >>> 24);
                    frame[1] = (byte) (len >>> 16);
                    frame[2] = (byte) (len >>> 8);
                    frame[3] = (byte) len;
                    readAll(frame, seed, "oversized length");
                }
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void deeplyNestedInputFailsWithAProtocolErrorNotAStackOverflow() {
        int depth = 100_000;
        byte[] body = new byte[depth * 5 + 1];
        for (int i = 0; i < depth; i++) {
            body[i * 5] = 14; // LIST
            body[i * 5 + 4] = 1; // of one element
        }
        byte[] frame = new byte[body.length + 4];
        frame[1] = (byte) (body.length >>> 16);
        frame[2] = (byte) (body.length >>> 8);
        frame[3] = (byte) body.length;
        System.arraycopy(body, 0, frame, 4, body.length);
        readAll(frame, 0, "deep nesting");
    }
}
