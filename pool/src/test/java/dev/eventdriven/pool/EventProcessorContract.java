package dev.eventdriven.pool;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerState;
import dev.eventdriven.ErrorHandler;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.HandlerFailure;
import dev.eventdriven.Pending;
import dev.eventdriven.TypeMismatchException;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.mapping.HandlerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link EventProcessor} keeps, written once and run against each kind: a
 * controller, a pool, a pool of one worker. It lives in the pool module's tests because that is the
 * first module that sees both kinds.
 */
@Timeout(60)
abstract class EventProcessorContract {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final List<EventProcessor> made = new ArrayList<>();
    private final List<Controller> helpers = new ArrayList<>();

    /** What a test may set on the processor it builds; each kind maps it onto its own builder. */
    interface Spec {
        Spec handlers(Consumer<HandlerRegistry<?>> registrations);

        Spec adapter(Adapter adapter);

        Spec errorHandler(ErrorHandler handler);

        Spec blockedLoopThreshold(Duration threshold);

        Spec daemon(boolean on);

        Spec closeTimeout(Duration timeout);

        Spec threadFactory(ThreadFactory factory);

        EventProcessor build();
    }

    /**
     * Starts a spec of the kind under test.
     *
     * @param name the processor's name
     * @return the spec
     */
    protected abstract Spec spec(String name);

    private EventProcessor track(EventProcessor p) {
        made.add(p);
        return p;
    }

    private EventProcessor started(Spec spec) {
        EventProcessor p = track(spec.build());
        p.run();
        return p;
    }

    private Controller helper(Controller c) {
        helpers.add(c);
        c.run();
        return c;
    }

    @AfterEach
    void stopEverything() {
        for (EventProcessor p : made) {
            p.shutdownNow();
            assertTrue(p.awaitTermination(WAIT), p.name() + " did not terminate");
        }
        for (Controller c : helpers) {
            c.shutdownNow();
            assertTrue(c.awaitTermination(WAIT), c.name() + " did not terminate");
        }
    }

    // ------------------------------------------------------------------ results

    @Test
    void requestGivesTheHandlersReturnsInRegistrationOrder() {
        EventProcessor p = started(spec("order").handlers(r -> r.on("e", s -> "first").on("e", s -> "second")));

        assertEquals(List.of("first", "second"), p.request("e").await(WAIT));
    }

    @Test
    void typedResultsAndTypedValues() {
        EventProcessor p = started(spec("typed").handlers(r -> r.on("greet", String.class, name -> "hello " + name)));

        assertEquals("hello Ada", p.request("greet", "Ada", String.class).await(WAIT));
        assertEquals("hello Ada", p.request("greet", "Ada").first(CharSequence.class).await(WAIT));

        EventFailedException wrongResult = assertThrows(EventFailedException.class,
                () -> p.request("greet", "Ada", Integer.class).await(WAIT));
        assertEquals("event greet: the first result is a java.lang.String (expected: java.lang.Integer)",
                assertInstanceOf(TypeMismatchException.class, wrongResult.getCause()).getMessage());

        EventFailedException wrongValue = assertThrows(EventFailedException.class,
                () -> p.request("greet", 42).await(WAIT));
        String message = assertInstanceOf(TypeMismatchException.class, wrongValue.getCause()).getMessage();
        assertTrue(message.matches("handler registered at dev\\.eventdriven\\.pool\\.EventProcessorContract\\..*"
                + "\\(EventProcessorContract\\.java:\\d+\\) for event greet takes a java\\.lang\\.String;"
                + " the value of event greet is a java\\.lang\\.Integer"), message);
    }

    @Test
    void actionsReturnNothingAndTypedAccessSaysSo() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        EventProcessor p = started(spec("actions").handlers(r -> r
                .on("tick", s -> seen.add(s.value()))
                .on("order", Integer.class, n -> seen.add(n * 10))));

        assertEquals(java.util.Collections.singletonList(null), p.request("tick", 1).await(WAIT));
        assertEquals(java.util.Collections.singletonList(null), p.request("order", 2).await(WAIT));
        assertEquals(List.of(1, 20), seen);
        EventFailedException e = assertThrows(EventFailedException.class,
                () -> p.request("tick", 3, String.class).await(WAIT));
        assertTrue(assertInstanceOf(TypeMismatchException.class, e.getCause()).getMessage()
                .startsWith("event tick: the first handler returns nothing (expected: a java.lang.String)"));
        assertEquals(null, p.request("tick", 4, Void.class).await(WAIT));
    }

    @Test
    void callersCannotCompleteOrObtrudeAResult() {
        CountDownLatch release = new CountDownLatch(1);
        EventProcessor p = started(spec("forge").handlers(r -> r.on("e", s -> {
            release.await(10, TimeUnit.SECONDS);
            return "real";
        })));
        Pending<List<Object>> result = p.request("e");
        assertFalse(((Object) result) instanceof CompletableFuture, "a Pending must not be a CompletableFuture");
        assertFalse(((Object) result.thenApply(x -> x)) instanceof CompletableFuture);

        CompletableFuture<List<Object>> copy = result.toCompletableFuture();
        assertTrue(copy.complete(List.of("forged")));
        result.toCompletableFuture().obtrudeValue(List.of("obtruded"));
        assertFalse(result.isDone());
        release.countDown();

        assertEquals(List.of("real"), result.await(WAIT));
        assertEquals(List.of("real"), result.toCompletableFuture().join());
        assertEquals(List.of("forged"), copy.join());
    }

    // ------------------------------------------------------------------ cancellation

    @Test
    void cancellingAnEventNotYetTakenRemovesIt() {
        AtomicInteger ran = new AtomicInteger();
        EventProcessor p = track(spec("cancel").handlers(r -> r.on("e", s -> ran.incrementAndGet())).build());
        p.run(null, true);
        Pending<List<Object>> cancelled = p.request("e", 1);
        Pending<List<Object>> kept = p.request("e", 2);

        assertTrue(cancelled.cancel(true));
        assertTrue(cancelled.isCancelled());
        p.resume();

        kept.await(WAIT);
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, ran.get(), "the cancelled event's handler must not run");
        assertEquals(1, p.stats().cancelled());
        EventFailedException e = assertThrows(EventFailedException.class, () -> cancelled.await(WAIT));
        assertInstanceOf(CancellationException.class, e.getCause());
    }

    @Test
    void cancellingAnEventWhoseHandlerRunsIsRefused() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventProcessor p = started(spec("no-cancel").handlers(r -> r.on("e", s -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "done";
        })));
        Pending<List<Object>> result = p.request("e");
        assertTrue(started.await(10, TimeUnit.SECONDS));

        assertFalse(result.cancel(true));
        assertFalse(result.thenApply(x -> x).cancel(true), "a derived stage cancels the same event");
        release.countDown();

        assertEquals(List.of("done"), result.await(WAIT));
        assertEquals(0, p.stats().cancelled());
    }

    @Test
    void cancelRacingTheLoopEitherRemovesTheEventOrLetsItRunNeverBoth() throws Exception {
        Map<Integer, Integer> runs = new ConcurrentHashMap<>();
        EventProcessor p = started(spec("cancel-race").handlers(r -> r.on("e", Integer.class,
                n -> runs.merge(n, 1, Integer::sum))));
        int threads = 4;
        int perThread = 5_000;
        List<List<Pending<List<Object>>>> all = new ArrayList<>();
        List<boolean[]> cancels = new ArrayList<>();
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Pending<List<Object>>> mine = new ArrayList<>();
            boolean[] cancelledByMe = new boolean[perThread];
            all.add(mine);
            cancels.add(cancelledByMe);
            int base = t * perThread;
            Random random = new Random(t);
            producers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    Pending<List<Object>> r = p.request("e", base + i);
                    mine.add(r);
                    if (random.nextInt(3) == 0) {
                        if (random.nextBoolean()) {
                            Thread.onSpinWait();
                        }
                        cancelledByMe[i] = r.cancel(false);
                    }
                }
            }));
        }
        producers.forEach(Thread::start);
        for (Thread t : producers) {
            t.join();
        }
        assertTrue(p.awaitDrained(WAIT));
        assertTrue(p.awaitIdle(WAIT));

        long cancelled = 0;
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                int n = t * perThread + i;
                Pending<List<Object>> r = all.get(t).get(i);
                assertTrue(r.isDone());
                if (cancels.get(t)[i]) {
                    cancelled++;
                    assertTrue(r.isCancelled());
                    assertEquals(null, runs.get(n), "cancelled event " + n + " ran");
                } else {
                    assertFalse(r.isCancelled());
                    assertEquals(1, runs.get(n), "event " + n + " ran " + runs.get(n) + " times");
                }
            }
        }
        assertEquals(cancelled, p.stats().cancelled());
        assertEquals(threads * perThread - cancelled, runs.size());
    }

    // ------------------------------------------------------------------ closing and state

    @Test
    void closeShutsDownGracefullyAndWaits() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        AtomicInteger handled = new AtomicInteger();
        EventProcessor p = track(spec("close").threadFactory(r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        }).handlers(reg -> reg.on("e", s -> handled.incrementAndGet())).build());
        try (p) {
            p.run();
            for (int i = 0; i < 100; i++) {
                p.dispatch("e", i);
            }
        }
        assertEquals(100, handled.get());
        assertEquals(ControllerState.TERMINATED, p.state());
        assertFalse(threads.isEmpty());
        threads.forEach(t -> assertFalse(t.isAlive(), t.getName() + " outlived close()"));
    }

    @Test
    void closeForcesAHandlerThatDoesNotReturnAfterItsTimeout() {
        CountDownLatch started = new CountDownLatch(1);
        List<Throwable> interrupted = new CopyOnWriteArrayList<>();
        EventProcessor p = started(spec("close-forced").closeTimeout(Duration.ofMillis(100)).handlers(r -> r
                .on("stuck", s -> {
                    started.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.add(e);
                    }
                })));
        p.dispatch("stuck");
        await().atMost(WAIT).until(() -> started.getCount() == 0);

        assertTimeoutPreemptively(WAIT, p::close);

        assertEquals(ControllerState.TERMINATED, p.state());
        assertEquals(1, interrupted.size());
    }

    @Test
    void loopThreadsAreDaemonThreadsOnlyWhenAsked() {
        EventProcessor plain = started(spec("not-daemon").handlers(r -> r.on("d", s -> {
            return Thread.currentThread().isDaemon();
        })));
        EventProcessor daemon = started(spec("daemon").daemon(true).handlers(r -> r.on("d", s -> {
            return Thread.currentThread().isDaemon();
        })));

        assertEquals(false, plain.request("d", null, Boolean.class).await(WAIT));
        assertEquals(true, daemon.request("d", null, Boolean.class).await(WAIT));
    }

    @Test
    void awaitTerminationOnANewProcessorReturnsAtOnce() {
        EventProcessor p = track(spec("never-run").build());

        assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> p.awaitTermination(Duration.ofSeconds(60))));
    }

    @Test
    void awaitTerminationReturnsOnlyOnceEveryLoopThreadHasEnded() {
        for (int round = 0; round < 100; round++) {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            EventProcessor p = track(spec("ended-" + round).threadFactory(r -> {
                Thread t = new Thread(r);
                threads.add(t);
                return t;
            }).handlers(reg -> reg.on("e", s -> "ok")).build());
            p.run();
            p.request("e").await(WAIT);
            p.shutdown();

            assertTrue(p.awaitTermination(WAIT));
            for (Thread t : threads) {
                assertFalse(t.isAlive(), "round " + round + ": " + t.getName() + " alive after awaitTermination");
            }
        }
    }

    @Test
    void isIdleAgreesWithAwaitIdleAdaptersIncluded() {
        BusyAdapter busy = new BusyAdapter();
        EventProcessor p = started(spec("idle").adapter(busy).handlers(r -> r.on("e", s -> "ok")));
        p.request("e").await(WAIT);

        assertFalse(p.isIdle());
        assertFalse(p.awaitIdle(Duration.ofMillis(50)));

        busy.finish();
        assertTrue(p.awaitIdle(WAIT));
        assertTrue(p.isIdle());
    }

    /** An adapter with work in flight until {@link #finish()}. */
    public static final class BusyAdapter implements Adapter {
        private volatile boolean idle;
        private volatile AdapterContext context;

        @Override
        public void setup(AdapterContext c) {
            this.context = c;
        }

        void finish() {
            idle = true;
            context.signal();
        }

        @Override
        public boolean isIdle() {
            return idle;
        }
    }

    // ------------------------------------------------------------------ failures

    @Test
    void theErrorHandlerHearsOfEveryFailureWithWhetherTheResultIsObserved() {
        List<HandlerFailure> failures = new CopyOnWriteArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        EventProcessor p = track(spec("errors").errorHandler(failures::add).handlers(r -> r
                .on("bad", s -> {
                    throw boom;
                })).build());
        p.run(null, true);
        p.dispatch("bad", 1);
        Pending<Object> observed = p.request("bad", 2).thenApply(r -> r);
        p.resume();

        assertThrows(EventFailedException.class, () -> observed.await(WAIT));
        await().atMost(WAIT).until(() -> failures.size() == 2);
        HandlerFailure unobserved = failures.stream().filter(f -> f.value().equals(1)).findFirst().orElseThrow();
        HandlerFailure seen = failures.stream().filter(f -> f.value().equals(2)).findFirst().orElseThrow();
        assertFalse(unobserved.observed());
        assertTrue(seen.observed());
        assertSame(boom, unobserved.error());
        assertEquals("bad", unobserved.eventId());
        assertTrue(unobserved.controller().startsWith("errors"), unobserved.controller());
        assertTrue(unobserved.handler().contains("EventProcessorContract"), unobserved.handler());
    }

    @Test
    void aHandlerThatRunsPastTheThresholdIsReportedOnce() {
        CountDownLatch release = new CountDownLatch(1);
        EventProcessor p = started(spec("blocked").blockedLoopThreshold(Duration.ofMillis(100)).handlers(r -> r
                .on("block", s -> {
                    return release.await(20, TimeUnit.SECONDS);
                })));
        Pending<List<Object>> result = p.request("block");

        await().atMost(WAIT).until(() -> p.stats().blocked() == 1);
        release.countDown();
        assertEquals(List.of(true), result.await(WAIT));
        p.request("block").await(WAIT);
        assertEquals(1, p.stats().blocked());
    }

    // ------------------------------------------------------------------ listening

    @Test
    void aControllerListensToThisProcessor() {
        List<Object> received = new CopyOnWriteArrayList<>();
        EventProcessor p = started(spec("source").handlers(r -> r.on("done", s -> "handled")));
        Controller watcher = helper(Controller.builder("watcher").on("done", s -> received.add(s.value())).build());
        watcher.listen(p, List.of("done"), "stats");

        p.dispatch("done", 7, Map.of("k", "v"));

        await().atMost(WAIT).until(() -> received.size() == 1);
        assertEquals(new ForwardingPacket("done", 7, Map.of("k", "v"), "stats", p.name(), List.of(p.name())),
                received.get(0));
        assertTrue(watcher.unlisten(p));
        p.request("done", 8).await(WAIT);
        assertTrue(watcher.awaitDrained(WAIT));
        assertEquals(1, received.size());
    }

    @Test
    void thisProcessorListensToAController() {
        List<Object> received = new CopyOnWriteArrayList<>();
        Controller source = helper(Controller.builder("job-source").on("job", s -> "queued").build());
        EventProcessor p = started(spec("job-sink").handlers(r -> r.on("job", s -> received.add(s.value()))));
        p.listen(source, List.of("job"), "jobs");

        source.dispatch("job", 3);

        await().atMost(WAIT).until(() -> received.size() == 1);
        ForwardingPacket packet = (ForwardingPacket) received.get(0);
        assertEquals(List.of(3, "job-source", "jobs"), List.of(packet.value(), packet.source(), packet.listener()));
        assertThrows(IllegalArgumentException.class, () -> p.listen(source, List.of("job"), "again"));
    }

    @Test
    void listeningToEachOtherHandlesOneDispatchOnceOnEachSide() {
        AtomicInteger onProcessor = new AtomicInteger();
        AtomicInteger onController = new AtomicInteger();
        EventProcessor p = started(spec("ping-a").handlers(r -> r.on("ping", s -> onProcessor.incrementAndGet())));
        Controller b = helper(Controller.builder("ping-b").on("ping", s -> onController.incrementAndGet()).build());
        b.listen(p, List.of("ping"), "to-b");
        p.listen(b, List.of("ping"), "to-a");

        p.dispatch("ping", 1);

        await().atMost(WAIT).until(() -> onController.get() == 1);
        for (int i = 0; i < 3; i++) {
            assertTrue(p.awaitDrained(WAIT));
            assertTrue(b.awaitDrained(WAIT));
        }
        assertEquals(1, onProcessor.get());
        assertEquals(1, onController.get());
        assertEquals(1, b.stats().handled());
    }

    // ------------------------------------------------------------------ arguments

    @Test
    void badArgumentsAreRefusedNamingThem() {
        EventProcessor p = started(spec("args"));

        assertEquals("eventId: null (expected: a non-null id)",
                assertThrows(IllegalArgumentException.class, () -> p.dispatch(null)).getMessage());
        assertEquals("type: null (expected: not null)",
                assertThrows(IllegalArgumentException.class, () -> p.request("e", 1, (Class<?>) null)).getMessage());
        assertEquals("source: null (expected: not null)",
                assertThrows(IllegalArgumentException.class, () -> p.listen(null, List.of("e"), "n")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.listenedBy(new java.util.concurrent
                .LinkedBlockingQueue<>(), List.of(), "n")).getMessage().startsWith("allow: []"));
        assertEquals("timeout: PT-1S (expected: a duration >= 0)",
                assertThrows(IllegalArgumentException.class, () -> p.awaitIdle(Duration.ofSeconds(-1))).getMessage());
        assertEquals("task: null (expected: not null)",
                assertThrows(IllegalArgumentException.class, () -> p.execute(null)).getMessage());
    }
}
