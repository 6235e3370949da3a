package dev.eventdriven.subprocess.internal;

import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.codec.MalformedValueException;
import dev.eventdriven.internal.codec.ValueCodec;
import dev.eventdriven.subprocess.ChannelProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Length-prefixed frames over a pair of byte streams: a 4-byte big-endian length, then that many bytes
 * holding one {@link ValueCodec} value. Writes are serialized (any thread); reads belong to one reader
 * thread.
 * <pre>
 *   | length (int32, 0..maxFrame) | value bytes (length) |
 * </pre>
 *
 * <p>The child's side opens with a {@link #PREAMBLE}: the JVM itself may print to a child's stdout
 * before {@code main} runs (a flight recording started by {@code -XX:StartFlightRecording} announces
 * itself there whatever the logging options), and the parent reads that as text up to the preamble
 * instead of as a frame length.
 *
 * <p><b>Flushing.</b> A frame written after a quiet spell (no flush for {@link #LINGER_NANOS}) is
 * flushed at once by its writer: one call at a time costs no extra latency. Frames written in quick
 * succession are left in the buffer and a flusher thread is woken to flush them: while it wakes up,
 * later frames join the same system call, so a stream of calls costs one write per burst instead
 * of one per frame, and the writers (a controller's loop, a child's workers) make no system call.
 * Every frame is flushed by its writer or by the flusher woken for it; a full buffer still blocks
 * its writer, so a peer that stops reading still holds writers back.
 */
public final class FrameChannel {

    /** Default maximum frame size: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME = 16 * 1024 * 1024;

    /** Opens a child's channel; no text the JVM prints contains a NUL byte followed by these. */
    static final byte[] PREAMBLE = {0, 'E', 'D', '-', 'C', 'H', 'A', 'N', 'N', 'E', 'L', 1};
    /** A frame written this long after the last flush is flushed by its writer at once. */
    static final long LINGER_NANOS = 20_000;
    /** Bytes read at once; a frame up to this size is decoded in place. */
    static final int READ_BUFFER = 1 << 16;
    /** The most text {@link #skipToPreamble} accepts before it gives up. */
    static final int MAX_TEXT_BEFORE_PREAMBLE = 1 << 20;

    /** Read side: frames are decoded straight from this buffer (no lock, no copy per frame). */
    private final InputStream in;
    private final byte[] readBuffer;
    private int readPos;
    private int readLimit;
    /** Whether the last read from the stream took all it could hold (the stream may have more). */
    private boolean readToCapacity;
    private final DataOutputStream out;
    private final ValueCodec codec;
    private final int maxFrame;
    private final Object writeLock = new Object();
    // Guarded by writeLock:
    /** Makes the flusher; {@code null} when every frame is flushed by its writer. */
    private ThreadFactory flusherFactory;
    private Thread flusher;
    private boolean flushScheduled;
    private long lastFlushNanos;
    /** A flush by the flusher failed: the peer is gone; later writes report it. */
    private IOException broken;
    private volatile boolean closed;

    /**
     * Creates a channel that flushes every frame as it is written.
     *
     * @param in where frames are read from (may be {@code null} for a write-only channel)
     * @param out where frames are written to (may be {@code null} for a read-only channel)
     * @param codec the value codec
     * @param maxFrame the largest frame accepted either way, in bytes
     */
    public FrameChannel(InputStream in, OutputStream out, ValueCodec codec, int maxFrame) {
        this(in, out, codec, maxFrame, null);
    }

    /**
     * Creates a channel whose bursts of frames are flushed together (see the class comment).
     *
     * @param in where frames are read from (may be {@code null} for a write-only channel)
     * @param out where frames are written to (may be {@code null} for a read-only channel)
     * @param codec the value codec
     * @param maxFrame the largest frame accepted either way, in bytes
     * @param flusherFactory makes the flusher thread (started on the first burst), or {@code null}
     *     to flush every frame at once
     */
    public FrameChannel(InputStream in, OutputStream out, ValueCodec codec, int maxFrame,
                        ThreadFactory flusherFactory) {
        this.in = in;
        this.readBuffer = in == null ? null : new byte[READ_BUFFER];
        this.out = out == null ? null : new DataOutputStream(out);
        this.codec = codec;
        this.maxFrame = Checks.positive("maxFrameBytes", maxFrame);
        this.flusherFactory = flusherFactory;
        this.lastFlushNanos = System.nanoTime() - LINGER_NANOS;
    }

    /**
     * Encodes a value into one frame, checking its size, without writing it.
     *
     * @param message the value
     * @return the encoded value
     * @throws IllegalArgumentException if it cannot be encoded or is larger than the maximum frame
     */
    public byte[] encode(Object message) {
        return encode(codec, maxFrame, message);
    }

    /**
     * Encodes a value into one frame body with a codec, checking its size.
     *
     * @param codec the codec
     * @param maxFrame the largest frame allowed
     * @param message the value
     * @return the encoded value
     * @throws IllegalArgumentException if it cannot be encoded or is larger than {@code maxFrame}
     */
    public static byte[] encode(ValueCodec codec, int maxFrame, Object message) {
        byte[] bytes = codec.encode(message);
        if (bytes.length > maxFrame) {
            throw new IllegalArgumentException(Checks.message("frame size", bytes.length + " bytes",
                    "at most maxFrameBytes = " + maxFrame));
        }
        return bytes;
    }

    /**
     * Writes one value as a frame; it is flushed now or by the flusher. Any thread.
     *
     * @param message the value
     * @throws IllegalArgumentException if it cannot be encoded or is too large
     * @throws IOException if the stream is closed
     */
    public void write(Object message) throws IOException {
        writeEncoded(encode(message));
    }

    /**
     * Writes an already encoded frame body; it is flushed now or by the flusher. Any thread.
     *
     * @param bytes the body from {@link #encode(Object)}
     * @throws IOException if the stream is closed or the peer is gone
     */
    public void writeEncoded(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            if (broken != null) {
                throw new IOException("the channel is broken: " + broken.getMessage(), broken);
            }
            out.writeInt(bytes.length);
            out.write(bytes);
            if (flushScheduled) {
                return; // the flusher, woken for an earlier frame, flushes this one too
            }
            long now = System.nanoTime();
            if (flusherFactory == null || now - lastFlushNanos >= LINGER_NANOS || closed) {
                lastFlushNanos = now;
                out.flush();
                return;
            }
            if (flusher == null && !startFlusher()) {
                lastFlushNanos = now;
                out.flush();
                return;
            }
            flushScheduled = true;
            LockSupport.unpark(flusher);
        }
    }

    /**
     * Starts the flusher; if the factory fails, every frame is flushed by its writer from now on.
     * Under writeLock.
     */
    private boolean startFlusher() {
        try {
            Thread t = flusherFactory.newThread(this::flushLoop);
            t.setDaemon(true);
            t.start();
            flusher = t;
            return true;
        } catch (RuntimeException | OutOfMemoryError e) { // a null thread, a refusing factory, no native thread
            flusherFactory = null;
            return false;
        }
    }

    /** The flusher thread: flushes what was written since it was woken, until the output closes. */
    private void flushLoop() {
        while (!closed) {
            LockSupport.park(this);
            synchronized (writeLock) {
                if (!flushScheduled) {
                    continue;
                }
                flushScheduled = false;
                lastFlushNanos = System.nanoTime();
                try {
                    out.flush();
                } catch (IOException e) {
                    broken = e; // the reader sees the peer's death; writers see this
                }
            }
        }
    }

    /**
     * Reads up to and including the {@link #PREAMBLE}, handing each line of text before it to
     * {@code text}. Reader thread only, before the first {@link #read()}.
     *
     * @param text receives the lines (without line ends) printed before the channel opened
     * @return {@code false} if the stream ended first
     * @throws ChannelProtocolException if more than {@link #MAX_TEXT_BEFORE_PREAMBLE} bytes precede it
     * @throws IOException if reading fails
     */
    public boolean skipToPreamble(Consumer<String> text) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int matched = 0;
        int skipped = 0;
        for (;;) {
            int b = fill(1) ? readBuffer[readPos++] & 0xff : -1;
            if (b < 0) {
                emitLine(line, text);
                return false;
            }
            if (b == (PREAMBLE[matched] & 0xff)) {
                if (++matched == PREAMBLE.length) {
                    emitLine(line, text);
                    return true;
                }
                continue;
            }
            // PREAMBLE[0] (NUL) occurs once in it, so a mismatch restarts the match at this byte.
            line.write(PREAMBLE, 0, matched);
            skipped += matched;
            matched = b == PREAMBLE[0] ? 1 : 0;
            if (matched == 0) {
                if (b == '\n') {
                    emitLine(line, text);
                } else if (b != '\r') {
                    line.write(b);
                }
                skipped++;
            }
            if (skipped > MAX_TEXT_BEFORE_PREAMBLE) {
                throw new ChannelProtocolException("more than " + MAX_TEXT_BEFORE_PREAMBLE
                        + " bytes of text on the channel before its preamble");
            }
        }
    }

    private static void emitLine(ByteArrayOutputStream line, Consumer<String> text) {
        if (line.size() > 0) {
            text.accept(line.toString(Charset.defaultCharset()));
            line.reset();
        }
    }

    /**
     * Whether input is waiting: bytes already read into the buffer, or bytes in the stream that a
     * read would get without waiting for the peer (a pipe's {@code available()}, asked only when the
     * last read took all it could: one that took less found the stream empty). Reader thread only.
     *
     * @return {@code true} if a next frame (or part of one) is there
     */
    public boolean hasInputWaiting() {
        if (readPos < readLimit) {
            return true;
        }
        if (!readToCapacity) {
            return false; // the last read took less than it could: the stream was empty then
        }
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false; // the next read reports it
        }
    }

    /**
     * Reads the next frame. Reader thread only.
     *
     * @return the value, or {@link #END} if the stream ended cleanly between frames
     * @throws ChannelProtocolException if the frame is oversized, cut short or not a valid value
     * @throws IOException if reading fails
     */
    public Object read() throws IOException {
        if (!fill(1)) {
            return END;
        }
        if (!fill(4)) {
            throw new ChannelProtocolException("stream ended inside a frame length");
        }
        byte[] b = readBuffer;
        int p = readPos;
        int length = (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        if (length < 0 || length > maxFrame) {
            throw new ChannelProtocolException("frame length " + length + " outside 0.." + maxFrame);
        }
        readPos = p + 4;
        if (length <= READ_BUFFER) {
            if (!fill(length)) {
                throw cutShort(length);
            }
            Object v = decode(readBuffer, readPos, length);
            readPos += length;
            return v;
        }
        byte[] body = new byte[length];
        int have = readLimit - readPos;
        System.arraycopy(readBuffer, readPos, body, 0, have);
        readPos = readLimit;
        readToCapacity = true; // read to the frame's end: whatever follows is still in the stream
        while (have < length) {
            int r = in.read(body, have, length - have);
            if (r < 0) {
                throw cutShort(length);
            }
            have += r;
        }
        return decode(body, 0, length);
    }

    private Object decode(byte[] bytes, int offset, int length) {
        try {
            return codec.decode(bytes, offset, length);
        } catch (MalformedValueException e) {
            throw new ChannelProtocolException(e.getMessage(), e);
        }
    }

    private static ChannelProtocolException cutShort(int length) {
        return new ChannelProtocolException("stream ended inside a frame of " + length + " bytes");
    }

    /**
     * Makes at least {@code n} bytes (at most {@link #READ_BUFFER}) available from {@code readPos},
     * reading as much as the stream gives at once.
     *
     * @return {@code false} if the stream ended first
     */
    private boolean fill(int n) throws IOException {
        int have = readLimit - readPos;
        if (have >= n) {
            return true;
        }
        if (readPos > 0) {
            System.arraycopy(readBuffer, readPos, readBuffer, 0, have);
            readPos = 0;
            readLimit = have;
        }
        while (readLimit < n) {
            int r = in.read(readBuffer, readLimit, READ_BUFFER - readLimit);
            readToCapacity = r == READ_BUFFER - readLimit;
            if (r < 0) {
                return false;
            }
            readLimit += r;
        }
        return true;
    }

    /**
     * Flushes what was written and closes the output side; the peer sees end-of-input. Stops the
     * flusher. Any thread; errors are ignored.
     */
    public void closeOutput() {
        closed = true;
        synchronized (writeLock) {
            flushScheduled = false;
            try {
                out.close();
            } catch (IOException ignored) {
                // the peer is gone already: nothing left to tell it
            }
            if (flusher != null) {
                LockSupport.unpark(flusher);
            }
        }
    }

    /** Returned by {@link #read()} at a clean end of the stream. */
    public static final Object END = new Object() {
        @Override
        public String toString() {
            return "END";
        }
    };
}
