package dev.eventdriven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** White-box checks of the controller queue that the public API cannot observe. */
class MpscEnvelopeQueueTest {

    static Stream<MpscEnvelopeQueue> bothLayouts() {
        return Stream.of(MpscEnvelopeQueue.padded(), MpscEnvelopeQueue.compact());
    }

    @ParameterizedTest
    @MethodSource("bothLayouts")
    void aTakenNodeNoLongerLinksToLaterNodes(MpscEnvelopeQueue q) {
        Envelope a = new Envelope("a", 1, null);
        Envelope b = new Envelope("b", 2, null);
        Envelope c = new Envelope("c", 3, null);
        for (Envelope e : List.of(a, b, c)) {
            assertEquals(MpscEnvelopeQueue.OK, q.offer(e, Integer.MAX_VALUE));
        }

        assertSame(a, q.poll());
        assertSame(b, a.next(), "the head (in use by the loop) keeps its link");
        assertSame(b, q.poll());
        // A taken node that reached the old generation would otherwise keep every later node
        // alive through young collections.
        assertNull(a.next(), "a node the head moved past is unlinked");
        assertSame(c, b.next());

        List<Envelope> drained = new ArrayList<>();
        assertEquals(1, q.drainUntilMarker(drained::add));
        assertEquals(List.of(c), drained);
        assertNull(b.next(), "drainUntilMarker unlinks too");
    }

    /** Producers on several threads, the consumer on this one: every envelope once, each producer's in order. */
    @ParameterizedTest
    @MethodSource("bothLayouts")
    @Timeout(60)
    void manyProducersLoseAndDuplicateNothing(MpscEnvelopeQueue q) throws InterruptedException {
        java.util.Random random = new java.util.Random();
        for (int round = 0; round < 20; round++) {
            int producers = 2 + random.nextInt(4);
            int each = 2_000 + random.nextInt(8_000);
            int capacity = random.nextBoolean() ? Integer.MAX_VALUE : 1 + random.nextInt(64);
            List<Thread> threads = startProducers(q, producers, each, capacity);
            int[] next = new int[producers];
            int taken = 0;
            while (taken < producers * each) {
                Envelope e = q.poll();
                if (e == null) {
                    Thread.onSpinWait();
                    continue;
                }
                int p = (Integer) e.id;
                assertEquals(next[p]++, (int) (Integer) e.value, "producer " + p + "'s order");
                q.publishConsumed(e.seq);
                taken++;
            }
            for (Thread t : threads) {
                t.join();
            }
            assertNull(q.poll(), "nothing more than was sent");
            assertEquals(0, q.size());
        }
    }

    /**
     * A shared controller's compact queue moves its consumer fields to a busy line and back while
     * producers keep appending: producers on several threads, the consumer here switching at random
     * between polling the busy view, polling the queue itself and going idle. Every envelope once,
     * each producer's in order, and the bound holds whichever copy of {@code takenSeq} a producer read.
     */
    @org.junit.jupiter.api.Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a lost link spins in poll
    void aCompactQueueGoingBusyAndIdleUnderProducersLosesNothingAndKeepsItsBound() throws InterruptedException {
        java.util.Random random = new java.util.Random();
        for (int round = 0; round < 20; round++) {
            MpscEnvelopeQueue q = MpscEnvelopeQueue.compact();
            int producers = 2 + random.nextInt(4);
            int each = 2_000 + random.nextInt(8_000);
            int capacity = random.nextBoolean() ? Integer.MAX_VALUE : 1 + random.nextInt(64);
            List<Thread> threads = startProducers(q, producers, each, capacity);
            int[] next = new int[producers];
            int taken = 0;
            int lastSeq = 0;
            MpscEnvelopeQueue consumer = q.busy();
            int switches = 0;
            while (taken < producers * each) {
                int r = random.nextInt(64);
                if (r == 0) {
                    q.idle();
                    consumer = q;
                    switches++;
                } else if (r == 1) {
                    consumer = q.busy();
                    switches++;
                }
                Envelope e = consumer.poll();
                if (e == null) {
                    Thread.onSpinWait();
                    continue;
                }
                assertEquals(lastSeq + 1, e.seq, "taken in seq order");
                lastSeq = e.seq;
                if (capacity != Integer.MAX_VALUE) {
                    int ahead = q.tailSeq() - lastSeq;
                    org.junit.jupiter.api.Assertions.assertTrue(ahead <= capacity,
                            ahead + " queued behind the taken one, over the bound " + capacity);
                }
                int p = (Integer) e.id;
                assertEquals(next[p]++, (int) (Integer) e.value, "producer " + p + "'s order");
                consumer.publishConsumed(e.seq);
                taken++;
            }
            for (Thread t : threads) {
                t.join();
            }
            org.junit.jupiter.api.Assertions.assertTrue(switches > 0, "the consumer switched layouts");
            assertNull(consumer.poll(), "nothing more than was sent");
            assertEquals(0, q.size());
            q.idle();
            assertEquals(0, q.size(), "idle again, the compact fields hold the consumer's progress");
            assertEquals(lastSeq, q.consumedSeq());
        }
    }

    /**
     * Starts producer threads, each appending {@code each} envelopes (id: the producer's index,
     * value: 0, 1, ...), spinning while the queue is full.
     */
    private static List<Thread> startProducers(MpscEnvelopeQueue q, int producers, int each, int capacity) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    Envelope e = new Envelope(id, i, null);
                    while (q.offer(e, capacity) == MpscEnvelopeQueue.FULL) {
                        Thread.onSpinWait();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        return threads;
    }
}
