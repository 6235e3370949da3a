package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

@Timeout(30)
class StatsAndMdcTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    @Test
    void statsCountDispatchedHandledFailedAndQueued() {
        Controller c = controllers.keep(Controller.builder("stats")
                .on("ok", s -> null)
                .on("bad", s -> { throw new IllegalStateException("x"); }).build());
        c.dispatch("ok");
        c.dispatch("ok");
        c.dispatch("bad");
        ControllerStats before = c.stats();
        assertEquals(3, before.dispatched());
        assertEquals(3, before.queued());
        assertEquals(0, before.handled());

        c.run();
        assertTrue(c.awaitDrained(TestControllers.WAIT));
        ControllerStats after = c.stats();
        assertEquals(3, after.dispatched());
        assertEquals(3, after.handled());
        assertEquals(1, after.failed());
        assertEquals(0, after.queued());
        assertTrue(after.busyNanos() >= 0);
    }

    @Test
    void theMdcHoldsTheControllerAndEventIdDuringHandlers() {
        Controller c = controllers.run(Controller.builder("mdc")
                .on("first", s -> MDC.get("controller") + "/" + MDC.get("eventId"))
                .on("second", s -> MDC.get("controller") + "/" + MDC.get("eventId")));
        assertEquals(List.of("mdc/first"), c.request("first").await(TestControllers.WAIT));
        assertEquals(List.of("mdc/second"), c.request("second").await(TestControllers.WAIT));
    }

    @Test
    void statsOfPoolsAddUp() {
        ControllerStats a = new ControllerStats(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(new ControllerStats(2, 4, 6, 8, 10, 12, 14, 16, 18), a.plus(a));
    }
}
