package dev.eventdriven.pool.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Many producers and many consumers on the pool's queue, with random pauses: every node is taken
 * exactly once, each producer's nodes in order, although consumers keep reading heads that another
 * consumer has already taken and unlinked; and with claims, every node is taken once although
 * workers steal from each other's claims while the owners take from them and claim anew.
 */
@Timeout(60)
class MpmcNodeQueueStressTest {

    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int PER_PRODUCER = 50_000;

    private static void pause(ThreadLocalRandom rnd) {
        if (rnd.nextInt(64) == 0) {
            for (int i = rnd.nextInt(500); i > 0; i--) {
                Thread.onSpinWait();
            }
        } else if (rnd.nextInt(4096) == 0) {
            Thread.yield();
        }
    }

    @RepeatedTest(3)
    void everyNodeIsTakenOnceAndEachProducersNodesInOrder() throws InterruptedException {
        MpmcNodeQueue q = new MpmcNodeQueue();
        Takes takes = new Takes();
        List<Thread> threads = producers(q, takes);
        for (int c = 0; c < CONSUMERS; c++) {
            threads.add(new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                int[] last = new int[PRODUCERS];
                java.util.Arrays.fill(last, -1);
                await(takes.start);
                while (!takes.allTaken()) {
                    PoolNode n = q.poll();
                    if (n == null) {
                        Thread.onSpinWait();
                        continue;
                    }
                    int v = takes.took(n);
                    // One consumer sees a producer's nodes in the order they were offered.
                    int producer = v / PER_PRODUCER;
                    if (v <= last[producer]) {
                        takes.errors.add("out of order: " + v + " after " + last[producer]);
                    }
                    last[producer] = v;
                    pause(rnd);
                }
            }, "consumer-" + c));
        }
        takes.runAndCheckEachTakenOnce(threads);
        assertNull(q.poll());
        assertEquals(takes.seen.length(), q.taken());
        assertTrue(q.isEmpty());
    }

    @RepeatedTest(3)
    void everyNodeIsTakenOnceWhileWorkersClaimAndStealFromEachOthersClaims() throws InterruptedException {
        MpmcNodeQueue q = new MpmcNodeQueue();
        Takes takes = new Takes();
        AtomicLong stolen = new AtomicLong();
        WorkerFeed[] feeds = new WorkerFeed[CONSUMERS];
        for (int c = 0; c < CONSUMERS; c++) {
            feeds[c] = new WorkerFeed(null, 2); // a share of 2: claims of up to half of what is seen
        }
        List<Thread> threads = producers(q, takes);
        for (int c = 0; c < CONSUMERS; c++) {
            WorkerFeed own = feeds[c];
            threads.add(new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                await(takes.start);
                while (!takes.allTaken()) {
                    // As a worker's feed polls: its own claim, the queue only once that is all taken,
                    // then (here also at random while its claim holds events) someone else's claim.
                    PoolNode n = rnd.nextInt(4) == 0 ? null : own.takeClaimed(own);
                    if (n == null && !own.hasClaimed()) {
                        n = q.poll(own);
                    }
                    if (n == null) {
                        WorkerFeed other = feeds[rnd.nextInt(CONSUMERS)];
                        n = other == own ? null : other.takeClaimed(own);
                        if (n != null) {
                            stolen.incrementAndGet();
                        }
                    }
                    if (n == null) {
                        Thread.onSpinWait();
                        continue;
                    }
                    takes.took(n);
                    pause(rnd);
                }
            }, "consumer-" + c));
        }
        takes.runAndCheckEachTakenOnce(threads);
        assertTrue(stolen.get() > 0, "no claimed node was stolen: the race was not exercised");
        for (WorkerFeed f : feeds) {
            assertFalse(f.hasClaimed());
        }
        assertTrue(q.isEmpty());
    }

    /** What the consumers of one round took, and its start signal. */
    private static final class Takes {
        final CountDownLatch start = new CountDownLatch(1);
        final AtomicIntegerArray seen = new AtomicIntegerArray(PRODUCERS * PER_PRODUCER);
        final AtomicLong taken = new AtomicLong();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

        boolean allTaken() {
            return taken.get() >= seen.length();
        }

        /** Counts a taken node; returns its value. */
        int took(PoolNode n) {
            taken.incrementAndGet();
            int v = (Integer) n.value();
            if (seen.getAndIncrement(v) != 0) {
                errors.add("taken twice: " + v);
            }
            return v;
        }

        void runAndCheckEachTakenOnce(List<Thread> threads) throws InterruptedException {
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(errors.isEmpty(), () -> errors.size() + " errors, e.g. " + errors.peek());
            assertEquals(seen.length(), taken.get());
            for (int i = 0; i < seen.length(); i++) {
                assertEquals(1, seen.get(i), "node " + i);
            }
        }
    }

    /** Threads that offer PER_PRODUCER nodes each (values producer * PER_PRODUCER + i), once started. */
    private static List<Thread> producers(MpmcNodeQueue q, Takes takes) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            threads.add(new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                await(takes.start);
                for (int i = 0; i < PER_PRODUCER; i++) {
                    if (q.offer(new PoolNode("e", producer * PER_PRODUCER + i, null, null), MpmcNodeQueue.UNBOUNDED)
                            != MpmcNodeQueue.OK) {
                        takes.errors.add("offer refused");
                    }
                    pause(rnd);
                }
            }, "producer-" + p));
        }
        return threads;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
