package dev.eventdriven.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.Pending;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The server restarted mid-stream, and one node of a 3-node cluster killed: real servers, kill -9. */
class ServerFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aServerRestartedMidStreamFailsTheRequestsInFlightAndTheBridgeReconnectsAndDeliversWhatItBuffered()
            throws Exception {
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch hold = new CountDownLatch(1);
        try (NatsServer server = NatsServer.start();
             NatsBridge caller = NatsBridge.builder().servers(server.url()).prefix("restart").build();
             NatsBridge member = NatsBridge.builder().servers(server.url()).prefix("restart").build();
             Controller target = Controller.builder("target")
                     .on("count", s -> handled.incrementAndGet())
                     .on("double", Integer.class, n -> n * 2)
                     .on("hold", s -> {
                         return hold.await(20, TimeUnit.SECONDS);
                     }).build()) {
            target.run();
            member.expose("target", target);
            member.connection().jetStreamManagement().addStream(io.nats.client.api.StreamConfiguration.builder()
                    .name("SINK").subjects("restart.ep.sink").storageType(io.nats.client.api.StorageType.File)
                    .build());
            NatsBridgeTest.flush(member);
            RemoteEndpoint remote = caller.remote("target");
            List<Pending<List<Object>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                inFlight.add(remote.request("hold"));
            }
            NatsBridgeTest.flush(caller);

            server.kill();
            await().atMost(WAIT).until(() -> caller.connection().getStatus() != Connection.Status.CONNECTED);
            for (Pending<List<Object>> p : inFlight) {
                EventFailedException e = assertThrows(EventFailedException.class, () -> p.await(WAIT));
                assertInstanceOf(BridgeConnectionException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("lost"), e.getCause().getMessage());
            }
            hold.countDown();
            // Published during the outage: held in the bounded reconnect buffer, sent on reconnection.
            // A stream on the (unexposed) "sink" subject shows what reached the server, whichever
            // client reconnects first.
            RemoteEndpoint sink = caller.remote("sink");
            for (int i = 0; i < 100; i++) {
                sink.dispatch("count", i);
            }
            assertEquals(100, sink.stats().sent());
            server.restart();
            await().atMost(WAIT).until(() -> caller.connection().getStatus() == Connection.Status.CONNECTED
                    && member.connection().getStatus() == Connection.Status.CONNECTED);
            await().atMost(WAIT).until(() -> member.connection().jetStreamManagement().getStreamInfo("SINK")
                    .getStreamState().getMsgCount() == 100);
            assertEquals(42, remote.request("double", 21, Integer.class).await(WAIT));
            for (int i = 0; i < 100; i++) {
                remote.dispatch("count");
            }
            await().atMost(WAIT).until(() -> handled.get() == 100);
        }
    }

    @Test
    void publishesBeyondTheReconnectBufferFailLoudly() throws Exception {
        try (NatsServer server = NatsServer.start();
             NatsBridge caller = NatsBridge.builder().servers(server.url()).prefix("buffer")
                     .reconnectBufferBytes(4096).build()) {
            server.kill();
            await().atMost(WAIT).until(() -> caller.connection().getStatus() != Connection.Status.CONNECTED);
            RemoteEndpoint remote = caller.remote("target");
            BridgeConnectionException e = assertThrows(BridgeConnectionException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    remote.dispatch("count", "x".repeat(100));
                }
            });
            assertTrue(e.getMessage().contains("not published"), e.getMessage());
            assertTrue(remote.stats().refused() >= 1);
            assertTrue(remote.stats().sent() < 1000);
        }
    }

    @Test
    void whenOneNodeOfAClusterIsKilledClientsFailOverAndTrafficContinues() throws Exception {
        List<NatsServer> nodes = NatsServer.cluster(3);
        try {
            AtomicInteger handled = new AtomicInteger();
            try (NatsBridge caller = NatsBridge.builder().servers(nodes.get(0).url(), nodes.get(2).url())
                         .prefix("cluster").build();
                 NatsBridge member = NatsBridge.builder().servers(nodes.get(1).url(), nodes.get(2).url())
                         .prefix("cluster").build();
                 Controller target = Controller.builder("target")
                         .on("count", s -> handled.incrementAndGet())
                         .on("double", Integer.class, n -> n * 2).build()) {
                target.run();
                member.expose("target", target);
                NatsBridgeTest.flush(member);
                RemoteEndpoint remote = caller.remote("target").withRequestTimeout(Duration.ofSeconds(2));
                // Routes form asynchronously: wait until the interest crossed the cluster.
                await().atMost(WAIT).ignoreExceptions().until(() ->
                        remote.request("double", 1, Integer.class).await(WAIT) == 2);
                NatsServer callersNode = nodes.stream().filter(n -> caller.connection().getConnectedUrl()
                        .endsWith(":" + portOf(n))).findFirst().orElseThrow();
                callersNode.kill();
                await().atMost(WAIT).until(() -> caller.connection().getStatus() == Connection.Status.CONNECTED
                        && !caller.connection().getConnectedUrl().endsWith(":" + portOf(callersNode)));
                await().atMost(WAIT).ignoreExceptions().until(() ->
                        remote.request("double", 2, Integer.class).await(WAIT) == 4);
                for (int i = 0; i < 100; i++) {
                    assertEquals(2 * i, remote.request("double", i, Integer.class).await(WAIT));
                }
                for (int i = 0; i < 100; i++) {
                    remote.dispatch("count");
                }
                await().atMost(WAIT).until(() -> handled.get() == 100);
            }
        } finally {
            nodes.forEach(NatsServer::close);
        }
    }

    private static int portOf(NatsServer s) {
        String url = s.url();
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
