package dev.eventdriven.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.RemoteHandlerException;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A raw client publishes garbage, oversized and hostile messages to an exposed subject and to a
 * source's subject: each is counted, none reaches a handler or stops the loop.
 */
class HostileTrafficTest extends OnOneNatsServer {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A value-codec set of {@code n} lists {@code [a, -31a]}, which all share one hash code. */
    private static byte[] collidingSet(int n) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(14); // LIST: the call [eventId, value, context, args]
        out.writeInt(4);
        out.writeByte(12); // STRING "note"
        out.writeInt(4);
        out.write("note".getBytes(StandardCharsets.UTF_8));
        out.writeByte(15); // SET of n
        out.writeInt(n);
        for (int a = 0; a < n; a++) {
            out.writeByte(14);
            out.writeInt(2);
            out.writeByte(5);
            out.writeInt(a);
            out.writeByte(5);
            out.writeInt(-31 * a);
        }
        out.writeByte(0); // context null
        out.writeByte(14);
        out.writeInt(0);
        return bytes.toByteArray();
    }

    @Test
    @SuppressWarnings("try") // the raw client's close() may throw InterruptedException
    void garbageAndOversizedMessagesAreCountedAndTheControllerKeepsWorking() throws Exception {
        List<Object> handled = new CopyOnWriteArrayList<>();
        try (NatsBridge member = NatsBridge.builder().servers(server.url()).prefix("hostile")
                     .maxMessageBytes(64 * 1024).build();
             NatsBridge caller = NatsBridge.builder().servers(server.url()).prefix("hostile").build();
             Controller target = Controller.builder("target")
                     .on("note", s -> handled.add(s.value()))
                     .on("double", Integer.class, n -> n * 2).build();
             Connection raw = Nats.connect(server.url())) {
            target.run();
            Exposure exposure = member.expose("target", target);
            List<ForwardingPacket> packets = new CopyOnWriteArrayList<>();
            Controller listener = Controller.builder("listener").on("done", ForwardingPacket.class, packets::add)
                    .build();
            listener.run();
            listener.listen(member.source("console"), List.of("done"), "l");
            NatsBridgeTest.flush(member);

            String subject = "hostile.ep.target";
            Random random = new Random(7);
            int garbage = 0;
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                raw.publish(subject, junk);
                raw.publish("hostile.ev.console", junk);
                garbage++;
            }
            raw.publish(subject, new byte[0]);
            raw.publish(subject, new byte[200 * 1024]); // bigger than the member's 64 KiB
            raw.publish(subject, collidingSet(20_000)); // refused by the codec's key rules, quickly
            garbage += 3;
            Message answer = raw.request(subject, "not a value".getBytes(StandardCharsets.UTF_8), WAIT);
            garbage++;
            raw.flush(WAIT);

            int expected = garbage;
            await().atMost(WAIT).until(() -> exposure.stats().decodeFailures() == expected);
            await().atMost(WAIT).until(() -> member.source("console").stats().decodeFailures() == 200);
            assertEquals(List.of(), handled);
            assertEquals(List.of(), packets);
            assertTrue(answer.getData().length > 0, "a garbage request is answered with the failure");

            // The controller and the exposure keep working.
            assertEquals(42, caller.remote("target").request("double", 21, Integer.class).await(WAIT));
            assertEquals(garbage, exposure.stats().decodeFailures());
            listener.close();
        }
    }

    @Test
    @SuppressWarnings("try") // the raw client's close() may throw InterruptedException
    void aGarbageReplyFailsItsRequestClearly() throws Exception {
        try (NatsBridge caller = NatsBridge.builder().servers(server.url()).prefix("hostile2").build();
             Connection raw = Nats.connect(server.url())) {
            io.nats.client.Dispatcher liar = raw.createDispatcher(m -> raw.publish(m.getReplyTo(), new byte[] {99}));
            liar.subscribe("hostile2.ep.liar");
            raw.flush(WAIT);
            EventFailedException e = assertThrows(EventFailedException.class,
                    () -> caller.remote("liar").request("x").await(WAIT));
            BridgeException cause = assertInstanceOf(BridgeException.class, e.getCause());
            assertTrue(cause.getMessage().contains("does not decode"), cause.getMessage());
            assertEquals(1, caller.remote("liar").stats().decodeFailures());
        }
    }

    @Test
    void aRequestThatTheTargetRefusesIsAnsweredWithTheRefusalAndAClosedTargetEndsItsExposure() throws Exception {
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        try (NatsBridge member = NatsBridge.builder().servers(server.url()).prefix("hostile3").build();
             NatsBridge caller = NatsBridge.builder().servers(server.url()).prefix("hostile3").build()) {
            Controller full = Controller.builder("full").queueCapacity(1).overflowPolicy(dev.eventdriven.OverflowPolicy.FAIL)
                    .on("x", s -> {
                        return hold.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    }).build();
            full.run();
            Exposure exposure = member.expose("full", full);
            NatsBridgeTest.flush(member);
            RemoteEndpoint remote = caller.remote("full");
            var running = remote.request("x"); // taken first (one subject, one publisher: in order), then waits
            List<dev.eventdriven.Pending<List<Object>>> more = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                more.add(remote.request("x"));
            }
            // The queue holds one or a few of them; the others are refused, and the refusal travels back.
            await().atMost(WAIT).until(() -> more.stream().anyMatch(dev.eventdriven.Pending::isCompletedExceptionally));
            dev.eventdriven.Pending<List<Object>> refused = more.stream()
                    .filter(dev.eventdriven.Pending::isCompletedExceptionally).findFirst().orElseThrow();
            EventFailedException e = assertThrows(EventFailedException.class, () -> refused.await(WAIT));
            RemoteHandlerException refusal = assertInstanceOf(RemoteHandlerException.class, e.getCause());
            assertEquals("dev.eventdriven.RejectedEventException", refusal.remoteClassName());
            hold.countDown();
            assertEquals(List.of(true), running.await(WAIT));
            long answered = more.stream().filter(p -> {
                try {
                    return p.await(WAIT).equals(List.of(true));
                } catch (EventFailedException failed) {
                    return false;
                }
            }).count();
            assertEquals(10, answered + exposure.stats().refused(), "each request answered or refused");
            assertTrue(exposure.stats().refused() >= 1);

            // Closing the processor ends its exposure: nobody answers the name any more.
            full.close();
            EventFailedException gone = assertThrows(EventFailedException.class,
                    () -> remote.request("x").await(WAIT));
            assertInstanceOf(NoResponderException.class, gone.getCause());
            assertThrows(dev.eventdriven.IllegalControllerStateException.class, () -> member.expose("full", full));
        }
    }

    @Test
    void garbageStoredInADurableStreamIsCountedTerminatedAndTheNextEventsAreHandled() throws Exception {
        List<Object> handled = new CopyOnWriteArrayList<>();
        try (NatsBridge member = NatsBridge.builder().servers(server.url()).prefix("hostile4").build();
             Controller target = Controller.builder("target").on("note", s -> handled.add(s.value())).build()) {
            target.run();
            Exposure exposure = member.expose("jobs", target, Durability.defaults());
            io.nats.client.JetStream js = member.connection().jetStream();
            js.publish("hostile4.dq.jobs", new byte[] {1, 2, 3});
            js.publish("hostile4.dq.jobs", "junk".getBytes(StandardCharsets.UTF_8));
            member.durable("jobs").store("note", "fine", "m-1").get(10, java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> handled.size() == 1);
            assertEquals(List.of("fine"), handled);
            assertEquals(2, exposure.stats().decodeFailures());
            // Terminated, not redelivered: the stream (a work queue) is empty once the good one is acknowledged.
            await().atMost(WAIT).until(() -> member.connection().jetStreamManagement()
                    .getStreamInfo("ED_hostile4_jobs").getStreamState().getMsgCount() == 0);
        }
    }

    @Test
    void aMemberDoesNotRunAgainAnEventRedeliveredWhileItsHandlersStillRun() throws Exception {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        try (NatsBridge member = NatsBridge.builder().servers(server.url()).prefix("hostile5").build();
             Controller slow = Controller.builder("slow").on("job", s -> {
                 runs.incrementAndGet();
                 long end = System.nanoTime() + 1_500_000_000L; // longer than the 1 s acknowledgement wait
                 while (System.nanoTime() < end) {
                     Thread.onSpinWait();
                 }
             }).build()) {
            slow.run();
            Exposure exposure = member.expose("jobs", slow, Durability.defaults().withAckWait(Duration.ofSeconds(1)));
            member.durable("jobs").store("job", 1, "once").get(10, java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> exposure.stats().redeliveries() >= 1);
            await().atMost(WAIT).until(() -> member.connection().jetStreamManagement()
                    .getStreamInfo("ED_hostile5_jobs").getStreamState().getMsgCount() == 0);
            assertEquals(1, runs.get());
            assertTrue(exposure.stats().duplicates() >= 1, exposure.stats().toString());
        }
    }

    @Test
    @SuppressWarnings("try") // the raw client's close() may throw InterruptedException
    void aMessageThatDoesNotDecodeIsAFlightRecorderEvent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("decode.jfr");
        try (NatsBridge member = NatsBridge.builder().servers(server.url()).prefix("hostile6").build();
             Controller target = Controller.builder("target").on("x", s -> { }).build();
             Connection raw = Nats.connect(server.url());
             jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
            target.run();
            Exposure exposure = member.expose("target", target);
            NatsBridgeTest.flush(member);
            recording.enable("dev.eventdriven.BridgeDecodeFailed");
            recording.start();
            raw.publish("hostile6.ep.target", new byte[] {99, 1, 2});
            raw.flush(WAIT);
            await().atMost(WAIT).until(() -> exposure.stats().decodeFailures() == 1);
            recording.stop();
            recording.dump(file);
        }
        List<jdk.jfr.consumer.RecordedEvent> events = jdk.jfr.consumer.RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dev.eventdriven.BridgeDecodeFailed")).toList();
        assertEquals(1, events.size(), events.toString());
        jdk.jfr.consumer.RecordedEvent e = events.get(0);
        assertEquals("nats", e.getString("bridge"));
        assertEquals("exposure 'target'", e.getString("endpoint"));
        assertEquals("hostile6.ep.target", e.getString("channel"));
        assertEquals(3, e.getLong("size"));
        assertTrue(e.getString("message").contains("unknown value tag 99"), e.getString("message"));
    }
}
