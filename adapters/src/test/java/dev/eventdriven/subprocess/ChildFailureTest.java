package dev.eventdriven.subprocess;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerState;
import dev.eventdriven.EventHandler;
import dev.eventdriven.HandlerFailure;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.Pending;
import dev.eventdriven.RemoteHandlerException;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.subprocess.testkit.ChildHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A child that dies: killed, exiting, out of memory; with and without restarts. */
@Timeout(60)
class ChildFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<HandlerFailure> errors = new CopyOnWriteArrayList<>();
    private Controller parent;

    private Subprocess start(SubprocessBuilder builder) {
        Subprocess sub = builder.build();
        parent = Controller.builder("failing")
                .adapter(sub)
                .on(SystemEvent.ERROR, s -> errors.add((HandlerFailure) s.value()))
                .build();
        parent.run();
        // the child is up once it answers
        assertEquals(List.of(1), parent.request("square", 1).await(WAIT));
        return sub;
    }

    @AfterEach
    void stop() {
        parent.shutdown();
        assertTrue(parent.awaitTermination(WAIT));
    }

    private static ChildProcessException childFailure(Pending<List<Object>> p) {
        CompletionException e = assertThrows(CompletionException.class, p::join);
        return assertInstanceOf(ChildProcessException.class, e.getCause());
    }

    private List<Pending<List<Object>>> inFlight(int n) {
        List<Pending<List<Object>>> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(parent.request("work", 60_000));
        }
        return ps;
    }

    @Test
    void aRemoteFailureWhoseErrorEventFindsTheParentsQueueFullStillFailsThePending() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        parent = Controller.builder("full-parent")
                .adapter(Subprocess.builder(ChildHandlers.class).build())
                .queueCapacity(2).overflowPolicy(OverflowPolicy.FAIL)
                .on("block", s -> {
                    entered.countDown();
                    release.await();
                })
                .build();
        parent.run();
        assertEquals(List.of(1), parent.request("square", 1).await(WAIT));
        Pending<List<Object>> failing = parent.request("failLater", 500); // forwarded before the loop blocks
        parent.dispatch("block");
        assertTrue(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        parent.dispatch("filler", 1);
        parent.dispatch("filler", 2); // the queue is full now: the ERROR event will be refused
        try {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> failing.toCompletableFuture().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join());
            assertInstanceOf(RemoteHandlerException.class, e.getCause());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aKilledChildFailsEveryInFlightPendingWithinASecondAndTheParentShutsDown() {
        Subprocess sub = start(Subprocess.builder(ChildHandlers.class).workers(2));
        List<Pending<List<Object>>> ps = inFlight(4);
        ProcessHandle.of(sub.pid()).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(1)).until(() -> ps.stream().allMatch(Pending::isDone));
        for (Pending<List<Object>> p : ps) {
            assertTrue(childFailure(p).getMessage().contains("exit code"));
        }
        await().atMost(WAIT).until(() -> errors.stream().anyMatch(f -> f.error() instanceof ChildProcessException));
        // no restart policy: the child stopping shuts the parent down
        assertTrue(parent.awaitTermination(WAIT));
        assertEquals(ControllerState.TERMINATED, parent.state());
    }

    @Test
    void systemExitInAHandlerReportsTheExitCodeAndTheLastStderrLines() {
        start(Subprocess.builder(ChildHandlers.class).workers(2));
        Pending<List<Object>> slow = parent.request("work", 60_000);
        Pending<List<Object>> exit = parent.request("exit", 7);
        await().atMost(Duration.ofSeconds(1)).until(() -> slow.isDone() && exit.isDone());
        ChildProcessException e = childFailure(slow);
        assertEquals(7, e.exitCode());
        assertTrue(e.lastStderrLines().contains("exiting on purpose with 7"), String.valueOf(e.lastStderrLines()));
        assertEquals(7, childFailure(exit).exitCode());
    }

    @Test
    void aChildOutOfMemoryDiesAndIsReported() {
        start(Subprocess.builder(ChildHandlers.class).jvmOptions("-Xmx48m"));
        ChildProcessException e = childFailure(parent.request("oom"));
        assertNotEquals(0, e.exitCode());
        assertTrue(e.getMessage().contains("OutOfMemoryError"), e.getMessage());
    }

    @Test
    void withARestartPolicyANewChildTakesOverAndLaterEventsWork() {
        Subprocess sub = start(Subprocess.builder(ChildHandlers.class)
                .restartPolicy(RestartPolicy.limited(2, Duration.ofMillis(50))));
        long firstPid = sub.pid();
        Pending<List<Object>> lost = parent.request("work", 60_000);
        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
        childFailure(lost);
        await().atMost(WAIT).until(() -> sub.restarts() == 1 && sub.isChildAlive());
        assertNotEquals(firstPid, sub.pid());
        assertEquals(List.of(25), parent.request("square", 5).await(WAIT));
        assertEquals(ControllerState.RUNNING, parent.state());
        await().atMost(WAIT).until(() -> !ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void anEventDispatchedWhileNoChildRunsFailsWithChildProcessException() {
        Subprocess sub = start(Subprocess.builder(ChildHandlers.class)
                .restartPolicy(RestartPolicy.limited(1, Duration.ofSeconds(30))));
        ProcessHandle.of(sub.pid()).orElseThrow().destroyForcibly();
        await().atMost(WAIT).until(() -> !sub.isChildAlive());
        assertInstanceOf(ChildProcessException.class, childFailure(parent.request("square", 2)));
        assertThrows(ChildProcessException.class, sub::pid);
    }

    @Test
    void garbageOnTheChannelIsAProtocolErrorThatEndsTheChild() {
        Subprocess sub = start(Subprocess.builder(ChildHandlers.class));
        long pid = sub.pid();
        ChildProcessException e = childFailure(parent.request("corrupt"));
        assertTrue(e.getMessage().contains("bad frame"), e.getMessage());
        await().atMost(WAIT).until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        await().atMost(WAIT).until(() -> errors.stream().anyMatch(f -> f.error() instanceof ChildProcessException));
    }

    @Test
    void aChildJvmThatCannotStartMakesRunThrowWhyAndTheParentEnds() {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).jvmOptions("-XX:+NoSuchOptionAnywhere").build();
        parent = Controller.builder("unstartable").adapter(sub)
                .on(SystemEvent.ERROR, s -> errors.add((HandlerFailure) s.value()))
                .build();
        ChildProcessException e = assertThrows(ChildProcessException.class, parent::run);
        assertTrue(e.lastStderrLines().stream().anyMatch(l -> l.contains("NoSuchOptionAnywhere")), e.getMessage());
        assertEquals(1, e.exitCode());
        assertEquals(ControllerState.TERMINATED, parent.state());
        assertTrue(errors.isEmpty(), "a start failure is thrown by run(), not dispatched: " + errors);
    }

    @Test
    void noPendingIsLeftHangingWhenTheChildDiesUnderLoad() throws Exception {
        Subprocess sub = start(Subprocess.builder(ChildHandlers.class).workers(2)
                .restartPolicy(RestartPolicy.limited(1, Duration.ZERO)));
        long firstPid = sub.pid();
        int threads = 4;
        int perThread = 300;
        List<Sent> all = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(threads);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ts.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    if (i == perThread / 2) {
                        halfway.countDown();
                    }
                    all.add(new Sent(i, parent.request("square", i)));
                }
            }));
        }
        ts.forEach(Thread::start);
        assertTrue(halfway.await(10, java.util.concurrent.TimeUnit.SECONDS));
        await().atMost(WAIT).until(() -> all.get(0).pending().isDone());
        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
        for (Thread t : ts) {
            t.join(10_000);
        }
        assertEquals(threads * perThread, all.size());
        await().atMost(WAIT).until(() -> all.stream().allMatch(x -> x.pending().isDone()));
        long failed = 0;
        for (Sent x : all) {
            if (x.pending().isCompletedExceptionally()) {
                childFailure(x.pending());
                failed++;
            } else {
                assertEquals(List.of(x.value() * x.value()), x.pending().join());
            }
        }
        assertTrue(failed < all.size(), "some answers came before the kill");
        // whatever was in flight at the kill failed; the restarted child answers again
        await().atMost(WAIT).until(() -> sub.restarts() == 1 && sub.isChildAlive());
        assertEquals(List.of(144), parent.request("square", 12).await(WAIT));
    }

    /** A request and its input. */
    private record Sent(int value, Pending<List<Object>> pending) {
    }
}
