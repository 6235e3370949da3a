package dev.eventdriven.pool;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.Event;
import dev.eventdriven.Pending;
import dev.eventdriven.SystemEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Producers race a pool's graceful and forced shutdowns. Every task must end in exactly one way:
 * handled once, handed back, or refused at its dispatch call; and events of one key run in order.
 */
class PoolStressTest {

    private static final int PRODUCERS = 4;
    private static final int KEYS_PER_PRODUCER = 8;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyTaskIsHandledOnceHandedBackOrRefusedWhileShutdownsRace() throws Exception {
        // -Dpool.stress.seed=<seed from a failure message> replays a failed run's choices.
        long seed = Long.getLong("pool.stress.seed", System.nanoTime());
        Random random = new Random(seed);
        // One full round of 4 x 250k, then short rounds where the shutdown comes mid-flight.
        runRound(random, 250_000, true, seed);
        for (int round = 0; round < 30; round++) {
            runRound(random, 5_000 + random.nextInt(20_000), false, seed);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyLoneDispatchWakesAParkedWorker() throws Exception {
        // Each request is alone in the pool, so a lost wake-up would leave it waiting for good.
        ControllerPool pool = ControllerPool.builder("pingpong").size(3).on("ping", s -> { return s.value(); }).build();
        pool.run();
        try {
            List<Thread> clients = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int c = 0; c < 3; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    try {
                        for (int i = 0; i < 5_000; i++) {
                            Pending<List<Object>> p = i % 2 == 0 ? pool.request("ping", i)
                                    : pool.requestOrdered(client, "ping", i);
                            assertEquals(List.of(i), p.await(Duration.ofSeconds(5)));
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "pingpong-client-" + c);
                t.start();
                clients.add(t);
            }
            for (Thread t : clients) {
                t.join(TimeUnit.SECONDS.toMillis(50));
            }
            assertEquals(null, failure.get());
            assertTrue(pool.awaitIdle(Duration.ofSeconds(5)));
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(Duration.ofSeconds(10)));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void awaitDrainedNeverReturnsBeforeTheEventsDispatchedEarlierRan() throws Exception {
        awaitDrainedRounds(false);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void awaitDrainedWaitsForClaimedEventsWhileIdleWorkersTakeThem() throws Exception {
        // Handlers of random length: workers claim runs of events, and the ones that finish first
        // take what the slow ones claimed; awaitDrained must see those events wherever they are.
        awaitDrainedRounds(true);
    }

    private static void awaitDrainedRounds(boolean unevenHandlers) throws Exception {
        AtomicLong handledCount = new AtomicLong();
        ControllerPool pool = ControllerPool.builder("drain").size(3)
                .on("e", s -> {
                    if (unevenHandlers && s.value() instanceof Integer i && i % 7 == 0) {
                        long until = System.nanoTime() + ThreadLocalRandom.current().nextInt(50_000);
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    }
                    return handledCount.incrementAndGet();
                }).build();
        pool.run();
        try {
            // A second producer keeps the pool busy, so that drained means "these ran", not "idle".
            Thread noise = new Thread(() -> {
                try {
                    for (int i = 0; i < 200_000; i++) {
                        pool.dispatchOrdered(i % 4, "noise", i);
                    }
                } catch (ControllerClosedException closed) {
                    // the pool stopped first
                }
            }, "drain-noise");
            noise.start();
            Random random = new Random();
            long sent = 0;
            for (int round = 0; round < 1_000; round++) {
                int n = 1 + random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    if (random.nextBoolean()) {
                        pool.dispatchOrdered(random.nextInt(3), "e", i);
                    } else {
                        pool.dispatch("e", i);
                    }
                }
                sent += n;
                assertTrue(pool.awaitDrained(Duration.ofSeconds(10)));
                assertEquals(sent, handledCount.get(), "round " + round);
            }
            noise.join(TimeUnit.SECONDS.toMillis(30));
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(Duration.ofSeconds(10)));
        }
    }

    private static void runRound(Random random, int perProducer, boolean full, long seed) throws Exception {
        int total = PRODUCERS * perProducer;
        int workers = 2 + random.nextInt(3);
        boolean graceful = random.nextBoolean();
        long shutdownAfter = full ? total : random.nextInt(total + 1);
        String where = "seed " + seed + ", " + workers + " workers, " + (graceful ? "graceful" : "forced")
                + " shutdown after " + shutdownAfter + " of " + total;

        AtomicIntegerArray handled = new AtomicIntegerArray(total);
        AtomicIntegerArray handedBack = new AtomicIntegerArray(total);
        AtomicIntegerArray refused = new AtomicIntegerArray(total);
        AtomicReferenceArray<Pending<List<Object>>> pendings = new AtomicReferenceArray<>(total);
        int[] lastOfKey = new int[PRODUCERS * KEYS_PER_PRODUCER];
        java.util.Arrays.fill(lastOfKey, -1);
        AtomicReference<String> orderBroken = new AtomicReference<>();

        ControllerPool pool = ControllerPool.builder("stress").size(workers)
                .on("task", s -> {
                    int id = (Integer) s.value();
                    handled.incrementAndGet(id);
                    int idx = id % perProducer;
                    if (idx % 2 == 0) {
                        int key = key(id, perProducer);
                        // Same key never runs concurrently: a plain array is safe here.
                        if (lastOfKey[key] >= idx) {
                            orderBroken.compareAndSet(null, "key " + key + ": " + idx + " after " + lastOfKey[key]);
                        }
                        lastOfKey[key] = idx;
                    }
                    return id;
                })
                .build();
        pool.run();

        AtomicLong dispatched = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int idx = 0; idx < perProducer; idx++) {
                    int id = producer * perProducer + idx;
                    try {
                        boolean ordered = idx % 2 == 0;
                        boolean withResult = idx % 16 == 1 || idx % 16 == 2;
                        if (ordered && withResult) {
                            pendings.set(id, pool.requestOrdered(key(id, perProducer), "task", id));
                        } else if (ordered) {
                            pool.dispatchOrdered(key(id, perProducer), "task", id);
                        } else if (withResult) {
                            pendings.set(id, pool.request("task", id));
                        } else {
                            pool.dispatch("task", id);
                        }
                        dispatched.incrementAndGet();
                    } catch (ControllerClosedException closed) {
                        refused.incrementAndGet(id);
                    }
                }
            }, "stress-producer-" + p);
            t.start();
            producers.add(t);
        }
        start.countDown();

        List<Event> back = new ArrayList<>();
        if (!full && random.nextInt(3) == 0) {
            // A clean() racing the workers: what it removes counts as handed back.
            long cleanAfter = random.nextInt((int) Math.max(1, shutdownAfter));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).pollDelay(Duration.ZERO)
                    .until(() -> dispatched.get() >= cleanAfter || !producersAlive(producers));
            back.addAll(pool.clean());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).pollDelay(Duration.ZERO)
                .until(() -> dispatched.get() >= shutdownAfter || !producersAlive(producers));
        if (graceful) {
            pool.shutdown();
        } else {
            back.addAll(pool.shutdownNow());
        }
        for (Thread t : producers) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!t.isAlive(), "producer stuck; " + where);
        }
        assertTrue(pool.awaitTermination(Duration.ofSeconds(60)), "pool did not terminate; " + where);
        // A mid-flight clean() dispatches CLEAN, which a forced shutdown may hand back: not a task.
        back.removeIf(e -> e.id() == SystemEvent.CLEAN);
        List<Event> afterShutdown = pool.clean();
        if (graceful) {
            assertEquals(List.of(), afterShutdown, "a graceful shutdown handles everything accepted; " + where);
        }
        back.addAll(afterShutdown);
        for (Event e : back) {
            handedBack.incrementAndGet((Integer) e.value());
        }

        for (int id = 0; id < total; id++) {
            int outcomes = handled.get(id) + handedBack.get(id) + refused.get(id);
            if (outcomes != 1) {
                fail("task " + id + ": handled " + handled.get(id) + ", handed back " + handedBack.get(id)
                        + ", refused " + refused.get(id) + "; " + where);
            }
            Pending<List<Object>> p = pendings.get(id);
            if (p != null) {
                assertTrue(p.isDone(), "pending of task " + id + " not done; " + where);
                if (handled.get(id) == 1) {
                    assertEquals(List.of(id), p.join());
                } else {
                    try {
                        p.join();
                        fail("pending of handed-back task " + id + " completed normally; " + where);
                    } catch (CompletionException expected) {
                        assertTrue(expected.getCause() instanceof ControllerClosedException, where);
                    }
                }
            }
        }
        assertEquals(null, orderBroken.get(), where);
        long sumHandled = 0;
        for (int id = 0; id < total; id++) {
            sumHandled += handled.get(id);
        }
        assertEquals(dispatched.get(), sumHandled + back.size(), "handled + handed back = accepted; " + where);
        // Stats also count each worker's own SHUTDOWN (graceful) and a CLEAN event.
        assertTrue(pool.stats().handled() >= sumHandled, where);
    }

    private static int key(int id, int perProducer) {
        int producer = id / perProducer;
        int idx = id % perProducer;
        return producer * KEYS_PER_PRODUCER + (idx / 2) % KEYS_PER_PRODUCER;
    }

    private static boolean producersAlive(List<Thread> producers) {
        for (Thread t : producers) {
            if (t.isAlive()) {
                return true;
            }
        }
        return false;
    }
}
