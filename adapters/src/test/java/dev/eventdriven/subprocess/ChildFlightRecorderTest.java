package dev.eventdriven.subprocess;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.jfr.ChildProcessExitedEvent;
import dev.eventdriven.jfr.ChildProcessStartedEvent;
import dev.eventdriven.subprocess.testkit.ChildHandlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A child process's start and end are Flight Recorder events, with its pid and exit code. */
@Timeout(60)
class ChildFlightRecorderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static List<RecordedEvent> eventsOf(Recording r, String type, String child) throws IOException {
        Path file = Files.createTempFile("eventdriven-child-test", ".jfr");
        try {
            r.dump(file);
            return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals(type)
                    && child.equals(e.getString("child"))).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aStoppedChildIsRecordedStartedAndExitedAsRequested() throws IOException {
        try (Recording r = new Recording()) {
            r.enable(ChildProcessStartedEvent.NAME);
            r.enable(ChildProcessExitedEvent.NAME);
            r.start();
            Subprocess sub = Subprocess.builder(ChildHandlers.class).name("recorded-child").build();
            Controller parent = Controller.builder("recorded-parent").adapter(sub).build();
            parent.run();
            long pid = sub.pid();
            assertEquals(List.of(9), parent.request("square", 3).await(WAIT));
            parent.close();
            assertTrue(parent.awaitTermination(WAIT));
            r.stop();

            List<RecordedEvent> started = eventsOf(r, ChildProcessStartedEvent.NAME, "recorded-child");
            assertEquals(1, started.size(), started.toString());
            assertEquals(pid, started.get(0).getLong("pid"));
            assertTrue(started.get(0).getString("command").endsWith("java"), started.get(0).getString("command"));
            List<RecordedEvent> exited = eventsOf(r, ChildProcessExitedEvent.NAME, "recorded-child");
            assertEquals(1, exited.size(), exited.toString());
            assertEquals(pid, exited.get(0).getLong("pid"));
            assertTrue(exited.get(0).getBoolean("requested"));
            assertEquals("stopped", exited.get(0).getString("reason"));
        }
    }

    @Test
    void aChildThatExitsOnItsOwnIsRecordedWithItsExitCode() throws IOException {
        try (Recording r = new Recording()) {
            r.enable(ChildProcessExitedEvent.NAME);
            r.start();
            Subprocess sub = Subprocess.builder(ChildHandlers.class).name("exiting-child").build();
            Controller parent = Controller.builder("exiting-parent").adapter(sub).errorHandler(f -> { }).build();
            parent.run();
            long pid = sub.pid();
            parent.dispatch("exit", 3);
            await().atMost(WAIT).until(() -> !sub.isChildAlive());
            assertTrue(parent.awaitTermination(WAIT), "no restart policy: the parent shuts down");
            r.stop();

            List<RecordedEvent> exited = eventsOf(r, ChildProcessExitedEvent.NAME, "exiting-child");
            assertEquals(1, exited.size(), exited.toString());
            RecordedEvent e = exited.get(0);
            assertEquals(pid, e.getLong("pid"));
            assertEquals(3, e.getInt("exitCode"));
            assertFalse(e.getBoolean("requested"));
            assertEquals("exited", e.getString("reason"));
        }
    }
}
