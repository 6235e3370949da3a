package dev.eventdriven.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.eventdriven.EventFailedException;
import dev.eventdriven.Pending;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Member JVMs exposing one name form a pool; one is killed (kill -9) with work in flight. */
class DistributedPoolTest {

    private NatsServer server;
    private final List<MemberJvm> members = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = NatsServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (MemberJvm m : members) {
            m.close();
        }
        server.close();
    }

    @Test
    void eachEventGoesToOneMemberAndAKilledMembersRequestsEndWithinTheirTimeout() throws Exception {
        members.add(MemberJvm.start(server.url(), "dpool", "work", "core", "unused"));
        members.add(MemberJvm.start(server.url(), "dpool", "work", "core", "unused"));
        Duration timeout = Duration.ofSeconds(3);
        try (NatsBridge caller = NatsBridge.builder().servers(server.url()).prefix("dpool").build()) {
            RemoteEndpoint work = caller.remote("work").withRequestTimeout(timeout);
            Set<Long> pids = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                pids.add(work.request("sleep", 0, Long.class).await(Duration.ofSeconds(10)));
            }
            assertEquals(Set.of(members.get(0).pid, members.get(1).pid), pids, "both members take work");

            List<Pending<Long>> inFlight = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                inFlight.add(work.request("sleep", 50, Long.class));
            }
            members.get(0).kill();
            long killed = members.get(0).pid;
            long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(2);
            int completed = 0;
            int timedOut = 0;
            for (Pending<Long> p : inFlight) {
                long left = Math.max(0, deadline - System.nanoTime());
                try {
                    long pid = p.await(Duration.ofNanos(left));
                    completed++;
                    assertTrue(pid == members.get(1).pid || pid == killed);
                } catch (EventFailedException e) {
                    assertInstanceOf(RemoteTimeoutException.class, e.getCause(), e.toString());
                    timedOut++;
                }
            }
            assertEquals(100, completed + timedOut, "every request ended within its timeout");
            assertTrue(completed >= 1, "the surviving member answered its share");
            // After the kill, everything goes to the survivor.
            for (int i = 0; i < 20; i++) {
                assertEquals(members.get(1).pid, work.request("sleep", 0, Long.class).await(timeout));
            }
        }
    }

    @Test
    void durableEventsAreAllHandledWhenAMemberIsKilledInTheMiddleAndDuplicatesAreSuppressed() throws Exception {
        try (NatsBridge sender = NatsBridge.builder().servers(server.url()).prefix("durable").build()) {
            Set<String> handled = ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicLong handlings = new java.util.concurrent.atomic.AtomicLong();
            io.nats.client.Dispatcher report = sender.connection().createDispatcher(m -> {
                handled.add(new String(m.getData(), StandardCharsets.UTF_8));
                handlings.incrementAndGet();
            });
            report.subscribe("durable-report");
            sender.connection().flush(Duration.ofSeconds(5));
            members.add(MemberJvm.start(server.url(), "durable", "jobs", "durable", "durable-report"));
            members.add(MemberJvm.start(server.url(), "durable", "jobs", "durable", "durable-report"));

            DurableEndpoint jobs = sender.durable("jobs");
            int total = 10_000;
            List<CompletableFuture<StoredEvent>> stored = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                stored.add(jobs.store("record", "job-" + i, "job-" + i));
                if (i == total / 2) {
                    members.get(0).kill();
                }
            }
            for (CompletableFuture<StoredEvent> s : stored) {
                assertTrue(!s.get(30, TimeUnit.SECONDS).duplicate());
            }
            // A retried send: the stream drops it within its duplicate window.
            for (int i = 0; i < 100; i++) {
                StoredEvent again = jobs.store("record", "job-" + i, "job-" + i).get(30, TimeUnit.SECONDS);
                assertTrue(again.duplicate(), "job-" + i + " stored twice");
            }
            assertEquals(100, jobs.stats().duplicates());
            assertEquals(total, jobs.stats().sent());
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == total);
            assertTrue(handlings.get() >= total, "at least once");
            for (int i = 0; i < total; i++) {
                if (!handled.contains("job-" + i)) {
                    fail("job-" + i + " was never handled");
                }
            }
        }
    }
}
