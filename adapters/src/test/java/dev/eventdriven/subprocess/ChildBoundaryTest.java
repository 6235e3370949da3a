package dev.eventdriven.subprocess;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eventdriven.Controller;
import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.ControllerState;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.Pending;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.subprocess.internal.ChildMain;
import dev.eventdriven.subprocess.testkit.ChildHandlers;
import dev.eventdriven.subprocess.testkit.ParentJvmMain;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The child-process boundary against children, frames and floods that try to break it: every case
 * with real processes.
 */
@Timeout(90)
class ChildBoundaryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final List<Controller> parents = new ArrayList<>();
    private final List<Long> strays = new ArrayList<>();

    private Controller parent(String name, Subprocess sub, java.util.function.Consumer<dev.eventdriven.ControllerBuilder>
            more) {
        dev.eventdriven.ControllerBuilder b = Controller.builder(name).adapter(sub);
        more.accept(b);
        Controller c = b.build();
        parents.add(c);
        return c;
    }

    @AfterEach
    void stopEverything() {
        for (Controller c : parents) {
            c.shutdownNow();
            assertTrue(c.awaitTermination(WAIT), c.name());
        }
        strays.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    // 1 ------------------------------------------------------------------ orphans

    @Test
    void aChildWhoseHandlerNeverReturnsStillExitsWithinTwoSecondsOfItsParentsDeath() throws Exception {
        List<Process> parentJvm = new ArrayList<>();
        try {
            long childPid = ParentJvmMain.start(parentJvm, "spin");
            strays.add(childPid);
            assertTrue(SubprocessLifecycleTest.alive(childPid));
            // let the spinning handler start
            await().pollDelay(Duration.ofMillis(300)).atMost(WAIT).until(() -> SubprocessLifecycleTest.alive(childPid));

            parentJvm.get(0).destroyForcibly(); // kill -9
            assertTrue(parentJvm.get(0).waitFor(5, TimeUnit.SECONDS));
            long died = System.nanoTime();

            await().atMost(Duration.ofMillis(2500)).until(() -> !SubprocessLifecycleTest.alive(childPid));
            assertTrue(System.nanoTime() - died < TimeUnit.MILLISECONDS.toNanos(2500));
        } finally {
            parentJvm.forEach(Process::destroyForcibly);
        }
    }

    // 2 ------------------------------------------------------------------ death while a grandchild holds the pipe

    @Test
    void aKilledChildFailsItsCallsWithinASecondEvenWhileAGrandchildHoldsItsPipes() {
        List<Long> grandchildren = new CopyOnWriteArrayList<>();
        Subprocess sub = Subprocess.builder(ChildHandlers.class).build();
        Controller c = parent("grandparent", sub, b -> b.on("grandchild", s -> grandchildren.add((Long) s.value())));
        c.run();
        Pending<List<Object>> inFlight = c.request("spawnSleeper", 20_000);
        await().atMost(WAIT).until(() -> !grandchildren.isEmpty());
        strays.add(grandchildren.get(0));
        long childPid = sub.pid();

        ProcessHandle.of(childPid).orElseThrow().destroyForcibly();
        long killed = System.nanoTime();

        EventFailedException e = assertThrows(EventFailedException.class, () -> inFlight.await(Duration.ofSeconds(5)));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        assertInstanceOf(ChildProcessException.class, e.getCause());
        assertTrue(tookMillis < 1_000, "the call failed " + tookMillis + " ms after the kill");
        assertTrue(ProcessHandle.of(grandchildren.get(0)).map(ProcessHandle::isAlive).orElse(false),
                "the grandchild still holds the pipes");
    }

    // 3 ------------------------------------------------------------------ size at the call site

    @Test
    void aValueTooBigForAFrameIsRefusedAtTheCallAndNothingIsSent() {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).maxFrameBytes(1 << 20).build();
        Controller c = parent("sizes", sub, b -> { });
        c.run();

        IllegalArgumentException request = assertThrows(IllegalArgumentException.class,
                () -> c.request("hold", new byte[2 << 20]));
        assertTrue(request.getMessage().startsWith("event hold cannot be sent to child process 'sizes-child': frame size: "),
                request.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.dispatch("hold", new byte[2 << 20]));
        assertTrue(sub.isIdle(), "nothing was sent");
        assertEquals(List.of(1000), c.request("hold", new byte[1000]).await(WAIT));
    }

    @Test
    void whatIsSentIsWhatTheValueWasAtTheCallEvenThroughTheLoop() {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).build();
        Controller c = parent("snapshot", sub, b -> { });
        c.run();
        c.suspend(); // the event waits in the parent's queue, encoded
        List<Object> value = new ArrayList<>(List.of("as called"));
        Pending<List<Object>> echoed = c.request("echo", value);
        value.add("changed later");
        c.resume();

        // the child's echo handler answers [String.valueOf(value), who, args]
        assertEquals("[as called]", ((List<?>) echoed.await(WAIT).get(0)).get(0));
    }

    // 4 ------------------------------------------------------------------ hostile frames

    @Test
    void aFrameOfCollidingKeysIsRefusedQuicklyAndTheChildsCallsFail() {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).workers(2).build();
        Controller c = parent("hostile", sub, b -> { });
        c.run();
        Pending<List<Object>> waiting = c.request("work", 20_000);

        c.dispatch("hostile");

        EventFailedException e = assertThrows(EventFailedException.class, () -> waiting.await(Duration.ofSeconds(3)));
        ChildProcessException death = assertInstanceOf(ChildProcessException.class, e.getCause());
        assertTrue(death.getMessage().contains("sent a bad frame"), death.getMessage());
    }

    // 5 ------------------------------------------------------------------ flow control

    @Test
    void manyLargeRequestsToBusyWorkersDoNotSinkTheChild() {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).workers(2).jvmOptions("-Xmx256m").build();
        Controller c = parent("flood-in", sub, b -> { });
        c.run();
        List<Pending<List<Object>>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(c.request("hold", new byte[8 << 20]));
        }
        for (Pending<List<Object>> p : all) {
            assertEquals(List.of(8 << 20), p.await(Duration.ofSeconds(60)));
        }
        assertTrue(sub.isChildAlive());
        assertEquals(0, sub.restarts());
    }

    @Test
    void aFullWindowAppliesTheParentsOverflowPolicy() {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).maxInFlight(2, 1 << 20).build();
        Controller c = parent("windowed", sub, b -> b.queueCapacity(100).overflowPolicy(OverflowPolicy.FAIL));
        c.run();
        Pending<List<Object>> first = c.request("work", 2_000);
        Pending<List<Object>> second = c.request("work", 2_000);

        RejectedEventException e = assertThrows(RejectedEventException.class, () -> c.request("work", 1));
        assertTrue(e.getMessage().contains("the window of calls in flight to the child is full (2 of 2 calls"),
                e.getMessage());
        assertEquals(List.of("worked"), first.await(WAIT));
        assertEquals(List.of("worked"), second.await(WAIT));
        assertEquals(List.of("worked"), c.request("work", 1).await(WAIT));
    }

    // 6 ------------------------------------------------------------------ stderr floods

    @Test
    void aFloodOfStderrWithoutNewlinesNeitherKillsTheReaderNorLosesTheTail() {
        Logger childLog = (Logger) LoggerFactory.getLogger("dev.eventdriven.subprocess.child.shouting-child");
        Level before = childLog.getLevel();
        childLog.setLevel(Level.WARN); // 50 MB of x would flood the test output
        try {
            Subprocess sub = Subprocess.builder(ChildHandlers.class).build();
            Controller c = parent("shouting", sub, b -> { });
            c.run();

            EventFailedException e = assertThrows(EventFailedException.class,
                    () -> c.request("flood", 50).await(Duration.ofSeconds(60)));
            ChildProcessException death = assertInstanceOf(ChildProcessException.class, e.getCause());
            assertEquals(9, death.exitCode());
            assertTrue(death.lastStderrLines().contains("after the flood"), String.valueOf(death.lastStderrLines()
                    .stream().map(l -> l.length() > 40 ? l.substring(0, 40) + "...(" + l.length() + ")" : l).toList()));
            assertTrue(death.lastStderrLines().stream().mapToInt(String::length).sum() <= 16 * 1024 + 64);
        } finally {
            childLog.setLevel(before);
        }
    }

    // 7 ------------------------------------------------------------------ start failures

    @Test
    void aChildThatCannotStartMakesRunThrowAndIsNotRestarted() throws Exception {
        Subprocess falseJava = Subprocess.builder(ChildHandlers.class).javaBinary(Path.of("/bin/false"))
                .restartPolicy(RestartPolicy.limited(3, Duration.ofMillis(10))).build();
        Controller c = parent("no-java", falseJava, b -> { });
        ChildProcessException e = assertThrows(ChildProcessException.class, c::run);
        assertTrue(e.getMessage().contains("exited before it was ready"), e.getMessage());
        assertEquals(1, e.exitCode());
        assertEquals(ControllerState.TERMINATED, c.state());
        assertEquals(0, falseJava.restarts());

        // The library is on this class path, the test's blueprint class is not (as when only a custom
        // class loader of the parent knows it).
        String withoutTests = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Subprocess noClasses = Subprocess.builder(ChildHandlers.class).classPath(withoutTests)
                .restartPolicy(RestartPolicy.limited(3, Duration.ofMillis(10))).build();
        Controller d = parent("no-classes", noClasses, b -> { });
        ChildProcessException missing = assertThrows(ChildProcessException.class, d::run);
        assertTrue(missing.getMessage().contains("exited before it was ready"), missing.getMessage());
        assertEquals(2, missing.exitCode());
        assertTrue(String.join("\n", missing.lastStderrLines()).contains("ClassNotFoundException"), missing.getMessage());
        assertEquals(0, noClasses.restarts());
        ControllerClosedException later = assertThrows(ControllerClosedException.class, () -> d.dispatch("square", 1));
        assertTrue(later.getMessage().contains("the start was refused"), later.getMessage());
    }

    // 8 ------------------------------------------------------------------ silent hangs

    @Test
    void aChildThatStopsAnsweringIsKilledByTheLivenessCheckAndRestarted() throws Exception {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).liveness(Duration.ofMillis(200), Duration.ofMillis(600))
                .restartPolicy(RestartPolicy.limited(1, Duration.ofMillis(10))).build();
        Controller c = parent("frozen", sub, b -> { });
        c.run();
        long first = sub.pid();
        Pending<List<Object>> inFlight = c.request("work", 10_000);
        assertTrue(new ProcessBuilder("kill", "-STOP", Long.toString(first)).start().waitFor(5, TimeUnit.SECONDS));

        EventFailedException e = assertThrows(EventFailedException.class, () -> inFlight.await(Duration.ofSeconds(5)));
        assertTrue(e.getCause().getMessage().contains("missed its liveness check"), e.getCause().getMessage());
        await().atMost(WAIT).until(() -> sub.restarts() == 1 && sub.isChildAlive());
        assertNotEquals(first, sub.pid());
        assertEquals(List.of(9), c.request("square", 3).await(WAIT));
    }

    @Test
    void aChildWhoseWorkersAllBlockStillAnswersPingsAndItsOwnRequests() {
        // The child's handlers run on the thread that read their frame; one that lasts must not keep the
        // channel from being read: liveness pings and the answers to the child's own requests arrive.
        Subprocess sub = Subprocess.builder(ChildHandlers.class).workers(2)
                .liveness(Duration.ofMillis(50), Duration.ofMillis(300)).build();
        Controller c = parent("blocking", sub, b -> b.on("double", s -> {
            return (Integer) s.value() * 2;
        }));
        c.run();
        long pid = sub.pid();
        Pending<List<Object>> slow = c.request("work", 1500);
        Pending<List<Object>> asked = c.request("askParent", 21);
        assertEquals(List.of(42), asked.await(WAIT));
        assertFalse(slow.isDone(), "the first worker is still busy");
        assertEquals(List.of("worked"), slow.await(WAIT));
        assertEquals(0, sub.restarts());
        assertEquals(pid, sub.pid());
        assertTrue(sub.isChildAlive());
    }

    @Test
    void aChildExitsNonZeroAfterAProtocolError() throws Exception {
        Process child = new ProcessBuilder(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                ChildMain.class.getName(), "raw", ChildHandlers.class.getName(), "1", "1048576", "16")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        strays.add(child.pid());
        try (OutputStream in = child.getOutputStream()) {
            in.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // a frame far over the limit
            in.flush();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        assertEquals(3, child.exitValue());
    }

    // 9 ------------------------------------------------------------------ clear reasons

    @Test
    void dispatchesAfterTheChildsDeathShutTheParentDownNameTheCause() {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).build();
        Controller c = parent("bereaved", sub, b -> { });
        c.run();
        assertThrows(EventFailedException.class, () -> c.request("exit", 7).await(WAIT));
        assertTrue(c.awaitTermination(WAIT));

        ControllerClosedException e = assertThrows(ControllerClosedException.class, () -> c.dispatch("square", 1));
        assertTrue(e.getMessage().matches(".*child 'bereaved-child' \\(pid \\d+\\) exited.*\\(exit code 7\\) and is not"
                + " restarted.*"), e.getMessage());
    }

    @Test
    void whatTheChildLogsThroughSlf4jKeepsItsLevelAndIsOneEvent() {
        Logger childLog = (Logger) LoggerFactory.getLogger("dev.eventdriven.subprocess.child.logging-child");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        childLog.addAppender(seen);
        try {
            Subprocess sub = Subprocess.builder(ChildHandlers.class).build();
            Controller c = parent("logging", sub, b -> { });
            c.run();
            assertEquals(List.of("logged"), c.request("logWarn", "careful").await(WAIT));

            await().atMost(WAIT).until(() -> seen.list.stream().anyMatch(e -> e.getFormattedMessage().contains("warned")));
            ILoggingEvent warned = seen.list.stream().filter(e -> e.getFormattedMessage().contains("warned")).findFirst()
                    .orElseThrow();
            assertEquals(Level.WARN, warned.getLevel());
            assertTrue(warned.getFormattedMessage().contains("child.handlers"), warned.getFormattedMessage());
            assertTrue(warned.getFormattedMessage().contains("IllegalStateException: the cause"), warned.getFormattedMessage());
            assertTrue(warned.getFormattedMessage().contains("\tat "), "the stack trace is part of the same event");
            assertFalse(seen.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("\tat ")),
                    "no stack trace line is an event of its own");
        } finally {
            childLog.detachAppender(seen);
        }
    }
}
