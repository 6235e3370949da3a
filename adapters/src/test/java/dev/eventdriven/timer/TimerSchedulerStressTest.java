package dev.eventdriven.timer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.EventHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Concurrent schedule/cancel and setTiming from many threads, randomized. */
@Timeout(120)
class TimerSchedulerStressTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 5_000;

    /** One scheduled action and what happened to it. */
    private static final class Probe implements Runnable {
        final long deadline;
        final AtomicInteger runs = new AtomicInteger();
        volatile long ranAt;
        volatile ScheduledAction handle;
        volatile boolean cancelled;

        Probe(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void run() {
            ranAt = System.nanoTime();
            runs.incrementAndGet();
        }
    }

    private static void runThreads(Runnable body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    body.run();
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "stress-" + i);
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void nothingRunsAfterASuccessfulCancelAndNothingDueIsLost() throws InterruptedException {
        ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();
        try (TimerScheduler scheduler = TimerScheduler.builder("stress-timer").keepAlive(Duration.ZERO).build()) {
            runThreads(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                List<Probe> mine = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    long delay = rnd.nextLong(0, 3_000_000);
                    Probe p = new Probe(scheduler.nanoTime() + delay);
                    p.handle = scheduler.schedule(p.deadline, p);
                    mine.add(p);
                    probes.add(p);
                    if (rnd.nextInt(3) == 0) {
                        // Cancel a random earlier one: sometimes before, sometimes during or after its run.
                        Probe victim = mine.get(rnd.nextInt(mine.size()));
                        if (victim.handle.cancel()) {
                            victim.cancelled = true;
                        }
                    }
                    if (rnd.nextInt(100) == 0) {
                        Thread.yield();
                    }
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> probes.stream().allMatch(p -> p.handle.isDone()));
            // Give any wrongly surviving run of a cancelled action the chance to show up.
            AtomicInteger marker = new AtomicInteger();
            scheduler.scheduleAfter(Duration.ofMillis(5), marker::incrementAndGet);
            await().atMost(Duration.ofSeconds(10)).until(() -> marker.get() == 1);
        }
        int cancelled = 0;
        for (Probe p : probes) {
            if (p.cancelled) {
                cancelled++;
                assertEquals(0, p.runs.get(), "a cancelled action ran");
                assertTrue(p.handle.isCancelled());
            } else {
                assertEquals(1, p.runs.get(), "an action that was not cancelled ran " + p.runs.get() + " times");
                assertTrue(p.ranAt - p.deadline >= 0, "an action ran before its deadline");
            }
        }
        assertEquals(THREADS * ROUNDS, probes.size());
        assertTrue(cancelled > 0 && cancelled < probes.size(), "cancelled: " + cancelled);
    }

    @Test
    void concurrentSetTimingLeavesOneScheduleAndNoTickAfterTheStop() throws InterruptedException {
        AtomicLong handled = new AtomicLong();
        try (TimerScheduler scheduler = TimerScheduler.builder("stress-timing").build()) {
            Timer timer = Timer.builder().interval(Duration.ofMillis(1)).scheduler(scheduler).build();
            Controller c = Controller.builder("stress-timing")
                    .adapter(timer).on(dev.eventdriven.SystemEvent.TIMING, s -> handled.incrementAndGet())
                    .build();
            c.run();
            runThreads(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int i = 0; i < ROUNDS / 5; i++) {
                    int r = rnd.nextInt(10);
                    if (r == 0) {
                        timer.setTiming(null);
                    } else if (r == 1) {
                        c.suspend();
                    } else if (r == 2) {
                        c.resume();
                    } else {
                        timer.setTiming(Duration.ofNanos(rnd.nextLong(100_000, 2_000_000)));
                    }
                }
            });
            c.resume();
            timer.setTiming(Duration.ofMillis(1));
            long before = timer.ticks();
            await().atMost(Duration.ofSeconds(10)).until(() -> timer.ticks() >= before + 5);
            timer.setTiming(null);
            long stopped = timer.ticks();
            assertTrue(c.awaitDrained(Duration.ofSeconds(10)));
            assertEquals(stopped, handled.get());
            int quietBefore = (int) handled.get();
            await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5))
                    .until(() -> handled.get() == quietBefore && timer.ticks() == stopped);
            c.shutdown();
            assertTrue(c.awaitTermination(Duration.ofSeconds(10)));
        }
    }
}
