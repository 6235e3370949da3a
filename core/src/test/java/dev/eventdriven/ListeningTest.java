package dev.eventdriven;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ListeningTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    @Test
    void aListenerReceivesAllowedEventsAsForwardingPackets() {
        List<Object> received = new CopyOnWriteArrayList<>();
        Controller a = controllers.run(Controller.builder("a").on("cpy", s -> "a handled"));
        Controller b = controllers.run(Controller.builder("b").on("cpy", s -> received.add(s.value())));
        b.listen(a, List.of("cpy"), "copy");

        a.dispatch("cpy", "hhhh", Map.of("a_ctx", "ok"));
        a.dispatch("not-allowed", "x");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertEquals(new ForwardingPacket("cpy", "hhhh", Map.of("a_ctx", "ok"), "copy", "a", List.of("a")), received.get(0));
        assertTrue(a.awaitDrained(TestControllers.WAIT));
        assertTrue(b.awaitDrained(TestControllers.WAIT));
        assertEquals(1, received.size());
    }

    @Test
    void listeningTwiceToTheSameControllerFails() {
        Controller a = controllers.run(Controller.builder("a2"));
        Controller b = controllers.run(Controller.builder("b2"));
        b.listen(a, List.of("e"), "first");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.listen(a, List.of("e"), "again"));
        assertEquals("'b2' already listens to 'a2' (as 'first'); close that listening first",
                e.getMessage());
    }

    @Test
    void closingOrUnlisteningStopsTheForwarding() {
        List<Object> received = new CopyOnWriteArrayList<>();
        Controller a = controllers.run(Controller.builder("a3"));
        Controller b = controllers.run(Controller.builder("b3").on("e", s -> received.add(s.value())));
        Listening l = b.listen(a, List.of("e"), "l");
        a.dispatch("e", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        l.close();
        a.dispatch("e", 2);
        assertTrue(a.awaitDrained(TestControllers.WAIT));

        b.listen(a, List.of("e"), "again");
        assertTrue(b.unlisten(a));
        a.dispatch("e", 3);
        assertTrue(a.awaitDrained(TestControllers.WAIT));
        assertTrue(b.awaitDrained(TestControllers.WAIT));
        assertEquals(1, received.size());
    }

    @Test
    void aQueueCanListen() throws Exception {
        LinkedBlockingQueue<ForwardingPacket> queue = new LinkedBlockingQueue<>();
        Controller a = controllers.run(Controller.builder("a4"));
        a.listenedBy(queue, List.of("e"), "q");
        a.dispatch("e", 1);
        ForwardingPacket p = queue.poll(10, TimeUnit.SECONDS);
        assertEquals(new ForwardingPacket("e", 1, Map.of(), "q", "a4", List.of("a4")), p);
        assertThrows(IllegalArgumentException.class, () -> a.listenedBy(queue, List.of("e"), "q"));
    }

    @Test
    void anEmptyAllowListIsRefused() {
        Controller a = controllers.run(Controller.builder("a5"));
        Controller b = controllers.run(Controller.builder("b5"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.listen(a, List.of(), "x"));
        assertEquals("allow: [] (expected: a non-empty collection of event ids)", e.getMessage());
    }

    @Test
    void aClosedListenerIsDroppedWithoutDisturbingTheSource() {
        Controller a = controllers.run(Controller.builder("a6").on("e", s -> "a"));
        Controller b = controllers.run(Controller.builder("b6"));
        b.listen(a, List.of("e"), "l");
        b.shutdown();
        assertTrue(b.awaitTermination(TestControllers.WAIT));
        assertEquals(List.of("a"), a.request("e").await(TestControllers.WAIT));
        assertEquals(List.of("a"), a.request("e").await(TestControllers.WAIT));
    }

    @Test
    void aCycleOfThreeListeningsHandlesOneDispatchOnceEach() {
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> handled = new java.util.concurrent.ConcurrentHashMap<>();
        List<ForwardingPacket> atA = new CopyOnWriteArrayList<>();
        Controller[] ring = new Controller[3];
        String[] names = {"ring-a", "ring-b", "ring-c"};
        for (int i = 0; i < 3; i++) {
            String name = names[i];
            ring[i] = controllers.run(Controller.builder(name).on("news", s -> {
                handled.computeIfAbsent(name, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                if (s.value() instanceof ForwardingPacket p && name.equals("ring-a")) {
                    atA.add(p);
                }
            }));
        }
        ring[1].listen(ring[0], List.of("news"), "a-to-b");
        ring[2].listen(ring[1], List.of("news"), "b-to-c");
        ring[0].listen(ring[2], List.of("news"), "c-to-a");

        ring[1].dispatch("news", "extra");
        ring[0].dispatch("news", "hello");

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.values().stream().mapToInt(
                java.util.concurrent.atomic.AtomicInteger::get).sum() == 3 + 3);
        for (int round = 0; round < 3; round++) {
            for (Controller c : ring) {
                assertTrue(c.awaitDrained(TestControllers.WAIT));
            }
        }
        // "hello" from a: a, b, c once each; "extra" from b: b, c, a once each
        for (String name : names) {
            assertEquals(2, handled.get(name).get(), name);
        }
        assertEquals(1, atA.size());
        assertEquals(new ForwardingPacket("news", "extra", Map.of(), "c-to-a", "ring-c", List.of("ring-b", "ring-c")),
                atA.get(0));
    }
}
