package dev.eventdriven.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.Pending;
import dev.eventdriven.RemoteHandlerException;
import dev.eventdriven.TypeMismatchException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A remote endpoint against an exposed controller, over a real nats-server: two bridges on two
 * connections stand for the two JVMs (the member JVM tests use real processes).
 */
class NatsBridgeTest extends OnOneNatsServer {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private NatsBridge caller;
    private NatsBridge member;
    private Controller billing;
    private Exposure exposure;

    @BeforeEach
    void expose(TestInfo test) {
        String prefix = "t" + Math.abs(test.getDisplayName().hashCode());
        caller = NatsBridge.builder().servers(server.url()).prefix(prefix).build();
        member = NatsBridge.builder().servers(server.url()).prefix(prefix).build();
        billing = Controller.builder("billing")
                .on("double", Integer.class, n -> n * 2)
                .on("greet", String.class, name -> "hello " + name)
                .on("note", s -> seen.add(s.value() + " " + s.get("user") + " " + s.args()))
                .on("charge", String.class, who -> {
                    throw new IllegalStateException("no credit for " + who, new ArithmeticException("balance < 0"));
                })
                .on("slow", s -> {
                    return release.await(10, TimeUnit.SECONDS);
                })
                .build();
        billing.run();
        exposure = member.expose("billing", billing);
        flush(member);
    }

    static void flush(NatsBridge bridge) {
        try {
            bridge.connection().flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void close() {
        release.countDown();
        caller.close();
        member.close();
        billing.close();
    }

    @Test
    void aRequestReturnsTheRemoteHandlersResultsTypedAccessIncluded() {
        RemoteEndpoint remote = caller.remote("billing");
        assertEquals(42, remote.request("double", 21, Integer.class).await(WAIT));
        assertEquals(List.of("hello Ada"), remote.request("greet", "Ada").await(WAIT));
        Pending<Integer> wrong = remote.request("greet", "Ada", Integer.class);
        EventFailedException e = assertThrows(EventFailedException.class, () -> wrong.await(WAIT));
        assertInstanceOf(TypeMismatchException.class, e.getCause());
        // The first handler of "note" is an action: typed access says so across the bridge too.
        Pending<String> action = remote.request("note", "x", String.class);
        e = assertThrows(EventFailedException.class, () -> action.await(WAIT));
        TypeMismatchException slip = assertInstanceOf(TypeMismatchException.class, e.getCause());
        assertTrue(slip.getMessage().contains("returns nothing"), slip.getMessage());
        assertEquals(4, remote.stats().replies());
        await().atMost(WAIT).until(() -> exposure.stats().replies() == 4); // counted after its publish returns
    }

    @Test
    void anEventCarriesItsValueContextAndArguments() {
        RemoteEndpoint remote = caller.remote("billing");
        remote.dispatch("note", "paid", Map.of("user", "ann"), 7, "x");
        await().atMost(WAIT).until(() -> seen.size() == 1);
        assertEquals("paid ann [7, x]", seen.get(0));
        assertEquals(1, remote.stats().sent());
        await().atMost(WAIT).until(() -> exposure.stats().received() == 1);
    }

    @Test
    void aRemoteHandlersExceptionComesBackWithClassMessageStackTraceAndCause() {
        Pending<List<Object>> p = caller.remote("billing").request("charge", "bob");
        EventFailedException e = assertThrows(EventFailedException.class, () -> p.await(WAIT));
        RemoteHandlerException remote = assertInstanceOf(RemoteHandlerException.class, e.getCause());
        assertEquals(IllegalStateException.class.getName(), remote.remoteClassName());
        assertEquals("no credit for bob", remote.remoteMessage());
        assertTrue(Arrays.stream(remote.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(
                NatsBridgeTest.class.getName())), "the remote stack trace names the handler's class");
        assertEquals(ArithmeticException.class.getName(), remote.getCause().remoteClassName());
        assertEquals("balance < 0", remote.getCause().remoteMessage());
    }

    @Test
    void noResponderTimeoutAndClosedConnectionAreDistinctClearFailures() {
        Pending<List<Object>> nobody = caller.remote("nobody").request("x");
        EventFailedException e = assertThrows(EventFailedException.class, () -> nobody.await(WAIT));
        assertInstanceOf(NoResponderException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("'nobody'"), e.getCause().getMessage());

        RemoteEndpoint impatient = caller.remote("billing").withRequestTimeout(Duration.ofMillis(300));
        Pending<List<Object>> slow = impatient.request("slow");
        e = assertThrows(EventFailedException.class, () -> slow.await(WAIT));
        RemoteTimeoutException timeout = assertInstanceOf(RemoteTimeoutException.class, e.getCause());
        assertEquals(Duration.ofMillis(300), timeout.timeout());
        assertEquals(1, caller.remote("billing").stats().timeouts());
        release.countDown();

        RemoteEndpoint remote = caller.remote("billing");
        CountDownLatch hold = new CountDownLatch(1);
        Controller stuck = Controller.builder("stuck").on("wait", s -> {
            return hold.await(10, TimeUnit.SECONDS);
        }).build();
        stuck.run();
        member.expose("stuck", stuck);
        flush(member);
        Pending<List<Object>> inFlight = caller.remote("stuck").request("wait");
        caller.close();
        e = assertThrows(EventFailedException.class, () -> inFlight.await(WAIT));
        assertInstanceOf(BridgeConnectionException.class, e.getCause());
        hold.countDown();
        stuck.close();
        assertThrows(IllegalStateException.class, () -> caller.remote("billing"));
        EventFailedException afterClose = assertThrows(EventFailedException.class,
                () -> remote.request("double", 1).await(WAIT));
        assertTrue(afterClose.getCause().getMessage().contains("the bridge is closed"), afterClose.toString());
        assertEquals(1, remote.stats().timeouts(), "the lost connection is not counted as a timeout");
    }

    @Test
    void aValueThatIsNotEncodableOrTooBigFailsAtTheCallAndNothingIsSent() {
        RemoteEndpoint remote = caller.remote("billing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> remote.dispatch("note", new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> remote.request("note", new byte[caller.maxMessageBytes()]));
        assertTrue(e.getMessage().contains("maxMessageBytes = " + caller.maxMessageBytes()), e.getMessage());
        assertEquals(0, remote.stats().sent());
        assertThrows(UnsupportedOperationException.class, () -> remote.execute(() -> { }));
        assertThrows(UnsupportedOperationException.class, () -> remote.submit(() -> 1));
    }

    @Test
    void manyThreadsRequestingAtOnceEachGetTheirOwnAnswer() throws Exception {
        RemoteEndpoint remote = caller.remote("billing");
        int threads = 4;
        int perThread = 500;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            workers.add(new Thread(() -> {
                List<Pending<Integer>> pending = new ArrayList<>();
                java.util.Random random = new java.util.Random(base);
                for (int i = 0; i < perThread; i++) {
                    pending.add(remote.request("double", base + i, Integer.class));
                    if (random.nextInt(50) == 0) {
                        Thread.yield();
                    }
                }
                for (int i = 0; i < perThread; i++) {
                    try {
                        assertEquals(2 * (base + i), pending.get(i).await(WAIT));
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(threads * perThread, remote.stats().replies());
    }

    @Test
    void badArgumentsAreRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> caller.remote("a.b"));
        assertEquals("name: 'a.b' (expected: 1 to 100 of A-Z a-z 0-9 _ -)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> member.expose("x*", billing));
        assertThrows(IllegalArgumentException.class, () -> member.expose("x", null));
        e = assertThrows(IllegalArgumentException.class, () -> NatsBridge.builder().prefix("a..b"));
        assertTrue(e.getMessage().startsWith("prefix: 'a..b'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NatsBridge.builder().maxMessageBytes(10));
        assertThrows(IllegalArgumentException.class, () -> NatsBridge.builder().requestTimeout(Duration.ZERO));
        IllegalStateException both = assertThrows(IllegalStateException.class, () -> NatsBridge.builder()
                .connection(caller.connection()).servers(server.url()).build());
        assertTrue(both.getMessage().startsWith("connection: given, with servers"), both.getMessage());
        assertThrows(IllegalStateException.class, () -> NatsBridge.builder().build());
        BridgeConnectionException none = assertThrows(BridgeConnectionException.class, () -> NatsBridge.builder()
                .servers("nats://127.0.0.1:1").connectionTimeout(Duration.ofMillis(200)).build());
        assertTrue(none.getMessage().contains("nats://127.0.0.1:1"), none.getMessage());
    }

    @Test
    void aBridgeOverAnExistingConnectionLeavesItOpen() {
        NatsBridge over = NatsBridge.builder().connection(member.connection()).prefix(member.prefix()).build();
        assertEquals(42, over.remote("billing").request("double", 21, Integer.class).await(WAIT));
        over.close();
        assertEquals(io.nats.client.Connection.Status.CONNECTED, member.connection().getStatus());
    }

    @Test
    void anExposureIsAnAdapterOfItsProcessorDrawnInItsTopologyAndEndsWithIt() {
        assertEquals(42, caller.remote("billing").request("double", 21, Integer.class).await(WAIT));
        await().atMost(WAIT).until(() -> exposure.stats().replies() == 1);
        String picture = dev.eventdriven.topology.Topology.of(billing).toMermaid();
        assertTrue(picture.contains("nats exposure 'billing'"), picture);
        assertTrue(picture.contains("subject: " + member.prefix() + ".ep.billing"), picture);
        assertTrue(picture.contains("delivery: at most once"), picture);
        assertTrue(picture.contains("replies: 1"), picture);

        exposure.close();
        assertTrue(billing.adapters().get("nats exposure 'billing'").isEmpty(), "closing removes the adapter");
        Pending<List<Object>> none = caller.remote("billing").request("double", 1);
        EventFailedException e = assertThrows(EventFailedException.class, () -> none.await(WAIT));
        assertInstanceOf(NoResponderException.class, e.getCause());
    }
}
