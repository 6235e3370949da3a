package dev.eventdriven.subprocess;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.Pending;
import dev.eventdriven.subprocess.testkit.ChildHandlers;
import dev.eventdriven.subprocess.testkit.ParentJvmMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting, draining and stopping the child; nothing outlives either side. */
@Timeout(60)
class SubprocessLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * Whether a process still runs. An orphan that exited stays a zombie until PID 1 reaps it (slowly in
     * some containers), and {@link ProcessHandle#isAlive()} counts zombies as alive: on Linux, look at
     * its state too.
     */
    static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException | RuntimeException noProcfs) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    @Test
    void aGracefulShutdownDrainsTheChildsWorkThenStopsItAndItsThreads() {
        List<Thread> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        Subprocess sub = Subprocess.builder(ChildHandlers.class).name("draining").workers(2)
                .threadFactory(r -> {
                    Thread t = new Thread(r);
                    made.add(t);
                    return t;
                }).build();
        Controller parent = Controller.builder("lifecycle").adapter(sub).build();
        parent.run();
        long pid = sub.pid();
        Pending<List<Object>> slow = parent.request("work", 400);
        Pending<List<Object>> quick = parent.request("square", 3);
        parent.shutdown();
        assertTrue(parent.awaitTermination(WAIT));
        assertEquals(List.of("worked"), slow.toCompletableFuture().getNow(null));
        assertEquals(List.of(9), quick.toCompletableFuture().getNow(null));
        assertFalse(alive(pid));
        List<String> names = made.stream().map(Thread::getName).toList();
        assertTrue(names.containsAll(List.of("draining-channel", "draining-stderr")), names.toString());
        // The flusher starts with the first burst of frames, here maybe; the exit watch when it exits.
        assertTrue(List.of("draining-channel", "draining-stderr", "draining-flusher", "draining-exit").containsAll(names),
                "the adapter's threads come from the given factory: " + names);
        await().atMost(WAIT).until(() -> threadsNamed("draining-") == 0);
        assertThrows(ControllerClosedException.class, () -> parent.dispatch("square", 1));
    }

    @Test
    void aForcedShutdownStopsTheChildToo() {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).name("forced").build();
        Controller parent = Controller.builder("forced-parent").adapter(sub).build();
        parent.run();
        long pid = sub.pid();
        assertEquals(List.of(4), parent.request("square", 2).await(WAIT));
        parent.shutdownNow();
        assertTrue(parent.awaitTermination(WAIT));
        await().atMost(WAIT).until(() -> !alive(pid) && threadsNamed("forced-") == 0);
    }

    @Test
    void theChildsPrintsAndStderrReachTheParentAndItsErrorMessages() {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).name("chatty").build();
        Controller parent = Controller.builder("chatty-parent").adapter(sub).build();
        parent.run();
        try {
            assertEquals(List.of("printed"), parent.request("print", 1).await(WAIT));
            // exiting without being asked to is a death, even with status 0
            CompletionException e = assertThrows(CompletionException.class, () -> parent.request("exit", 0).join());
            ChildProcessException death = assertInstanceOf(ChildProcessException.class, e.getCause());
            assertEquals(0, death.exitCode());
            assertTrue(death.lastStderrLines().contains("hello from the child 1"), death.getMessage());
            // the child's last print had no line end, so its bytes lead the next line
            assertTrue(death.lastStderrLines().stream().anyMatch(l -> l.endsWith("exiting on purpose with 0")),
                    death.getMessage());
        } finally {
            parent.shutdown();
            assertTrue(parent.awaitTermination(WAIT));
        }
    }

    @Test
    void whenTheParentJvmDiesTheChildExitsWithinTwoSeconds() throws Exception {
        List<Process> parentJvms = new java.util.ArrayList<>();
        try {
            long childPid = ParentJvmMain.start(parentJvms);
            Process parentJvm = parentJvms.get(0);
            assertTrue(alive(childPid));
            parentJvm.destroyForcibly();
            assertTrue(parentJvm.waitFor(5, TimeUnit.SECONDS));
            await().atMost(Duration.ofSeconds(2)).until(() -> !alive(childPid));
        } finally {
            parentJvms.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void aBlueprintClassThatCannotWorkIsRefusedBeforeAnyChildStarts() {
        IllegalArgumentException noHandlers = assertThrows(IllegalArgumentException.class,
                () -> Subprocess.builder(String.class));
        assertTrue(noHandlers.getMessage().contains("java.lang.String"), noHandlers.getMessage());
        IllegalArgumentException noCtor = assertThrows(IllegalArgumentException.class,
                () -> Subprocess.builder(NoNoArg.class));
        assertTrue(noCtor.getMessage().contains("no public no-arg constructor"), noCtor.getMessage());
        Object anonymous = new Object() { };
        assertThrows(IllegalArgumentException.class, () -> Subprocess.builder(anonymous.getClass()));
        assertThrows(IllegalArgumentException.class, () -> Subprocess.builder(ChildHandlers.class).workers(0));
        assertThrows(IllegalArgumentException.class,
                () -> RestartPolicy.limited(0, Duration.ZERO));
    }

    @Test
    void timerTicksOfTheParentAreHandledInTheChild() {
        java.util.Queue<Object> ticked = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Subprocess sub = Subprocess.builder(ChildHandlers.class).name("ticking").build();
        Controller parent = Controller.builder("ticking-parent")
                .adapter(sub)
                .adapter(dev.eventdriven.timer.Timer.builder().eventId("tick").interval(Duration.ofMillis(20)).build())
                .on("ticked", s -> ticked.add(s.value()))
                .build();
        parent.run();
        try {
            await().atMost(WAIT).until(() -> ticked.size() >= 3);
            assertEquals(Duration.ofMillis(20), ticked.peek());
        } finally {
            parent.shutdown();
            assertTrue(parent.awaitTermination(WAIT));
        }
    }

    /** Has a handler but no no-arg constructor. */
    public static class NoNoArg {
        /**
         * Needs an argument.
         *
         * @param x anything
         */
        public NoNoArg(int x) {
        }

        /**
         * A handler.
         *
         * @param s the session
         * @return null
         */
        @dev.eventdriven.mapping.On("x")
        public Object x(dev.eventdriven.Session s) {
            return null;
        }
    }
}
