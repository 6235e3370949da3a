package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A controller makes most of its parts when first needed (its loop and session on a shared group,
 * the adapter manager, listenings, progress signal, overflow gate, shutdown sequence, the extras
 * that hold them): many threads that need the same part at the same moment of a fresh controller
 * must all get the one part, and nothing they did through it may be lost. Random thread counts and
 * operations per round, many rounds, both kinds of controller.
 */
class LazyPartsStressTest {

    private static final int ROUNDS = 60;

    private final ExecutorGroup group = ExecutorGroup.builder("lazy-stress").size(2).daemon(true).build();
    private final List<Controller> made = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (Controller c : made) {
            c.shutdownNow();
        }
        group.shutdown();
        assertTrue(group.awaitTermination(Duration.ofSeconds(30)), "the group's threads did not end");
    }

    private ControllerBuilder builder(String kind, String name) {
        ControllerBuilder b = Controller.builder(name).idleSpin(Duration.ZERO);
        return kind.equals("shared") ? b.executor(group) : b.daemon(true);
    }

    /** Runs {@code task(i)} on {@code n} threads released at once; rethrows the first failure. */
    private static void race(int n, IntTask task) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    task.run(id);
                } catch (Throwable x) {
                    failures.add(x);
                }
            }, "racer-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!t.isAlive(), t.getName() + " did not finish");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " racers failed", failures.get(0));
        }
    }

    interface IntTask {
        void run(int id) throws Exception;
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "thread"})
    @Timeout(120)
    void racersOnAFreshControllerShareEachPartAndLoseNothing(String kind) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int round = 0; round < ROUNDS; round++) {
            AtomicLong handled = new AtomicLong();
            Controller c = builder(kind, "lazy-" + kind + "-" + round)
                    .on("ev", s -> {
                        handled.incrementAndGet();
                        return s.value();
                    }).build();
            made.add(c);
            boolean runFirst = random.nextBoolean();
            if (runFirst) {
                c.run();
            }
            int n = 2 + random.nextInt(6);
            int perThread = 1 + random.nextInt(50);
            Set<Object> managers = ConcurrentHashMap.newKeySet();
            AtomicInteger answered = new AtomicInteger();
            Controller[] sinks = new Controller[n];
            for (int i = 0; i < n; i++) {
                sinks[i] = builder(kind, "sink-" + kind + "-" + round + "-" + i).on("ev", s -> { }).build();
                made.add(sinks[i]);
            }
            race(n, id -> {
                managers.add(c.adapters());
                c.listenedBy(sinks[id], List.of("other"), "l" + id);
                for (int i = 0; i < perThread; i++) {
                    if ((i & 1) == 0) {
                        c.dispatch("ev", i);
                    } else {
                        c.request("ev", i).thenRun(answered::incrementAndGet);
                    }
                }
                c.stats();
            });
            assertEquals(1, managers.size(), "one adapter manager for all racers");
            assertEquals(n, c.listenings().size(), "every racer's listening is registered");
            if (!runFirst) {
                c.run();
            }
            long sent = (long) n * perThread;
            long requests = (long) n * (perThread / 2);
            assertTrue(c.awaitDrained(Duration.ofSeconds(30)), "drained");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> answered.get() == requests);
            assertEquals(sent, handled.get(), "every event handled once");
            assertEquals(sent, c.stats().handled());
            // Several threads shut it down and wait at once: one shutdown sequence, one termination.
            race(2 + random.nextInt(4), id -> {
                if (id % 2 == 0) {
                    c.shutdown();
                }
                assertTrue(c.awaitTermination(Duration.ofSeconds(30)), "terminated");
            });
            assertSame(ControllerState.TERMINATED, c.state());
        }
    }

    /**
     * On a shared group a controller that goes idle gives its loop back (its counters stay in totals)
     * and the next turn makes a new one: readers of {@code stats()} racing those hand-overs must never
     * see the count go back or past what was sent, and the final count is exact. (A turn that went idle
     * once took back an idle flag that a later turn had taken and announced again, and went on with its
     * stale loop: with 200 rounds this test saw the count go back or end short in three runs of four; see
     * {@code internal.IdleFlagTest} for that interleaving laid out step by step.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"shared", "thread"})
    @Timeout(120)
    void statsStayMonotonicWhileTheLoopComesAndGoes(String kind) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int round = 0; round < ROUNDS; round++) {
            AtomicLong handled = new AtomicLong();
            Controller c = builder(kind, "stats-" + kind + "-" + round).batchSize(1 + random.nextInt(8))
                    .on("ev", s -> {
                        handled.incrementAndGet();
                    }).build();
            made.add(c);
            c.run();
            int producers = 1 + random.nextInt(3);
            int readers = 1 + random.nextInt(3);
            int each = 200 + random.nextInt(800);
            AtomicLong sent = new AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            race(producers + readers, id -> {
                if (id < producers) {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    for (int i = 0; i < each; i++) {
                        sent.incrementAndGet(); // before: the event may be handled before dispatch returns
                        c.dispatch("ev", i);
                        if (r.nextInt(16) == 0) {
                            // a pause now and then: the controller goes idle, its loop is released
                            java.util.concurrent.locks.LockSupport.parkNanos(r.nextInt(50_000));
                        }
                    }
                    if (id == 0) {
                        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                                .until(() -> handled.get() == (long) producers * each);
                        done.set(true);
                    }
                } else {
                    long last = 0;
                    while (!done.get()) {
                        long now = c.stats().handled();
                        assertTrue(now >= last, "handled went back from " + last + " to " + now);
                        assertTrue(now <= sent.get(), "handled " + now + " of " + sent.get() + " sent");
                        last = now;
                    }
                }
            });
            assertTrue(c.awaitIdle(Duration.ofSeconds(30)), "idle");
            assertEquals((long) producers * each, c.stats().handled(), "every event counted once");
            assertEquals((long) producers * each, handled.get());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "thread"})
    @Timeout(120)
    void racingRefusalsAreCountedOnce(String kind) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int round = 0; round < ROUNDS; round++) {
            // Never run: the bounded queue fills, and every dispatch after that is refused.
            int capacity = 1 + random.nextInt(8);
            Controller c = builder(kind, "refusals-" + kind + "-" + round).queueCapacity(capacity)
                    .overflowPolicy(OverflowPolicy.FAIL).on("ev", s -> { }).build();
            made.add(c);
            int n = 2 + random.nextInt(6);
            int perThread = 5 + random.nextInt(50);
            AtomicInteger refused = new AtomicInteger();
            race(n, id -> {
                for (int i = 0; i < perThread; i++) {
                    try {
                        c.dispatch("ev", i);
                    } catch (RejectedEventException full) {
                        refused.incrementAndGet();
                    }
                }
            });
            assertEquals((long) n * perThread - capacity, refused.get(), "all but the queue's capacity refused");
            assertEquals(refused.get(), c.stats().rejected(), "each refusal counted once");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "thread"})
    @Timeout(120)
    void waitersThatMakeTheSignalWhileTheLoopRunsAreWoken(String kind) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int round = 0; round < ROUNDS; round++) {
            AtomicLong handled = new AtomicLong();
            Controller c = builder(kind, "waiters-" + kind + "-" + round).on("ev", s -> {
                handled.incrementAndGet();
            }).build();
            made.add(c);
            c.run();
            int n = 2 + random.nextInt(6);
            int events = random.nextInt(200);
            // The first waits of a controller race the loop's first signals: none may miss its wake-up.
            race(n, id -> {
                if (id == 0) {
                    for (int i = 0; i < events; i++) {
                        c.dispatch("ev", i);
                    }
                    c.shutdown();
                } else if (id % 2 == 0) {
                    assertTrue(c.awaitTermination(Duration.ofSeconds(30)), "terminated");
                } else {
                    assertTrue(c.awaitIdle(Duration.ofSeconds(30)) || c.state() == ControllerState.TERMINATED,
                            "idle");
                }
            });
            assertTrue(c.awaitTermination(Duration.ofSeconds(30)));
            assertEquals(events, handled.get(), "every event before the shutdown handled");
        }
    }
}
