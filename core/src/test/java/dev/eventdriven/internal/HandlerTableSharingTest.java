package dev.eventdriven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.eventdriven.Controller;
import dev.eventdriven.EventHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Controllers built from the same handlers share one immutable handler table until one changes. */
class HandlerTableSharingTest {

    private static HandlerTable tableOf(Controller c) {
        return ((LoopController) c).table;
    }

    @Test
    void theSameHandlersShareATableAndAChangeCopiesIt() {
        EventHandler ping = s -> "pong";
        EventHandler other = s -> "other";
        Controller a = Controller.builder("a").on("ping", ping).build();
        Controller b = Controller.builder("b").on("ping", ping).build();
        Controller c = Controller.builder("c").on("ping", other).build();
        Controller d = Controller.builder("d").on("ping", ping).on("more", ping).build();

        assertSame(tableOf(a), tableOf(b));
        assertNotSame(tableOf(a), tableOf(c)); // another handler object
        assertNotSame(tableOf(a), tableOf(d)); // another id

        a.mapping().add("x", other);
        assertNotSame(tableOf(a), tableOf(b));
        assertEquals(List.of(other), a.mapping().get("x"));
        assertEquals(List.of(), b.mapping().get("x"));
        assertEquals(List.of(ping), b.mapping().get("ping"));
        List.of(a, b, c, d).forEach(Controller::shutdown);
    }
}
