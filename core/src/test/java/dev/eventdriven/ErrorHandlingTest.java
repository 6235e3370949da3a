package dev.eventdriven;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.adapter.Adapter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ErrorHandlingTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    @Test
    void aThrowingHandlerDoesNotKillTheLoop() {
        Controller c = controllers.run(Controller.builder("survives")
                .on("bad", s -> { throw new IllegalStateException("boom"); })
                .on("good", s -> "fine"));
        c.dispatch("bad");
        assertEquals(List.of("fine"), c.request("good").await(TestControllers.WAIT));
        assertEquals(1, c.stats().failed());
        assertTrue(c.isAlive());
    }

    @Test
    void theErrorReachesErrorHandlersThePendingAndTheAdapters() {
        List<HandlerFailure> failures = new CopyOnWriteArrayList<>();
        List<Throwable> adapterSaw = new CopyOnWriteArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        Controller c = controllers.run(Controller.builder("routed")
                .adapter(new Adapter() {
                    @Override
                    public void exception(Session session, Throwable error) {
                        adapterSaw.add(error);
                    }
                })
                .on("bad", s -> { throw boom; })
                .on(SystemEvent.ERROR, s -> failures.add((HandlerFailure) s.value())));

        EventFailedException e = assertThrows(EventFailedException.class,
                () -> c.request("bad", 42).await(TestControllers.WAIT));

        assertSame(boom, e.getCause());
        await().atMost(Duration.ofSeconds(10)).until(() -> failures.size() == 1);
        HandlerFailure f = failures.get(0);
        assertEquals(List.of("bad", 42, boom, "routed"), List.of(f.eventId(), f.value(), f.error(), f.controller()));
        assertEquals(List.of(boom), adapterSaw);
    }

    @Test
    void theErrorIsLoggedWithTheControllerAndEventInTheMdc() {
        IllegalStateException boom = new IllegalStateException("boom");
        try (CapturedLog log = CapturedLog.of("dev.eventdriven.errors")) {
            Controller c = controllers.run(Controller.builder("logged")
                    .on("bad", s -> { throw boom; }));
            c.dispatch("bad");

            await().atMost(Duration.ofSeconds(10)).until(() -> !log.events().isEmpty());
            ch.qos.logback.classic.spi.ILoggingEvent e = log.events().get(0);
            assertEquals(ch.qos.logback.classic.Level.ERROR, e.getLevel());
            assertTrue(e.getFormattedMessage().matches("controller 'logged': handler dev\\.eventdriven\\.ErrorHandlingTest"
                    + "\\$\\$Lambda.* of event bad threw"), e.getFormattedMessage());
            assertEquals("boom", e.getThrowableProxy().getMessage());
            assertEquals("logged", e.getMDCPropertyMap().get("controller"));
            assertEquals("bad", e.getMDCPropertyMap().get("eventId"));
        }
    }

    @Test
    void aFailingHandlerSkipsTheRestOfItsEvent() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Controller c = controllers.run(Controller.builder("rest-skipped")
                .on("bad", s -> { throw new IllegalStateException("boom"); })
                .on("bad", s -> calls.add("second"))
                .mapping(new dev.eventdriven.mapping.MappingBlueprint().after(s -> calls.add("after"))));
        assertThrows(EventFailedException.class, () -> c.request("bad").await(TestControllers.WAIT));
        assertEquals(List.of(), calls);
    }

    @Test
    void aThrowingErrorHandlerIsLoggedNotRepeated() {
        int[] errorCalls = new int[1];
        Controller c = controllers.run(Controller.builder("error-in-error")
                .on("bad", s -> { throw new IllegalStateException("first"); })
                .on(SystemEvent.ERROR, s -> { errorCalls[0]++; throw new IllegalStateException("second"); }));
        c.dispatch("bad");
        assertEquals(List.of(1), c.submit(() -> errorCalls[0]).await(TestControllers.WAIT));
        assertTrue(c.isAlive());
    }

    @Test
    void errorPolicyShutdownStopsGracefully() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Controller c = controllers.keep(Controller.builder("policy-shutdown").errorPolicy(ErrorPolicy.SHUTDOWN)
                .on("bad", s -> { throw new IllegalStateException("boom"); })
                .on("e", s -> seen.add(s.value())).build());
        c.dispatch("bad");
        c.dispatch("e", "queued before the shutdown");
        c.run();
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertEquals(List.of("queued before the shutdown"), seen);
    }

    @Test
    void errorPolicyStopStopsAtOnceAndHandsBackTheRest() {
        Controller c = controllers.keep(Controller.builder("policy-stop").errorPolicy(ErrorPolicy.STOP)
                .on("bad", s -> { throw new IllegalStateException("boom"); })
                .on("e", s -> "ran").build());
        c.dispatch("bad");
        Pending<List<Object>> p = c.request("e", 1);
        c.run();
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertInstanceOf(ControllerClosedException.class,
                assertThrows(EventFailedException.class, () -> p.await(TestControllers.WAIT)).getCause());
        assertEquals(List.of(new Event("e", 1, java.util.Map.of(), List.of())), c.shutdownNow());
    }

    @Test
    void aThrowingTaskFailsItsPending() {
        Controller c = controllers.run(Controller.builder("task-error"));
        EventFailedException e = assertThrows(EventFailedException.class,
                () -> c.submit(() -> { throw new java.io.IOException("disk"); }).await(TestControllers.WAIT));
        assertInstanceOf(java.io.IOException.class, e.getCause());
    }

    @Test
    void theDefaultErrorHandlerLogsAnObservedFailureAtDebugAndAnUnobservedOneAtError() {
        IllegalStateException boom = new IllegalStateException("boom");
        try (CapturedLog log = CapturedLog.of("dev.eventdriven.errors").atLevel(ch.qos.logback.classic.Level.DEBUG)) {
            Controller c = controllers.keep(Controller.builder("levels").on("bad", s -> { throw boom; }).build());
            c.dispatch("bad", "unobserved");
            Pending<List<Object>> watched = c.request("bad", "observed");
            Pending<String> handled = watched.handle((r, e) -> "handled " + e.getClass().getSimpleName());
            c.run();

            assertEquals("handled IllegalStateException", handled.await(TestControllers.WAIT));
            await().atMost(Duration.ofSeconds(10)).until(() -> log.events().size() == 2);
            List<ch.qos.logback.classic.Level> levels = log.events().stream()
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getLevel).toList();
            assertEquals(List.of(ch.qos.logback.classic.Level.ERROR, ch.qos.logback.classic.Level.DEBUG), levels);
            assertTrue(log.events().get(1).getFormattedMessage().endsWith("threw; the caller observes the result"));
        }
    }

    @Test
    void aThrowingErrorHandlerIsLoggedAndTheLoopGoesOn() {
        try (CapturedLog log = CapturedLog.of("dev.eventdriven.internal.EventLoop")) {
            Controller c = controllers.run(Controller.builder("bad-error-handler")
                    .errorHandler(f -> { throw new IllegalStateException("error handler bug"); })
                    .on("bad", s -> { throw new IllegalArgumentException("handler bug"); })
                    .on("ok", s -> "ok"));

            assertThrows(EventFailedException.class, () -> c.request("bad").await(TestControllers.WAIT));
            assertEquals(List.of("ok"), c.request("ok").await(TestControllers.WAIT));
            assertTrue(log.events().stream().anyMatch(e -> e.getFormattedMessage().startsWith(
                    "controller 'bad-error-handler': the error handler")), String.valueOf(log.events()));
        }
    }
}
