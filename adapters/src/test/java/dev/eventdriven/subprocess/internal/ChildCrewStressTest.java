package dev.eventdriven.subprocess.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.ExecutorGroup;
import dev.eventdriven.Pending;
import dev.eventdriven.pool.ControllerPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The child's crew with the real worker pool on it, fed by a stand-in channel (a queue of "frames"
 * that producer threads fill): every request is answered once, one worker's handlers never overlap,
 * and the channel keeps being read — pings answered promptly — while every worker's handler blocks.
 */
@Timeout(60)
class ChildCrewStressTest {

    private static final Object END = new Object();

    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    private final List<ControllerPool> pools = new ArrayList<>();

    /** A frame asking for a ping's answer: the time it was sent. */
    private record Ping(long sentNanos) {
    }

    /** A frame asking for a call: where its pending goes, and how long its handler works. */
    private record Call(CompletableFuture<Pending<List<Object>>> pending, long nanos) {
    }

    /** The worst delay between a ping being sent and read, in nanoseconds. */
    private final AtomicLong worstPing = new AtomicLong();
    private final AtomicInteger pingsRead = new AtomicInteger();
    private final List<ChildCrew> crews = new ArrayList<>();

    private ControllerPool pool(int workers, AtomicIntegerArray busy, AtomicInteger overlaps) {
        ChildCrew[] crew = new ChildCrew[1];
        ControllerPool[] pool = new ControllerPool[1];
        crew[0] = new ChildCrew("stress-crew", workers, new ChildCrew.FrameReader() {
            @Override
            public boolean readOne() {
                Object frame;
                try {
                    frame = frames.take();
                } catch (InterruptedException e) {
                    return true; // a forced stop's interrupt aimed at a turn, arriving late: read again
                }
                if (frame == END) {
                    return false;
                }
                if (frame instanceof Ping p) {
                    worstPing.accumulateAndGet(System.nanoTime() - p.sentNanos(), Math::max);
                    pingsRead.incrementAndGet();
                    return true;
                }
                Call call = (Call) frame;
                call.pending().complete(pool[0].request("work", call.nanos()));
                return true;
            }

            @Override
            public boolean moreBuffered() {
                return !frames.isEmpty();
            }
        });
        pool[0] = ControllerPool.builder("stress").size(workers).executor(ExecutorGroup.on("stress-crew", crew[0]))
                .on("work", s -> {
                    int w = (Integer) s.getStatic(ControllerPool.STATIC_WORKER_INDEX);
                    if (busy.getAndIncrement(w) != 0) {
                        overlaps.incrementAndGet();
                    }
                    long nanos = (Long) s.value();
                    if (nanos > 0) {
                        LockSupport.parkNanos(nanos); // the work itself: a handler that takes this long
                    }
                    busy.decrementAndGet(w);
                    return s.value();
                }).build();
        pool[0].run();
        crew[0].start();
        pools.add(pool[0]);
        crews.add(crew[0]);
        return pool[0];
    }

    @AfterEach
    void stop() {
        frames.add(END);
        for (ControllerPool p : pools) {
            p.shutdownNow();
            assertTrue(p.awaitTermination(Duration.ofSeconds(10)));
        }
        crews.forEach(ChildCrew::close);
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("stress-crew")));
    }

    @RepeatedTest(5)
    void everyCallIsAnsweredOnceAndAWorkersHandlersNeverOverlap() throws Exception {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int workers = 1 + rnd.nextInt(4);
        AtomicIntegerArray busy = new AtomicIntegerArray(workers);
        AtomicInteger overlaps = new AtomicInteger();
        pool(workers, busy, overlaps);
        int producers = 4;
        int perProducer = 2_000;
        ConcurrentHashMap<Long, CompletableFuture<Pending<List<Object>>>> calls = new ConcurrentHashMap<>();
        AtomicLong ids = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            Thread t = new Thread(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int i = 0; i < perProducer; i++) {
                    long id = ids.incrementAndGet();
                    // Mostly instant handlers, some that take up to 3 ms (longer than the watcher's period).
                    long nanos = r.nextInt(20) == 0 ? r.nextLong(3_000_000) : 0;
                    CompletableFuture<Pending<List<Object>>> f = new CompletableFuture<>();
                    calls.put(id * 1_000_000_000L + nanos, f);
                    frames.add(new Call(f, nanos));
                    if (r.nextInt(50) == 0) {
                        frames.add(new Ping(System.nanoTime()));
                    }
                    if (r.nextInt(200) == 0) {
                        Thread.yield();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (var e : calls.entrySet()) {
            Pending<List<Object>> answer = e.getValue().get(10, TimeUnit.SECONDS);
            long nanos = e.getKey() % 1_000_000_000L;
            assertEquals(List.of(nanos), answer.await(Duration.ofSeconds(10)));
        }
        assertEquals(producers * perProducer, calls.size());
        assertEquals(0, overlaps.get(), "a worker's handlers ran concurrently");
    }

    @Test
    void theChannelIsReadWhileEveryWorkerBlocks() throws Exception {
        int workers = 3;
        AtomicIntegerArray busy = new AtomicIntegerArray(workers);
        pool(workers, busy, new AtomicInteger());
        List<CompletableFuture<Pending<List<Object>>>> blocked = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            CompletableFuture<Pending<List<Object>>> f = new CompletableFuture<>();
            blocked.add(f);
            frames.add(new Call(f, TimeUnit.SECONDS.toNanos(2)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            int n = 0;
            for (int i = 0; i < workers; i++) {
                n += busy.get(i);
            }
            return n == workers;
        });
        worstPing.set(0);
        for (int i = 0; i < 20; i++) {
            int before = pingsRead.get();
            frames.add(new Ping(System.nanoTime()));
            await().atMost(Duration.ofMillis(500)).until(() -> pingsRead.get() == before + 1);
        }
        assertTrue(worstPing.get() < TimeUnit.MILLISECONDS.toNanos(100), "a ping waited " + worstPing.get() + " ns");
        assertTrue(crews.get(0).takeovers() >= 1, "the watcher never freed the channel from a blocked turn");
        for (var f : blocked) {
            Pending<List<Object>> answer = f.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(TimeUnit.SECONDS.toNanos(2)), answer.await(Duration.ofSeconds(10)));
        }
    }
}
