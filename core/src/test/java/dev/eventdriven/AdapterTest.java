package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AdapterTest {

    private final TestControllers controllers = new TestControllers();
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        controllers.close();
        CALLS.clear();
    }

    /** Records every callback. */
    public static class Recording implements Adapter {
        @Override
        public void setup(AdapterContext context) {
            CALLS.add(name() + ".setup");
            context.mapping().add("from-adapter", s -> s.get("adapter-global") + "/" + s.getStatic("adapter-static"));
            context.putGlobal("adapter-global", "g");
            context.putStatic("adapter-static", "st");
        }

        @Override
        public void running(EventProcessor c) {
            CALLS.add("running");
        }

        @Override
        public void run(EventProcessor c) {
            CALLS.add("run");
        }

        @Override
        public void suspend(EventProcessor c) {
            CALLS.add("suspend");
        }

        @Override
        public void resume(EventProcessor c) {
            CALLS.add("resume");
        }

        @Override
        public void closing(EventProcessor c) {
            CALLS.add("closing");
        }

        @Override
        public void closed(EventProcessor c) {
            CALLS.add("closed");
        }
    }

    /** A dependency created through its no-arg constructor. */
    public static class Base implements Adapter {
        @Override
        public void setup(AdapterContext context) {
            CALLS.add("Base.setup");
        }
    }

    /** Depends on Base; unique. */
    public static class Dependent implements Adapter {
        @Override
        public List<Class<? extends Adapter>> dependencies() {
            return List.of(Base.class);
        }

        @Override
        public boolean unique() {
            return true;
        }

        @Override
        public void setup(AdapterContext context) {
            CALLS.add("Dependent.setup");
        }
    }

    @Test
    void callbacksComeInLifecycleOrderAndContributionsReachHandlers() {
        Controller c = controllers.run(Controller.builder("lifecycle").adapter(new Recording()));
        assertEquals(List.of("g/st"), c.request("from-adapter").await(TestControllers.WAIT));
        c.suspend();
        c.resume();
        c.shutdown();
        assertTrue(c.awaitTermination(TestControllers.WAIT));
        assertEquals(List.of("Recording.setup", "running", "run", "suspend", "resume", "closing", "closed"), CALLS);
    }

    @Test
    void dependenciesAreInstalledFirstAndAdaptersAreFoundByNameAndType() {
        Dependent dep = new Dependent();
        Controller c = controllers.keep(Controller.builder("deps").adapter(dep).build());
        assertEquals(List.of("Base.setup", "Dependent.setup"), CALLS);
        assertSame(dep, c.adapters().get(Dependent.class).orElseThrow());
        assertSame(dep, c.adapters().get("Dependent").orElseThrow());
        assertTrue(c.adapters().get(Base.class).isPresent());
        assertEquals(2, c.adapters().all().size());
    }

    @Test
    void aUniqueAdapterCannotBeInstalledTwice() {
        Controller c = controllers.keep(Controller.builder("unique").adapter(new Dependent()).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.adapters().install(new Dependent()));
        assertEquals("adapter: Dependent (expected: at most one dev.eventdriven.AdapterTest$Dependent per controller"
                + " (it is unique))", e.getMessage());
    }

    @Test
    void adaptersThatAreNotDynamicAreInstalledOnlyBeforeRun() {
        Controller c = controllers.run(Controller.builder("late"));
        IllegalControllerStateException e = assertThrows(IllegalControllerStateException.class,
                () -> c.adapters().install(new Base()));
        assertEquals("install adapter Base into 'late': it is not dynamic, and such adapters are installed before"
                + " run() (state: RUNNING)", e.getMessage());
    }

    @Test
    void aThrowingCallbackIsLoggedAndDoesNotBreakTheController() {
        CapturedLog log = CapturedLog.of("dev.eventdriven.internal.DefaultAdapterManager");
        Controller c = controllers.run(Controller.builder("throwing").adapter(new Adapter() {
            @Override
            public void run(EventProcessor controller) {
                throw new IllegalStateException("adapter bug");
            }

            @Override
            public void exception(Session session, Throwable error) {
                throw new IllegalStateException("adapter bug in exception()");
            }
        }).on("bad", s -> { throw new IllegalArgumentException("handler bug"); }).on("ok", s -> "ok"));
        try (log) {
            c.dispatch("bad");
            assertEquals(List.of("ok"), c.request("ok").await(TestControllers.WAIT));
            List<String> messages = log.events().stream().map(e -> e.getFormattedMessage()
                    + " / " + e.getThrowableProxy().getMessage()).toList();
            assertTrue(messages.stream().anyMatch(m -> m.matches("adapter .* of 'throwing' threw in run\\(\\)"
                    + " / adapter bug")), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.matches("adapter .* of 'throwing' threw in"
                    + " exception\\(\\) / adapter bug in exception\\(\\)")), messages.toString());
        }
    }

    @Test
    void awaitIdleWaitsForBusyAdapters() {
        AtomicBoolean busy = new AtomicBoolean(true);
        AdapterContext[] ctx = new AdapterContext[1];
        Controller c = controllers.run(Controller.builder("busy-adapter").adapter(new Adapter() {
            @Override
            public void setup(AdapterContext context) {
                ctx[0] = context;
            }

            @Override
            public boolean isIdle() {
                return !busy.get();
            }
        }));
        assertTrue(!c.awaitIdle(java.time.Duration.ofMillis(50)));
        busy.set(false);
        ctx[0].signal();
        assertTrue(c.awaitIdle(TestControllers.WAIT));
    }

    @Test
    void aDispatchRouteRefusesAtTheCallSite() {
        Controller c = controllers.run(Controller.builder("validated").adapter(new Adapter() {
            @Override
            public void setup(AdapterContext context) {
                context.addDispatchRoute(event -> {
                    if (event.value() instanceof Thread) {
                        throw new IllegalArgumentException("value: a Thread (expected: something portable)");
                    }
                    return false;
                });
            }
        }).on("e", s -> "ok"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.dispatch("e", Thread.currentThread()));
        assertEquals("value: a Thread (expected: something portable)", e.getMessage());
        assertEquals(List.of("ok"), c.request("e", 1).await(TestControllers.WAIT));
        assertTrue(c.awaitIdle(TestControllers.WAIT));
        assertEquals(1, c.stats().handled(), "the refused event never entered the queue");
    }

    @Test
    void aDispatchRouteMayTakeAnEventOrAttachToIt() {
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        Controller c = controllers.run(Controller.builder("routed").adapter(new Adapter() {
            @Override
            public void setup(AdapterContext context) {
                context.addDispatchRoute(event -> {
                    if ("elsewhere".equals(event.eventId())) {
                        taken.incrementAndGet();
                        java.util.concurrent.CompletableFuture<List<Object>> result = event.take();
                        if (result != null) {
                            result.complete(List.of("handled elsewhere: " + event.value()));
                        }
                        return true;
                    }
                    event.attach("seen at the call site");
                    return false;
                });
            }
        }).on("here", s -> { return s.attachment(); }));

        assertEquals(List.of("handled elsewhere: 1"), c.request("elsewhere", 1).await(TestControllers.WAIT));
        c.dispatch("elsewhere", 2);
        assertEquals(List.of("seen at the call site"), c.request("here").await(TestControllers.WAIT));
        Pending<List<Object>> answered = c.request("elsewhere", 3);
        assertFalse(answered.cancel(true), "a taken event cannot be cancelled");
        assertEquals(3, taken.get());
        assertTrue(c.awaitIdle(TestControllers.WAIT));
        assertEquals(1, c.stats().handled(), "only the event left to the controller ran in it");
    }

    @Test
    void anAdapterRefusingTheStartMakesRunThrowAndTheControllerEnds() {
        Controller c = controllers.keep(Controller.builder("refused").adapter(new Adapter() {
            @Override
            public void running(EventProcessor p) {
                throw new IllegalStateException("not today");
            }
        }).build());
        c.dispatch("queued", 1);

        assertEquals("not today", assertThrows(IllegalStateException.class, c::run).getMessage());
        assertEquals(ControllerState.TERMINATED, c.state());
        assertEquals(1, c.clean().size(), "queued events stay for clean()");
        ControllerClosedException later = assertThrows(ControllerClosedException.class, () -> c.dispatch("e"));
        assertTrue(later.getMessage().contains("the start was refused: not today"), later.getMessage());
    }
}
