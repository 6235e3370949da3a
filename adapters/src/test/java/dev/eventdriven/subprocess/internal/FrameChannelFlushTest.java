package dev.eventdriven.subprocess.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.internal.codec.ValueCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames written in bursts are flushed together, and none is ever left in the buffer. */
@Timeout(60)
class FrameChannelFlushTest {

    private static final int MAX = FrameChannel.DEFAULT_MAX_FRAME;

    private final ConcurrentLinkedQueue<Thread> flushers = new ConcurrentLinkedQueue<>();
    private final ThreadFactory factory = body -> {
        Thread t = new Thread(body, "test-flusher");
        flushers.add(t);
        return t;
    };

    /** Counts what reached the underlying stream, and how many writes (system calls) it took. */
    private static final class CountingSink extends ByteArrayOutputStream {
        final AtomicLong writes = new AtomicLong();

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.incrementAndGet();
            super.write(b, off, len);
        }

        synchronized int bytes() {
            return size();
        }
    }

    @Test
    void aFrameAfterAQuietSpellIsFlushedByItsWriterAndABurstByTheFlusher() throws IOException {
        CountingSink sink = new CountingSink();
        FrameChannel ch = new FrameChannel(null, new BufferedOutputStream(sink, 1 << 16), new ValueCodec(null), MAX,
                factory);
        int frame = ch.encode(1).length + 4;

        ch.write(1);
        assertEquals(frame, sink.bytes(), "flushed before write returned");
        assertTrue(flushers.isEmpty(), "no flusher for a lone frame");

        for (int i = 0; i < 1000; i++) {
            ch.write(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.bytes() == 1001 * frame);
        assertEquals(1, flushers.size(), "one flusher, started with the first burst");
        assertTrue(sink.writes.get() < 500, "a burst is flushed in few writes, not " + sink.writes.get());

        ch.closeOutput();
        await().atMost(Duration.ofSeconds(10)).until(() -> !flushers.peek().isAlive());
    }

    @Test
    void aFlusherThatCannotBeStartedMeansEveryFrameIsFlushedByItsWriter() throws IOException {
        CountingSink sink = new CountingSink();
        FrameChannel ch = new FrameChannel(null, new BufferedOutputStream(sink, 1 << 16), new ValueCodec(null), MAX,
                body -> {
                    throw new IllegalStateException("no threads today");
                });
        int frame = ch.encode(3).length + 4;
        for (int i = 1; i <= 100; i++) {
            ch.write(3);
            assertEquals(i * frame, sink.bytes(), "nothing waits for a flusher that never came");
        }
    }

    @Test
    void withoutAFlusherFactoryEveryFrameIsFlushedAtOnce() throws IOException {
        CountingSink sink = new CountingSink();
        FrameChannel ch = new FrameChannel(null, new BufferedOutputStream(sink, 1 << 16), new ValueCodec(null), MAX);
        int frame = ch.encode(7).length + 4;
        for (int i = 1; i <= 100; i++) {
            ch.write(7);
            assertEquals(i * frame, sink.bytes());
        }
    }

    @Test
    void concurrentWritersInRandomBurstsLoseNothingAndLeaveNothingUnflushed() throws Exception {
        int writers = 4;
        int perWriter = 20_000;
        Pipe pipe = Pipe.open();
        FrameChannel out = new FrameChannel(null, new BufferedOutputStream(Channels.newOutputStream(pipe.sink()),
                1 << 16), new ValueCodec(null), MAX, factory);
        FrameChannel in = new FrameChannel(new BufferedInputStream(Channels.newInputStream(pipe.source()), 1 << 16),
                null, new ValueCodec(null), MAX);
        int[] next = new int[writers];
        AtomicLong received = new AtomicLong();
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                for (;;) {
                    Object f = in.read();
                    if (f == FrameChannel.END) {
                        return;
                    }
                    List<?> m = (List<?>) f;
                    int w = (Integer) m.get(0);
                    int seq = (Integer) m.get(1);
                    if (seq != next[w]) {
                        errors.add("writer " + w + ": frame " + seq + " after " + (next[w] - 1));
                    }
                    next[w] = seq + 1;
                    received.incrementAndGet();
                }
            } catch (IOException e) {
                errors.add(e.toString());
            }
        }, "test-reader");
        reader.start();

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                try {
                    start.await();
                    for (int seq = 0; seq < perWriter; seq++) {
                        out.write(List.of(id, seq));
                        int pause = rnd.nextInt(100);
                        if (pause < 2) {
                            LockSupport.parkNanos(rnd.nextLong(5_000, 60_000)); // quiet spells: direct flushes
                        } else if (pause < 20) {
                            for (int i = rnd.nextInt(200); i > 0; i--) {
                                Thread.onSpinWait();
                            }
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    errors.add(e.toString());
                }
            }, "test-writer-" + w);
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        // Nothing more is written and the output stays open: every frame must arrive anyway.
        await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == (long) writers * perWriter);
        assertEquals(List.of(), errors);
        assertFalse(flushers.isEmpty(), "bursts went through the flusher");

        out.closeOutput();
        reader.join(10_000);
        assertFalse(reader.isAlive());
        for (int w = 0; w < writers; w++) {
            assertEquals(perWriter, next[w]);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> flushers.stream().noneMatch(Thread::isAlive));
    }
}
