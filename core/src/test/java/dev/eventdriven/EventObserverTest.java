package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.adapter.EventObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An adapter's event observer hears of every handled event with its queue wait and handler time. */
@Timeout(60)
class EventObserverTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    record Seen(String controller, Object id, long queueWait, long took, boolean failed) {
    }

    /** An adapter that observes. */
    static final class Observing implements Adapter {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        AdapterContext context;

        @Override
        public void setup(AdapterContext context) {
            this.context = context;
            context.addEventObserver((c, id, wait, took, failed) -> seen.add(new Seen(c, id, wait, took, failed)));
        }
    }

    @Test
    void everyHandledEventReachesTheObserverWithItsTimings() {
        Observing o = new Observing();
        Controller c = controllers.keep(Controller.builder("observed").adapter(o).errorHandler(f -> { })
                .on("work", s -> {
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2);
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    return 1;
                })
                .on("bad", s -> {
                    throw new IllegalStateException("boom");
                }).build());
        c.run(null, true);
        c.dispatch("work");
        c.dispatch("bad");
        c.submit(() -> 2);
        c.resume();
        assertTrue(c.awaitDrained(TestControllers.WAIT));

        assertEquals(3, o.seen.size(), o.seen.toString());
        Seen work = o.seen.get(0);
        assertEquals("observed", work.controller());
        assertEquals("work", work.id());
        assertTrue(work.took() >= TimeUnit.MILLISECONDS.toNanos(2), "handler time " + work.took());
        assertTrue(work.queueWait() >= 0, "the dispatch was timed");
        assertFalse(work.failed());
        assertTrue(o.seen.get(1).failed());
        assertEquals(SystemEvent.SUBMIT, o.seen.get(2).id());
    }

    @Test
    void anObserverThatThrowsDoesNotStopTheLoop() {
        EventObserver throwing = (c, id, wait, took, failed) -> {
            throw new IllegalStateException("observer bug");
        };
        Controller c = controllers.run(Controller.builder("tolerant").adapter(new Adapter() {
            @Override
            public void setup(AdapterContext context) {
                context.addEventObserver(throwing);
            }
        }).on("e", s -> { return s.value(); }));

        assertEquals(List.of(7), c.request("e", 7).await(TestControllers.WAIT));
        assertEquals(List.of(8), c.request("e", 8).await(TestControllers.WAIT));
    }

    @Test
    void observersAreAddedWhileNewOnly() {
        Observing o = new Observing();
        Controller c = controllers.run(Controller.builder("late").adapter(o));

        IllegalControllerStateException e = assertThrows(IllegalControllerStateException.class,
                () -> o.context.addEventObserver((n, id, w, t, f) -> { }));
        assertTrue(e.getMessage().startsWith("addEventObserver on 'late'"), e.getMessage());
        assertEquals(ControllerState.RUNNING, c.state());
    }
}
