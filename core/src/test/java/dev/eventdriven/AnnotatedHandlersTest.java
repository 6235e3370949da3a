package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.mapping.After;
import dev.eventdriven.mapping.Before;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.mapping.On;
import dev.eventdriven.mapping.Other;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AnnotatedHandlersTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    /** Handlers as a user writes them. */
    public static class Shop {
        public final List<String> log = new CopyOnWriteArrayList<>();

        @On({"order", "reorder"})
        public String order(String item, Session session) {
            return session.eventId() + ":" + item;
        }

        @On(value = "count")
        public int count(int n) {
            return n + 1;
        }

        @On("who")
        public String who(Controller controller) {
            return controller.name();
        }

        @On("nothing")
        public void nothing() {
            log.add("nothing");
        }

        @On(value = "ERROR", type = SystemEvent.class)
        public void onError(HandlerFailure failure) {
            log.add("error:" + failure.error().getMessage());
        }

        @On("fail")
        public void fail() {
            throw new IllegalStateException("failed");
        }

        @Before
        public void before(Session s) {
            log.add("before " + s.originEventId());
        }

        @After
        public void after(Session s) {
            log.add("after " + s.returns());
        }

        @Other
        public String other(Session s) {
            return "other " + s.originEventId();
        }

        @On("static")
        public static String staticHandler(Object value) {
            return "static " + value;
        }
    }

    /** Later in order, same id. */
    public static class Ordered {
        @On(value = "e", order = 2)
        public String second() {
            return "second";
        }

        @On(value = "e", order = 1)
        public String first() {
            return "first";
        }
    }

    public static class TwoValues {
        @On("e")
        public void twoValues(String a, Integer b) {
        }
    }

    public static class BadEnum {
        @On(value = "NOPE", type = SystemEvent.class)
        public void bad() {
        }
    }

    public static class NonPublicMethod {
        @On("e")
        void hidden() {
        }
    }

    static class NonPublicClass {
        @On("e")
        public String hidden() {
            return "reached through the caller's lookup";
        }
    }

    @Test
    void annotatedMethodsBindTheirParametersByType() {
        Shop shop = new Shop();
        Controller c = controllers.run(Controller.builder("shop").mapping(new MappingBlueprint().register(shop)));

        assertEquals(List.of("order:book"), c.request("order", "book").await(TestControllers.WAIT));
        assertEquals(List.of("reorder:pen"), c.request("reorder", "pen").await(TestControllers.WAIT));
        assertEquals(List.of(42), c.request("count", 41).await(TestControllers.WAIT));
        assertEquals(List.of("shop"), c.request("who").await(TestControllers.WAIT));
        assertEquals(List.of("static 1"), c.request("static", 1).await(TestControllers.WAIT));
        assertEquals(List.of("other nobody"), c.request("nobody").await(TestControllers.WAIT));
        java.util.Arrays.asList(new Object[] {null});
        assertEquals(java.util.Arrays.asList(new Object[] {null}), c.request("nothing").await(TestControllers.WAIT));
        assertTrue(shop.log.contains("before nothing"));
        assertTrue(shop.log.contains("after [null]"), shop.log.toString());
    }

    @Test
    void errorHandlersCanBeAnnotatedWithASystemEventId() {
        Shop shop = new Shop();
        Controller c = controllers.run(Controller.builder("errors").mapping(new MappingBlueprint().register(shop)));
        assertThrows(EventFailedException.class, () -> c.request("fail").await(TestControllers.WAIT));
        c.submit(() -> null).await(TestControllers.WAIT);
        assertTrue(shop.log.contains("error:failed"), shop.log.toString());
    }

    @Test
    void orderDecidesAmongMethodsForTheSameId() {
        Controller c = controllers.run(Controller.builder("ordered").mapping(new MappingBlueprint().register(new Ordered())));
        assertEquals(List.of("first", "second"), c.request("e").await(TestControllers.WAIT));
    }

    @Test
    void twoValueParametersFailAtRegistrationNamingTheMethod() {
        HandlerBindingException e = assertThrows(HandlerBindingException.class,
                () -> new MappingBlueprint().register(new TwoValues()));
        assertEquals("handler method dev.eventdriven.AnnotatedHandlersTest$TwoValues.twoValues(String, Integer) has 2"
                + " parameters that would take the event value (expected: at most one, besides Session and Controller)",
                e.getMessage());
    }

    @Test
    void anUnknownEnumConstantFailsAtRegistration() {
        HandlerBindingException e = assertThrows(HandlerBindingException.class,
                () -> new MappingBlueprint().register(new BadEnum()));
        assertEquals("dev.eventdriven.AnnotatedHandlersTest$BadEnum.bad(): @On names 'NOPE', which is not a constant of"
                + " dev.eventdriven.SystemEvent", e.getMessage());
    }

    @Test
    void aNonPublicMethodFailsAtRegistration() {
        HandlerBindingException e = assertThrows(HandlerBindingException.class,
                () -> new MappingBlueprint().register(new NonPublicMethod()));
        assertEquals("handler method dev.eventdriven.AnnotatedHandlersTest$NonPublicMethod.hidden() is not public"
                + " (expected: a public method; or register with a Lookup that can access it)", e.getMessage());
    }

    @Test
    void aNonPublicClassNeedsTheCallersLookup() {
        HandlerBindingException e = assertThrows(HandlerBindingException.class,
                () -> new MappingBlueprint().register(new NonPublicClass()));
        assertTrue(e.getMessage().startsWith(
                "handler method dev.eventdriven.AnnotatedHandlersTest$NonPublicClass.hidden() is not accessible"),
                e.getMessage());

        MappingBlueprint ok = new MappingBlueprint().register(new NonPublicClass(), MethodHandles.lookup());
        Controller c = controllers.run(Controller.builder("lookup").mapping(ok));
        assertEquals(List.of("reached through the caller's lookup"), c.request("e").await(TestControllers.WAIT));
    }

    @Test
    void aWrongValueTypeFailsTheEventNotTheLoop() {
        Controller c = controllers.run(Controller.builder("cast").mapping(new MappingBlueprint().register(new Shop())));
        EventFailedException e = assertThrows(EventFailedException.class,
                () -> c.request("order", 12).await(TestControllers.WAIT));
        assertTrue(e.getCause() instanceof ClassCastException, String.valueOf(e.getCause()));
        assertEquals(List.of("order:ok"), c.request("order", "ok").await(TestControllers.WAIT));
    }
}
