package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.mapping.MappingManager;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MappingTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    private static EventHandler returning(Object r) {
        return s -> r;
    }

    @Test
    void theMappingCanBeChangedWhileRunning() {
        Controller c = controllers.run(Controller.builder("live"));
        MappingManager m = c.mapping();
        EventHandler a = returning("a");
        EventHandler b = returning("b");

        m.add("e", a);
        m.add("e", b);
        assertEquals(List.of("a", "b"), c.request("e").await(TestControllers.WAIT));
        assertEquals(List.of(a, b), m.get("e"));

        assertTrue(m.remove("e", a));
        assertFalse(m.remove("e", a));
        assertEquals(List.of("b"), c.request("e").await(TestControllers.WAIT));

        m.set("e", List.of(a, a));
        assertEquals(List.of("a", "a"), c.request("e").await(TestControllers.WAIT));

        assertEquals(List.of(a, a), m.removeAll("e"));
        assertEquals(List.of(), c.request("e").await(TestControllers.WAIT));
    }

    @Test
    void updateAddsAndSetAllReplacesAndClearEmpties() {
        Controller c = controllers.run(Controller.builder("bulk").on("x", returning("x")));
        MappingManager m = c.mapping();

        m.update(new MappingBlueprint().on("x", returning("x2")).on("y", returning("y")));
        assertEquals(Set.of("x", "y"), m.eventIds());
        assertEquals(List.of("x", "x2"), c.request("x").await(TestControllers.WAIT));

        m.setAll(new MappingBlueprint().on("z", returning("z")));
        assertEquals(Set.of("z"), m.eventIds());

        MappingBlueprint copy = m.toBlueprint();
        m.clear();
        assertEquals(Set.of(), m.eventIds());
        assertEquals(1, copy.registrations().size());
    }

    @Test
    void blueprintsInheritRegistrationsInOrder() {
        MappingBlueprint base = new MappingBlueprint().on("e", returning("base"));
        MappingBlueprint child = new MappingBlueprint().inherit(base).on("e", returning("child"));
        Controller c = controllers.run(Controller.builder("inherit").mapping(child));
        assertEquals(List.of("base", "child"), c.request("e").await(TestControllers.WAIT));
        assertEquals(1, base.registrations().size());
    }

    @Test
    void aControllerIsBuiltFromAPlainMap() {
        Controller c = controllers.run(Controller.builder("map").mapping(java.util.Map.of(1, returning("one"))));
        assertEquals(List.of("one"), c.request(1).await(TestControllers.WAIT));
    }
}
