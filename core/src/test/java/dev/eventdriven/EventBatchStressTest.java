package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.adapter.EventBatch;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Batches and single events from many threads at once, on a loop thread of its own and on a shared
 * group, stopped by a forced shutdown at a random moment: every event is handled exactly once or handed
 * back exactly once, and each producer's events are handled in the order it sent them.
 */
@Timeout(120)
class EventBatchStressTest {

    private static final int PRODUCERS = 4;
    private static final int SENDS = 2_000;

    @Test
    void nothingIsLostOrDuplicatedOnALoopThread() throws Exception {
        for (int round = 0; round < 10; round++) {
            run(null);
        }
    }

    @Test
    void nothingIsLostOrDuplicatedOnASharedGroup() throws Exception {
        ExecutorGroup group = ExecutorGroup.builder("batch-stress").size(2).daemon(true).build();
        try {
            for (int round = 0; round < 10; round++) {
                run(group);
            }
        } finally {
            group.shutdown();
            assertTrue(group.awaitTermination(TestControllers.WAIT));
        }
    }

    private void run(ExecutorGroup group) throws Exception {
        EventBatchTest.Batching b = new EventBatchTest.Batching();
        AtomicLongArray last = new AtomicLongArray(PRODUCERS);
        AtomicLong handled = new AtomicLong();
        AtomicLong outOfOrder = new AtomicLong();
        ControllerBuilder builder = Controller.builder("stress").adapter(b).batchSize(16)
                .on("e", long[].class, v -> {
                    // v = {producer, sequence}: the loop is the only writer of last[producer]
                    if (last.get((int) v[0]) >= v[1]) {
                        outOfOrder.incrementAndGet();
                    }
                    last.set((int) v[0], v[1]);
                    handled.incrementAndGet();
                });
        Controller c = (group != null ? builder.executor(group) : builder.daemon(true)).build();
        for (int p = 0; p < PRODUCERS; p++) {
            last.set(p, -1);
        }
        c.run();
        AtomicLong sent = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] producers = new Thread[PRODUCERS];
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            producers[p] = new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                long seq = 0;
                try {
                    go.await();
                    for (int i = 0; i < SENDS; i++) {
                        if (rnd.nextBoolean()) {
                            long first = seq;
                            int n = rnd.nextInt(0, 40);
                            b.context.dispatchBatch(batchOf(producer, first, n));
                            seq += n;
                            sent.addAndGet(n);
                        } else {
                            c.dispatch("e", new long[] {producer, seq++});
                            sent.incrementAndGet();
                        }
                    }
                } catch (ControllerClosedException closed) {
                    // the forced shutdown came first: what was sent before counts
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producers[p].start();
        }
        go.countDown();
        while (sent.get() < ThreadLocalRandom.current().nextLong(1, PRODUCERS * SENDS * 10L)
                && producers[0].isAlive()) {
            Thread.onSpinWait();
        }
        List<Event> back = c.shutdownNow();
        for (Thread t : producers) {
            t.join();
        }
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertEquals(sent.get(), handled.get() + back.size(), "handled " + handled + " + handed back " + back.size());
        assertEquals(0, outOfOrder.get());
        assertEquals(handled.get(), c.stats().handled());
    }

    private static EventBatch batchOf(int producer, long first, int n) {
        return sink -> {
            for (int i = 0; i < n; i++) {
                sink.accept("e", new long[] {producer, first + i}); // after a stop: handed back
            }
        };
    }
}
