package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SessionAndContextTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    @Test
    void laterContextsWinGlobalThenRuntimeThenEvent() {
        Controller c = controllers.keep(Controller.builder("ctx")
                .globalContext(Map.of("a", "global", "b", "global", "c", "global"))
                .on("e", s -> s.get("a") + "/" + s.get("b") + "/" + s.get("c") + "/" + s.get("missing"))
                .build());
        c.run(Map.of("b", "runtime", "c", "runtime"));

        Object r = c.request("e", null, Map.of("c", "event")).first(Object.class).await(TestControllers.WAIT);

        assertEquals("global/runtime/event/null", r);
    }

    @Test
    void hasAndDefaultLookAtEveryContext() {
        Controller c = controllers.keep(Controller.builder("has").globalContext("g", 1)
                .on("e", s -> { return List.of(s.has("g"), s.has("r"), s.has("x"), s.getOrDefault("x", "dflt")); })
                .build());
        c.run(Map.of("r", 2));

        assertEquals(List.of(true, true, false, "dflt"), c.request("e").first(Object.class).await(TestControllers.WAIT));
    }

    @Test
    void staticEntriesHoldTheControllerTheEventAndBuilderEntries() {
        Controller c = controllers.run(Controller.builder("statics").staticEntry("db", "the-db")
                .on("e", s -> {
                    return List.of(s.getStatic(Session.CONTROLLER), s.getStatic(Session.EVENT_ID),
                            s.getStatic(Session.VALUE), s.getStatic("db"));
                }));

        List<?> r = (List<?>) c.request("e", 5).first(Object.class).await(TestControllers.WAIT);

        assertSame(c, r.get(0));
        assertEquals(List.of("e", 5, "the-db"), r.subList(1, 4));
    }

    @Test
    void sessionCurrentIsTheHandlersSessionOnTheLoopThread() {
        Controller c = controllers.run(Controller.builder("current")
                .on("e", s -> Session.current() == s && Session.current().controller() == s.controller()));

        assertEquals(List.of(true), c.request("e").await(TestControllers.WAIT));
        assertEquals(List.of("e"), c.submit(() -> Session.current().originEventId() == SystemEvent.SUBMIT ? "e" : "x")
                .thenApply(l -> List.of((Object) "e")).join());
    }

    @Test
    void sessionCurrentOutsideAHandlerThrows() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Session::current);
        assertTrue(e.getMessage().startsWith("Session.current(): the calling thread"), e.getMessage());
    }

    @Test
    void theSessionIsNotUsableAsCurrentAfterTheHandler() throws Exception {
        Controller c = controllers.run(Controller.builder("after-handler"));
        c.submit(() -> "warm").await(TestControllers.WAIT);
        Object outcome = c.submit(() -> {
            c.execute(() -> { });
            return "ok";
        }).first(Object.class).await(TestControllers.WAIT);
        assertEquals("ok", outcome);
    }
}
