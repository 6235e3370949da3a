package dev.eventdriven.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ForwardingPacket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Listening across JVMs gives the same packets as listening in one, over a real nats-server. */
class RemoteListeningTest extends OnOneNatsServer {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aRemoteListenerReceivesTheSamePacketsAsAnInProcessOne() throws Exception {
        List<ForwardingPacket> remotePackets = new CopyOnWriteArrayList<>();
        List<ForwardingPacket> localPackets = new CopyOnWriteArrayList<>();
        try (NatsBridge consoleSide = NatsBridge.builder().servers(server.url()).prefix("listen1").build();
             NatsBridge statsSide = NatsBridge.builder().servers(server.url()).prefix("listen1").build();
             Controller console = Controller.builder("console").on("done", s -> { }).on("other", s -> { }).build();
             Controller stats = Controller.builder("stats")
                     .on("done", ForwardingPacket.class, remotePackets::add).build();
             Controller local = Controller.builder("stats")
                     .on("done", ForwardingPacket.class, localPackets::add).build()) {
            console.run();
            stats.run();
            local.run();
            Sharing sharing = consoleSide.share(console, List.of("done"));
            stats.listen(statsSide.source("console"), List.of("done"), "totals");
            local.listen(console, List.of("done"), "totals");
            NatsBridgeTest.flush(statsSide);

            console.dispatch("done", 41, Map.of("order", "A-1"));
            console.dispatch("other", 1);
            console.dispatch("done", 42);
            await().atMost(WAIT).until(() -> remotePackets.size() == 2 && localPackets.size() == 2);
            assertEquals(localPackets, remotePackets);
            ForwardingPacket first = remotePackets.get(0);
            assertEquals(41, first.value());
            assertEquals(Map.of("order", "A-1"), first.context());
            assertEquals("totals", first.listener());
            assertEquals("console", first.source());
            assertEquals(List.of("console"), first.route());
            assertEquals(2, sharing.stats().sent(), "only the allowed events are published");
            assertEquals(2, statsSide.source("console").stats().received());

            assertTrue(stats.unlisten(statsSide.source("console")));
            sharing.close();
            console.dispatch("done", 43);
            await().atMost(WAIT).until(() -> localPackets.size() == 3);
            assertEquals(2, sharing.stats().sent(), "a closed sharing publishes nothing");
        }
    }

    @Test
    void aQueueListensToo() throws Exception {
        try (NatsBridge a = NatsBridge.builder().servers(server.url()).prefix("listen2").build();
             NatsBridge b = NatsBridge.builder().servers(server.url()).prefix("listen2").build();
             Controller console = Controller.builder("console").on("done", s -> { }).build()) {
            console.run();
            a.share(console, List.of("done"));
            BlockingQueue<ForwardingPacket> queue = new LinkedBlockingQueue<>();
            b.source("console").listenedBy(queue, List.of("done"), "tap");
            NatsBridgeTest.flush(b);
            console.dispatch("done", "x");
            ForwardingPacket p = queue.poll(10, TimeUnit.SECONDS);
            assertEquals(new ForwardingPacket("done", "x", Map.of(), "tap", "console", List.of("console")), p);
        }
    }

    @Test
    void controllersListeningToEachOtherAcrossJvmsHandleOneDispatchOnceOnEachSide() throws Exception {
        List<String> handledA = new CopyOnWriteArrayList<>();
        List<String> handledB = new CopyOnWriteArrayList<>();
        try (NatsBridge sideA = NatsBridge.builder().servers(server.url()).prefix("listen3").build();
             NatsBridge sideB = NatsBridge.builder().servers(server.url()).prefix("listen3").build();
             Controller ctlA = Controller.builder("A").on("ping", s -> handledA.add(describe(s.value()))).build();
             Controller ctlB = Controller.builder("B").on("ping", s -> handledB.add(describe(s.value()))).build()) {
            ctlA.run();
            ctlB.run();
            sideA.share(ctlA, List.of("ping"));
            sideB.share(ctlB, List.of("ping"));
            ctlA.listen(sideA.source("B"), List.of("ping"), "a");
            ctlB.listen(sideB.source("A"), List.of("ping"), "b");
            NatsBridgeTest.flush(sideA);
            NatsBridgeTest.flush(sideB);

            ctlA.dispatch("ping", "hi");
            await().atMost(WAIT).until(() -> handledB.size() == 1);
            // B's handling is shared back to A, whose name is on the route: cut there.
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> handledA.size() == 1);
            assertEquals(List.of("hi"), handledA);
            assertEquals(List.of("hi from A via [A]"), handledB);
            assertFalse(handledA.stream().anyMatch(h -> h.contains("via")));
        }
    }

    private static String describe(Object value) {
        return value instanceof ForwardingPacket p ? p.value() + " from " + p.source() + " via " + p.route()
                : String.valueOf(value);
    }
}
