package dev.eventdriven.subprocess;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eventdriven.Controller;
import dev.eventdriven.subprocess.testkit.ChildHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What the child's JVM itself prints to stdout before the channel opens does not break the channel. */
@Timeout(60)
class ChildJvmOutputTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aChildStartedWithAFlightRecordingWorksAndItsAnnouncementIsLogged(@TempDir Path dir) {
        // The JVM announces a recording on stdout whatever the logging options: before the
        // preamble, the parent read that text as a frame length and killed the child.
        Path recording = dir.resolve("child.jfr");
        Logger childLogs = (Logger) LoggerFactory.getLogger("dev.eventdriven.subprocess.child");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        childLogs.addAppender(captured);
        Subprocess sub = Subprocess.builder(ChildHandlers.class).name("recorded")
                .jvmOptions("-XX:StartFlightRecording=filename=" + recording).build();
        Controller parent = Controller.builder("recording-parent").adapter(sub).build();
        try {
            parent.run();
            assertEquals(List.of(49), parent.request("square", 7).await(WAIT));
            await().atMost(WAIT).until(() -> List.copyOf(captured.list).stream()
                    .anyMatch(e -> e.getLoggerName().equals("dev.eventdriven.subprocess.child.recorded")
                            && e.getFormattedMessage().contains("before the channel opened")
                            && e.getFormattedMessage().contains("recording")));
        } finally {
            childLogs.detachAppender(captured);
            parent.shutdown();
            assertTrue(parent.awaitTermination(WAIT));
        }
        assertTrue(Files.exists(recording), "the child wrote its recording at exit");
    }
}
