package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many producers, random shutdown points and kinds: every event is handled exactly once, handed back
 * exactly once, or refused at its dispatch call; each producer's events are handled in its order.
 */
@Timeout(240)
class ControllerStressTest {

    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 250_000;

    enum Ending { GRACEFUL, FORCED, CLEAN_THEN_GRACEFUL, NONE }

    private static long encode(int producer, int seq) {
        return ((long) producer << 32) | seq;
    }

    @Test
    void nothingIsLostOrDuplicatedAcrossRandomShutdowns() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Ending[] endings = {Ending.NONE, Ending.GRACEFUL, Ending.FORCED, Ending.CLEAN_THEN_GRACEFUL,
            Ending.values()[random.nextInt(3)]};
        for (Ending ending : endings) {
            round(ending, random, seed);
        }
    }

    /**
     * The builder of the controller under stress; the shared-executor variant puts it on a group.
     *
     * @param name its name
     * @return the builder
     */
    ControllerBuilder builder(String name) {
        return Controller.builder(name);
    }

    /** Ends what {@link #builder} made for the test (the shared-executor variant's group). */
    @org.junit.jupiter.api.AfterEach
    void releaseExecutor() {
    }

    private void round(Ending ending, Random random, long seed) throws Exception {
        String where = "seed " + seed + ", ending " + ending;
        BitSet[] seen = new BitSet[PRODUCERS];
        int[] last = new int[PRODUCERS];
        for (int p = 0; p < PRODUCERS; p++) {
            seen[p] = new BitSet(PER_PRODUCER);
            last[p] = -1;
        }
        AtomicLong handled = new AtomicLong();
        List<String> violations = new ArrayList<>();
        Controller c = builder("stress").batchSize(1 + random.nextInt(512)).on("e", s -> {
            long v = (Long) s.value();
            int p = (int) (v >>> 32);
            int seq = (int) v;
            if (seq <= last[p] && violations.size() < 10) {
                violations.add("producer " + p + ": " + seq + " after " + last[p]);
            }
            last[p] = seq;
            if (seen[p].get(seq) && violations.size() < 10) {
                violations.add("duplicate " + p + ":" + seq);
            }
            seen[p].set(seq);
            handled.incrementAndGet();
            return null;
        }).build();
        c.run();

        long[] rejected = new long[PRODUCERS];
        BitSet[] refused = new BitSet[PRODUCERS];
        List<List<Pending<List<Object>>>> pendings = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            List<Pending<List<Object>>> mine = new ArrayList<>();
            pendings.add(mine);
            refused[p] = new BitSet();
            Thread t = new Thread(() -> {
                awaitQuietly(start);
                for (int seq = 0; seq < PER_PRODUCER; seq++) {
                    try {
                        if (seq % 997 == 0) {
                            mine.add(c.request("e", encode(producer, seq)));
                        } else {
                            c.dispatch("e", encode(producer, seq));
                        }
                    } catch (ControllerClosedException closed) {
                        rejected[producer]++;
                        refused[producer].set(seq);
                    }
                }
            }, "producer-" + p);
            producers.add(t);
            t.start();
        }

        long trigger = ending == Ending.NONE ? 0 : (long) random.nextInt(PRODUCERS * PER_PRODUCER);
        List<Event> handedBack = new ArrayList<>();
        // Toggles suspend/resume while producers run and the shutdown comes: neither may lose, stall
        // or reorder events, and illegal transitions may only be refused once the controller stops.
        java.util.concurrent.atomic.AtomicBoolean producing = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Throwable> toggleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long toggleSeed = random.nextLong();
        Thread toggler = new Thread(() -> {
            Random r = new Random(toggleSeed);
            while (producing.get()) {
                try {
                    if (r.nextBoolean()) {
                        c.suspend();
                    } else {
                        c.resume();
                    }
                } catch (IllegalControllerStateException e) {
                    if (e.state() != ControllerState.SHUTTING_DOWN && e.state() != ControllerState.TERMINATED) {
                        toggleErrors.add(e);
                    }
                }
                for (int spin = r.nextInt(20_000); spin > 0; spin--) {
                    Thread.onSpinWait();
                }
            }
            try {
                c.resume();
            } catch (IllegalControllerStateException stopped) {
                // stopped meanwhile: nothing to resume
            }
        }, "toggler");
        toggler.start();
        start.countDown();
        if (ending != Ending.NONE) {
            while (handled.get() < trigger && c.isAlive()) {
                Thread.onSpinWait();
            }
        }
        switch (ending) {
            case GRACEFUL -> c.shutdown();
            case FORCED -> handedBack.addAll(c.shutdownNow());
            case CLEAN_THEN_GRACEFUL -> {
                handedBack.addAll(c.clean());
                c.shutdown();
            }
            case NONE -> { }
        }
        for (Thread t : producers) {
            t.join(120_000);
            assertTrue(!t.isAlive(), where + ": producer hangs");
        }
        producing.set(false);
        toggler.join(30_000);
        assertEquals(List.of(), toggleErrors, where);
        if (ending == Ending.NONE) {
            c.shutdown();
        }
        assertTrue(c.awaitTermination(Duration.ofSeconds(60)), where + ": controller did not terminate");
        assertEquals(List.of(), violations, where);

        BitSet[] handedBackSeen = new BitSet[PRODUCERS];
        for (int p = 0; p < PRODUCERS; p++) {
            handedBackSeen[p] = new BitSet();
        }
        int[] lastBack = {-1, -1, -1, -1};
        for (Event e : handedBack) {
            long v = (Long) e.value();
            int p = (int) (v >>> 32);
            int seq = (int) v;
            assertTrue(!seen[p].get(seq), where + ": " + p + ":" + seq + " handled and handed back");
            assertTrue(seq > lastBack[p], where + ": hand-back out of order for producer " + p);
            lastBack[p] = seq;
            handedBackSeen[p].set(seq);
        }
        long totalRejected = 0;
        for (int p = 0; p < PRODUCERS; p++) {
            BitSet all = (BitSet) seen[p].clone();
            assertTrue(!all.intersects(refused[p]), where + ": producer " + p + ": an event was handled and refused");
            all.or(handedBackSeen[p]);
            all.or(refused[p]);
            assertEquals(PER_PRODUCER, all.cardinality(), where + ": producer " + p + " lost events");
            totalRejected += rejected[p];
        }
        assertEquals((long) PRODUCERS * PER_PRODUCER, handled.get() + handedBack.size() + totalRejected, where);
        if (ending == Ending.NONE || ending == Ending.GRACEFUL) {
            assertEquals(0, handedBack.size(), where);
        }

        for (List<Pending<List<Object>>> mine : pendings) {
            for (Pending<List<Object>> p : mine) {
                assertTrue(p.isDone(), where + ": a pending never completed");
                if (p.isCompletedExceptionally()) {
                    try {
                        p.get();
                    } catch (ExecutionException e) {
                        assertTrue(e.getCause() instanceof ControllerClosedException, where + ": " + e.getCause());
                    }
                }
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
