package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session reads the event's value, id, context and arguments through its queue envelope; a
 * handler that drains its own queue clears that envelope, and later handlers of the same event must
 * still see them.
 */
@Timeout(30)
class SessionValueAcrossDrainTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    @Test
    void aHandlerAfterOneThatCleansTheQueueStillSeesTheValueContextAndArguments() {
        Controller c = controllers.keep(Controller.builder("clean-in-handler")
                .on("e", s -> { return s.controller().clean().size(); })
                .on("e", s -> { return List.of(s.value(), s.originEventId(), s.args(), s.eventContext()); })
                .build());
        // Queued before the loop starts, so that the clean has something behind the current event.
        Pending<List<Object>> p = c.request("e", "the value", Map.of("k", "v"), "arg");
        c.dispatch("later");
        c.run();

        assertEquals(List.of(1, List.of("the value", "e", List.of("arg"), Map.of("k", "v"))),
                p.await(TestControllers.WAIT));
    }

    @Test
    void aHandlerAfterOneThatStopsTheControllerStillSeesTheValue() throws Exception {
        Controller c = controllers.keep(Controller.builder("stop-in-handler")
                .on("e", s -> { return s.controller().shutdownNow().size(); })
                .on("e", s -> { return s.getStatic(Session.VALUE); })
                .build());
        Pending<List<Object>> p = c.request("e", 42);
        c.dispatch("later");
        c.run();

        assertEquals(List.of(1, 42), p.get());
    }
}
