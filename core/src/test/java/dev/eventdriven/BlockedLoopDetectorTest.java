package dev.eventdriven;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deadlocks the loop-thread guard cannot see are reported by the blocked-loop detector: a WARN
 * with the blocked loop's stack, within the threshold, once per event.
 */
@Timeout(60)
class BlockedLoopDetectorTest {

    private static final Duration THRESHOLD = Duration.ofMillis(200);
    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    private static List<ILoggingEvent> reportsOf(CapturedLog log, String controller) {
        return log.events().stream().filter(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().startsWith("controller '" + controller + "': a handler of event ")).toList();
    }

    private static boolean stackMentions(ILoggingEvent report, String method) {
        return Arrays.stream(report.getThrowableProxy().getStackTraceElementProxyArray())
                .map(StackTraceElementProxy::getStackTraceElement)
                .anyMatch(f -> f.getMethodName().contains(method));
    }

    @Test
    void twoControllersWaitingForEachOtherAreBothReported() {
        Controller[] pair = new Controller[2];
        try (CapturedLog log = CapturedLog.of("dev.eventdriven.internal.BlockedLoopDetector")) {
            pair[0] = controllers.run(Controller.builder("cycle-a").blockedLoopThreshold(THRESHOLD)
                    .on("ask", s -> {
                        // waits for B, whose handler waits for A: the guard sees two different loops
                        return pair[1].request("ask-back").toCompletableFuture().get(3, TimeUnit.SECONDS);
                    })
                    .on("answer", s -> "a"));
            pair[1] = controllers.run(Controller.builder("cycle-b").blockedLoopThreshold(THRESHOLD)
                    .on("ask-back", s -> {
                        return pair[0].request("answer").toCompletableFuture().get(3, TimeUnit.SECONDS);
                    }));

            Pending<List<Object>> asked = pair[0].request("ask");

            await().atMost(THRESHOLD.multipliedBy(5)).until(() -> !reportsOf(log, "cycle-a").isEmpty()
                    && !reportsOf(log, "cycle-b").isEmpty());
            ILoggingEvent a = reportsOf(log, "cycle-a").get(0);
            assertTrue(a.getFormattedMessage().startsWith("controller 'cycle-a': a handler of event ask has blocked"
                    + " the loop thread cycle-a-loop for "), a.getFormattedMessage());
            assertTrue(stackMentions(a, "lambda$twoControllersWaitingForEachOtherAreBothReported"),
                    "the report carries the blocked loop's stack");
            assertEquals(1, pair[0].stats().blocked());
            assertEquals(1, pair[1].stats().blocked());
            assertThrows(EventFailedException.class, () -> asked.await(Duration.ofSeconds(20)));
        }
    }

    @Test
    void waitingForItsOwnResultThroughAFutureTheGuardDoesNotKnowIsReported() {
        try (CapturedLog log = CapturedLog.of("dev.eventdriven.internal.BlockedLoopDetector")) {
            Controller c = controllers.run(Controller.builder("self-wait").blockedLoopThreshold(THRESHOLD)
                    .on("outer", s -> {
                        Pending<List<Object>> own = s.controller().request("inner");
                        // allOf makes a plain CompletableFuture: join() on it is not guarded
                        return CompletableFuture.allOf(own.toCompletableFuture()).orTimeout(3, TimeUnit.SECONDS)
                                .join();
                    })
                    .on("inner", s -> "inner"));

            Pending<List<Object>> outer = c.request("outer");

            await().atMost(THRESHOLD.multipliedBy(5)).until(() -> reportsOf(log, "self-wait").size() == 1);
            assertTrue(stackMentions(reportsOf(log, "self-wait").get(0), "join"));
            assertThrows(EventFailedException.class, () -> outer.await(Duration.ofSeconds(20)));
            assertEquals(1, c.stats().blocked(), "reported once per event");
        }
    }

    @Test
    void aDirectWaitForItsOwnResultIsRefusedByTheGuardInstead() {
        Controller c = controllers.run(Controller.builder("guarded")
                .on("outer", s -> {
                    Pending<List<Object>> own = s.controller().request("inner");
                    return own.thenApply(r -> r).toCompletableFuture().join();
                })
                .on("inner", s -> "inner"));

        EventFailedException e = assertThrows(EventFailedException.class, () -> c.request("outer").await(TestControllers.WAIT));
        assertTrue(e.getCause() instanceof LoopThreadBlockingException, String.valueOf(e.getCause()));
        assertEquals(0, c.stats().blocked());
    }

    @Test
    void aZeroThresholdTurnsTheDetectorOff() {
        Controller c = controllers.run(Controller.builder("unwatched").blockedLoopThreshold(Duration.ZERO)
                .on("slow", s -> {
                    return new java.util.concurrent.CountDownLatch(1).await(500, TimeUnit.MILLISECONDS);
                }));

        assertEquals(List.of(false), c.request("slow").await(TestControllers.WAIT));
        assertEquals(0, c.stats().blocked());
    }

    @Test
    void theDetectorThreadEndsWhenNoLoopIsLeftToWatch() {
        Controller c = Controller.builder("watched-once").blockedLoopThreshold(THRESHOLD).build();
        c.run();
        assertTrue(detectorRuns(), "a running loop is watched");
        c.shutdown();
        assertTrue(c.awaitTermination(TestControllers.WAIT));

        await().atMost(TestControllers.WAIT).until(() -> !detectorRuns());
    }

    private static boolean detectorRuns() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("eventdriven-blocked-loop-detector") && t.isAlive());
    }
}
