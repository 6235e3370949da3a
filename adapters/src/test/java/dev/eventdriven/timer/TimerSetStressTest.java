package dev.eventdriven.timer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerBuilder;
import dev.eventdriven.ExecutorGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@link TimerSet} in real time while many threads add and cancel entries at random, and another
 * suspends and resumes the controller: no tick comes before its slot (so none is duplicated), no entry
 * ticks after its cancel returned but for one whose handlers were starting at that moment, every live
 * entry ticks, and once all are cancelled the ticks stop.
 */
@Timeout(120)
class TimerSetStressTest {

    private static final int THREADS = 4;
    private static final int OPS = 150;
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** What the test knows of one entry; ticks are counted on the loop thread only. */
    static final class Tracked {
        final long addedBefore;
        final long interval;
        final long firstDelay;
        volatile TimerSet.Entry entry;
        volatile long ticks;
        volatile long ticksAtCancel = -1;

        Tracked(long addedBefore, long interval, long firstDelay) {
            this.addedBefore = addedBefore;
            this.interval = interval;
            this.firstDelay = firstDelay;
        }
    }

    @Test
    void randomAddsCancelsAndSuspensionsOnALoopThread() throws Exception {
        for (int round = 0; round < 3; round++) {
            run(null);
        }
    }

    @Test
    void randomAddsCancelsAndSuspensionsOnASharedGroup() throws Exception {
        ExecutorGroup group = ExecutorGroup.builder("set-stress").size(2).daemon(true).build();
        try {
            for (int round = 0; round < 3; round++) {
                run(group);
            }
        } finally {
            group.shutdown();
            assertTrue(group.awaitTermination(WAIT));
        }
    }

    private void run(ExecutorGroup group) throws Exception {
        Tracked[] all = new Tracked[THREADS * OPS];
        AtomicReference<String> violation = new AtomicReference<>();
        AtomicLong handled = new AtomicLong();
        try (TimerScheduler scheduler = TimerScheduler.builder("set-stress-timer").build()) {
            TimerSet set = TimerSet.builder().scheduler(scheduler).resolution(Duration.ofMillis(1)).build();
            ControllerBuilder b = Controller.builder("set-stress").adapter(set).on("tick", Integer.class, id -> {
                long now = System.nanoTime();
                Tracked t = all[id];
                long k = t.ticks + 1; // the k-th tick is due at added + first + (k - 1) * interval, never later
                if (now - (t.addedBefore + t.firstDelay + (k - 1) * t.interval) < 0) {
                    violation.compareAndSet(null, "tick " + k + " of entry " + id + " came before its slot");
                }
                long atCancel = t.ticksAtCancel;
                if (atCancel >= 0 && k > atCancel + 1) {
                    violation.compareAndSet(null, "entry " + id + " ticked " + (k - atCancel) + " times after cancel");
                }
                t.ticks = k;
                handled.incrementAndGet();
            });
            Controller c = (group != null ? b.executor(group) : b.daemon(true)).build();
            try {
                c.run();
                churnAndCheck(c, set, all, violation, handled);
            } finally {
                c.shutdownNow();
                assertTrue(c.awaitTermination(WAIT));
            }
        }
    }

    private void churnAndCheck(Controller c, TimerSet set, Tracked[] all, AtomicReference<String> violation,
                               AtomicLong handled) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            int base = w * OPS;
            threads.add(new Thread(() -> {
                try {
                    go.await();
                    churn(set, all, base);
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "churn-" + w));
        }
        Thread suspender = new Thread(() -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            try {
                go.await();
                for (int i = 0; i < 20; i++) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(rnd.nextInt(500, 5_000)));
                    c.suspend();
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(rnd.nextInt(100, 2_000)));
                    c.resume();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }, "suspender");
        threads.add(suspender);
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(failures.isEmpty(), failures.toString());

        // Every entry still in the set ticks (liveness after the last resume).
        await().atMost(WAIT).alias("entries that never ticked (" + set + ")")
                .until(() -> silent(all), List::isEmpty);
        for (Tracked t : all) {
            if (t.ticksAtCancel < 0) {
                cancel(t);
            }
        }
        assertEquals(0, set.size());
        assertTrue(c.awaitDrained(WAIT));
        long stopped = handled.get();
        await().during(Duration.ofMillis(50)).atMost(WAIT).until(() -> handled.get() == stopped);
        assertEquals(null, violation.get());
        assertTrue(handled.get() <= set.ticks(), handled + " handled, " + set.ticks() + " taken");
    }

    private static List<String> silent(Tracked[] all) {
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (all[i].ticksAtCancel < 0 && all[i].ticks == 0) {
                silent.add(i + ": " + all[i].entry);
            }
        }
        return silent;
    }

    private static void churn(TimerSet set, Tracked[] all, int base) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        List<Tracked> mine = new ArrayList<>();
        for (int i = 0; i < OPS; i++) {
            int id = base + i;
            long interval = TimeUnit.MICROSECONDS.toNanos(rnd.nextInt(500, 5_000));
            long first = TimeUnit.MICROSECONDS.toNanos(rnd.nextInt(0, 5_000));
            Tracked t = new Tracked(System.nanoTime(), interval, first);
            all[id] = t;
            t.entry = set.every("tick", Duration.ofNanos(interval), Duration.ofNanos(first), id);
            mine.add(t);
            if (rnd.nextInt(3) == 0) {
                cancel(mine.remove(rnd.nextInt(mine.size())));
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(rnd.nextInt(0, 300))); // pace the adds
        }
    }

    private static void cancel(Tracked t) {
        assertTrue(t.entry.cancel());
        // Read after cancel returned: at most one tick more (one whose handlers were starting then).
        t.ticksAtCancel = t.ticks;
    }
}
