package dev.eventdriven.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.Pending;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Requests from many threads, with random timeouts racing their replies and random cancellations:
 * each request ends exactly once, with its own answer, a timeout or its cancellation, and the
 * counters add up (every request sent is ended by one reply or one timeout, never both).
 */
class RemoteCallsStressTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void repliesTimeoutsAndCancellationsRaceAndEveryRequestEndsOnce() throws Exception {
        try (NatsServer server = NatsServer.start();
             NatsBridge caller = NatsBridge.builder().servers(server.url()).prefix("stress").build();
             NatsBridge member = NatsBridge.builder().servers(server.url()).prefix("stress").build();
             Controller target = Controller.builder("target").on("work", Integer.class, n -> {
                 long end = System.nanoTime() + (n % 7) * 40_000L; // 0–240 µs of work
                 while (System.nanoTime() < end) {
                     Thread.onSpinWait();
                 }
                 return n;
             }).build()) {
            target.run();
            member.expose("target", target);
            NatsBridgeTest.flush(member);
            int threads = 4;
            int rounds = 400;
            List<Throwable> wrong = new CopyOnWriteArrayList<>();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger timedOut = new AtomicInteger();
            AtomicInteger cancelled = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                workers.add(new Thread(() -> {
                    Random random = new Random(seed);
                    List<Pending<Integer>> pending = new ArrayList<>();
                    List<Integer> sent = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        int v = seed * rounds + i;
                        RemoteEndpoint remote = caller.remote("target")
                                .withRequestTimeout(Duration.ofMillis(1 + random.nextInt(400)));
                        Pending<Integer> p = remote.request("work", v, Integer.class);
                        if (random.nextInt(10) == 0) {
                            p.cancel(false);
                        }
                        pending.add(p);
                        sent.add(v);
                    }
                    for (int i = 0; i < rounds; i++) {
                        try {
                            Integer got = pending.get(i).await(WAIT);
                            if (!sent.get(i).equals(got)) {
                                wrong.add(new AssertionError("answer " + got + " to " + sent.get(i)));
                            }
                            answered.incrementAndGet();
                        } catch (EventFailedException e) {
                            if (e.getCause() instanceof RemoteTimeoutException) {
                                timedOut.incrementAndGet();
                            } else if (e.getCause() instanceof CancellationException) {
                                cancelled.incrementAndGet();
                            } else {
                                wrong.add(e);
                            }
                        } catch (CancellationException e) {
                            cancelled.incrementAndGet();
                        }
                    }
                }));
            }
            workers.forEach(Thread::start);
            for (Thread w : workers) {
                w.join();
            }
            assertEquals(List.of(), wrong);
            int total = threads * rounds;
            assertEquals(total, answered.get() + timedOut.get() + cancelled.get());
            assertTrue(timedOut.get() > 0 && answered.get() > 0, answered + " answered, " + timedOut + " timed out");
            EndpointStats stats = caller.remote("target").stats();
            assertEquals(total, stats.sent());
            // Cancelled requests are still ended by their reply or timeout, exactly once each.
            await().atMost(WAIT).until(() -> {
                EndpointStats s = caller.remote("target").stats();
                return s.replies() + s.timeouts() == total;
            });
            assertEquals(timedOut.get(), caller.remote("target").stats().timeouts()
                    - countCancelledThatTimedOut(caller, total, answered.get(), timedOut.get()));
        }
    }

    /** The timeouts counted beyond those the callers saw belong to cancelled requests. */
    private static long countCancelledThatTimedOut(NatsBridge caller, int total, int answered, int timedOut) {
        EndpointStats s = caller.remote("target").stats();
        long cancelledTimeouts = s.timeouts() - timedOut;
        long cancelledReplies = s.replies() - answered;
        assertEquals(total - answered - timedOut, cancelledTimeouts + cancelledReplies);
        return cancelledTimeouts;
    }
}
