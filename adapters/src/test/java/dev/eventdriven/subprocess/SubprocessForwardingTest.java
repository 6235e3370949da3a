package dev.eventdriven.subprocess;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.EventAction;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.EventHandler;
import dev.eventdriven.HandlerFailure;
import dev.eventdriven.Pending;
import dev.eventdriven.RemoteHandlerException;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.subprocess.testkit.ChildHandlers;
import dev.eventdriven.subprocess.testkit.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Events, tasks and results crossing to one child shared by the tests of this class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class SubprocessForwardingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Controller parent;
    private Subprocess sub;
    private java.nio.file.Path workDir;
    private final List<HandlerFailure> errors = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Object> fromChild = new ConcurrentLinkedQueue<>();

    @BeforeAll
    void startParentAndChild() {
        workDir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        sub = Subprocess.builder(ChildHandlers.class).workers(2)
                .environment("EVENTDRIVEN_TEST_VARIABLE", "from the parent")
                .workingDirectory(workDir)
                .jvmOptions("-Deventdriven.test.property=set")
                .build();
        parent = Controller.builder("forwarding")
                .adapter(sub)
                .on("double", s -> 2 * (Integer) s.value())
                .on("fromChild", s -> fromChild.add(s.value()))
                .on(SystemEvent.ERROR, s -> errors.add((HandlerFailure) s.value()))
                .build();
        parent.run();
    }

    @AfterAll
    void stop() {
        parent.shutdown();
        assertTrue(parent.awaitTermination(WAIT));
    }

    @Test
    void aControllerListensToTheEventsTheChildTakes() {
        List<Object> audit = new CopyOnWriteArrayList<>();
        Controller auditor = Controller.builder("auditor").on("square", s -> audit.add(s.value())).build();
        auditor.run();
        try (auditor) {
            auditor.listen(sub.events(), List.of("square"), "audit");

            assertEquals(List.of(36), parent.request("square", 6, Map.of("k", "v")).await(WAIT));
            parent.request("double", 4).await(WAIT); // handled in the parent: not the child's
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> audit.size() == 1);
            assertEquals(new dev.eventdriven.ForwardingPacket("square", 6, Map.of("k", "v"), "audit",
                    "forwarding-child", List.of("forwarding-child")), audit.get(0));
            assertEquals("forwarding-child", sub.events().name());
            assertTrue(auditor.unlisten(sub.events()));
        }
    }

    @Test
    void anEventTheParentDoesNotHandleIsHandledInTheChild() {
        Pending<List<Object>> p = parent.request("square", 7);
        assertEquals(List.of(49), p.await(WAIT));
    }

    @Test
    void valueContextAndArgumentsReachTheChildHandler() {
        Object answer = parent.request("echo", "v", Map.of("who", "me"), 1, "two").first(Object.class).await(WAIT);
        // the first element is the child handler's return: a list
        assertEquals(List.of("v", "me", List.of(1, "two")), answer);
    }

    @Test
    void theChildRunsInAnotherProcess() {
        long childPid = (Long) parent.request("pid").first(Object.class).await(WAIT);
        assertNotEquals(ProcessHandle.current().pid(), childPid);
        assertEquals(sub.pid(), childPid);
    }

    @Test
    void aNamedTaskRunsInTheChildWithItsArguments() {
        assertEquals(6, parent.submit(new Tasks.Sum(), 1, 2, 3).first(Object.class).await(WAIT));
        assertEquals(sub.pid(), parent.submit(new Tasks.WhereAmI()).first(Object.class).await(WAIT));
    }

    @Test
    void aRecordTaskTravelsWithItsComponents() {
        assertEquals("ababab", parent.submit(new Tasks.Repeat("ab", 3)).first(Object.class).await(WAIT));
    }

    @Test
    void burstsOfCallsFromSeveralThreadsAreAllAnsweredCorrectly() throws Exception {
        // Thousands of frames in flight each way: batched flushes on both sides, frames split across
        // the readers' buffer refills, answers from two child workers out of order.
        int threads = 4;
        int perThread = 5_000;
        List<Thread> callers = new ArrayList<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            callers.add(new Thread(() -> {
                List<Pending<List<Object>>> ps = new ArrayList<>(perThread);
                for (int i = 0; i < perThread; i++) {
                    ps.add(parent.request("square", base + i));
                }
                for (int i = 0; i < perThread; i++) {
                    int v = base + i;
                    Object got = ps.get(i).first(Object.class).await(WAIT);
                    if (!Integer.valueOf(v * v).equals(got)) {
                        wrong.add(v + " -> " + got);
                    }
                }
            }, "caller-" + t));
        }
        callers.forEach(Thread::start);
        for (Thread t : callers) {
            t.join(WAIT.toMillis() * 2);
            assertFalse(t.isAlive(), t.getName() + " still waits for answers");
        }
        assertEquals(List.of(), List.copyOf(wrong));
    }

    @Test
    void anUnencodableValueOfAForwardedEventIsRefusedAtTheCallSiteWhereverItSits() {
        for (Object bad : List.of(new Object(), new java.util.concurrent.atomic.AtomicInteger(1),
                List.of(1, new Object()), Map.of("k", new StringBuilder("x")))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> parent.dispatch("square", bad), bad.getClass().getName());
            assertTrue(e.getMessage().contains("cannot be sent to child process"), e.getMessage());
        }
        assertEquals(List.of(16), parent.request("square", 4).await(WAIT), "plain values still go");
    }

    @Test
    void aLambdaTaskIsRefusedAtTheCallSiteSayingWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parent.submit(() -> 1));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be sent to child process"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parent.execute(() -> { }));
    }

    @Test
    void anUnencodableValueIsRefusedAtTheCallSiteNamingItsType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parent.dispatch("square", new StringBuilder("x")));
        assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
        assertTrue(e.getMessage().contains("expected: null, Boolean"), e.getMessage());
        // an event the parent handles itself is not checked: it never crosses
        assertEquals(List.of(8), parent.request("double", 4).await(WAIT));
    }

    @Test
    void aHandlerExceptionInTheChildFailsThePendingAndDispatchesErrorInTheParent() {
        EventFailedException e = assertThrows(EventFailedException.class,
                () -> parent.request("fail", "x").await(WAIT));
        RemoteHandlerException remote = assertInstanceOf(RemoteHandlerException.class, e.getCause());
        assertEquals(IllegalStateException.class.getName(), remote.remoteClassName());
        assertEquals("boom: x", remote.remoteMessage());
        assertTrue(remote.getStackTrace()[0].getClassName().contains("ChildHandlers"),
                remote.getStackTrace()[0].toString());
        await().atMost(WAIT).until(() -> errors.stream().anyMatch(f -> "fail".equals(f.eventId())));
        // the child goes on
        assertEquals(List.of(4), parent.request("square", 2).await(WAIT));
    }

    @Test
    void aResultTheChildCannotSendBackFailsThePendingClearly() {
        EventFailedException e = assertThrows(EventFailedException.class,
                () -> parent.request("unencodable").await(WAIT));
        assertTrue(e.getCause().getMessage().contains("cannot be sent to the parent"), e.getCause().getMessage());
    }

    @Test
    void printsOfTheChildReachTheParentsLogUnderTheChildsLogger() {
        ch.qos.logback.classic.Logger childLogs =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.eventdriven.subprocess.child");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        childLogs.addAppender(captured);
        try {
            assertEquals(List.of("printed"), parent.request("print", 4711).await(WAIT));
            await().atMost(WAIT).until(() -> List.copyOf(captured.list).stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("hello from the child 4711")
                            && e.getLoggerName().startsWith("dev.eventdriven.subprocess.child.")));
        } finally {
            childLogs.detachAppender(captured);
        }
    }

    @Test
    void printsOfTheChildDoNotCorruptTheChannel() {
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of("printed"), parent.request("print", i).await(WAIT));
        }
        assertEquals(List.of(9), parent.request("square", 3).await(WAIT));
    }

    @Test
    void childHandlersCanDispatchAndRequestEventsOfTheParent() {
        parent.dispatch("tellParent", "hi");
        await().atMost(WAIT).until(() -> fromChild.contains("hi"));
        assertEquals(List.of(42), parent.request("askParent", 21).await(WAIT));
    }

    @Test
    void theParentAccessorExistsOnlyInsideTheChild() {
        assertEquals(List.of(true), parent.request("isChild").await(WAIT));
        assertFalse(SubprocessChild.isChild());
        assertThrows(IllegalStateException.class, SubprocessChild::parent);
    }

    @Test
    void awaitIdleWaitsForTheChildsWork() {
        parent.dispatch("work", 300);
        assertTrue(parent.awaitIdle(WAIT));
        assertTrue(sub.isIdle());
        Pending<List<Object>> p = parent.request("work", 200);
        assertTrue(parent.awaitDrained(WAIT));
        assertTrue(p.isDone());
    }

    @Test
    void manyThreadsRequestingAtOnceEachGetTheirOwnAnswer() throws Exception {
        int threads = 8;
        int perThread = 200;
        List<Thread> ts = new ArrayList<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Random seeds = new java.util.Random(42);
        for (int t = 0; t < threads; t++) {
            long seed = seeds.nextLong();
            ts.add(new Thread(() -> {
                java.util.Random r = new java.util.Random(seed);
                List<Pending<List<Object>>> ps = new ArrayList<>();
                List<Integer> in = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    int v = r.nextInt(10_000);
                    in.add(v);
                    ps.add(parent.request("square", v));
                }
                for (int i = 0; i < perThread; i++) {
                    Object got;
                    try {
                        got = ps.get(i).first(Object.class).await(WAIT);
                    } catch (RuntimeException e) {
                        got = e;
                    }
                    if (!Integer.valueOf(in.get(i) * in.get(i)).equals(got)) {
                        wrong.add("seed " + seed + ": " + in.get(i) + " -> " + got);
                    }
                    answered.incrementAndGet();
                }
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join(20_000);
        }
        assertTrue(wrong.isEmpty(), String.valueOf(wrong));
        assertEquals(threads * perThread, answered.get());
        assertTrue(parent.awaitIdle(WAIT));
    }

    @Test
    void theChildGetsTheConfiguredEnvironmentWorkingDirectoryAndJvmOptions() throws Exception {
        assertEquals(List.of("from the parent", "set"), parent.submit(
                new Tasks.Environment("EVENTDRIVEN_TEST_VARIABLE", "eventdriven.test.property")).first(Object.class).await(WAIT));
        Object dir = ((List<?>) parent.submit(new Tasks.Environment("NO_SUCH_VARIABLE_HERE", "user.dir"))
                .first(Object.class).await(WAIT)).get(1);
        assertEquals(workDir.toRealPath().toString(), java.nio.file.Path.of((String) dir).toRealPath().toString());
    }

    @Test
    void eachChildWorkerHasItsOwnInstanceOfTheBlueprintClass() {
        List<Pending<List<Object>>> ps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ps.add(parent.request("whoHandles"));
        }
        Map<Object, java.util.Set<Object>> instancesByWorker = new java.util.HashMap<>();
        for (Pending<List<Object>> p : ps) {
            List<?> who = (List<?>) p.first(Object.class).await(WAIT);
            instancesByWorker.computeIfAbsent(who.get(1), k -> new java.util.HashSet<>()).add(who.get(0));
        }
        assertEquals(2, instancesByWorker.size(), String.valueOf(instancesByWorker));
        instancesByWorker.values().forEach(instances -> assertEquals(1, instances.size()));
        assertEquals(2, instancesByWorker.values().stream().flatMap(java.util.Set::stream).distinct().count());
    }
}
