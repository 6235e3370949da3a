package dev.eventdriven.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerStats;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.pool.ControllerPool;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The meters of controllers, pools and other sources in a {@link SimpleMeterRegistry}: counters and
 * the queue gauge read from the stats, the handler-time timer per event id (capped) and the
 * queue-wait timer fed by the loops' event observer.
 */
@Timeout(60)
class EventDrivenMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<EventProcessor> started = new ArrayList<>();

    @AfterEach
    void stop() {
        for (EventProcessor p : started) {
            p.shutdownNow();
            assertTrue(p.awaitTermination(WAIT) || p.state() == dev.eventdriven.ControllerState.TERMINATED);
        }
    }

    private <P extends EventProcessor> P keep(P p) {
        started.add(p);
        return p;
    }

    private double counter(String name, String controller) {
        return registry.get(name).tag(EventDrivenMetrics.TAG_CONTROLLER, controller).functionCounter().count();
    }

    private Timer handlerTimer(String controller, String event) {
        return registry.get(EventTimers.HANDLER_TIME).tag(EventDrivenMetrics.TAG_CONTROLLER, controller)
                .tag(EventDrivenMetrics.TAG_EVENT, event).timer();
    }

    @Test
    void aControllerIsCountedAndTimedPerEventId() {
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).tag("app", "shop").build();
        Controller c = keep(Controller.builder("console").adapter(metrics.adapter()).errorHandler(f -> { })
                .on("a", s -> 1)
                .on("b", s -> 2)
                .on("bad", s -> {
                    throw new IllegalStateException("boom");
                }).build());
        c.run();
        for (int i = 0; i < 10; i++) {
            c.dispatch("a", i);
        }
        for (int i = 0; i < 5; i++) {
            c.dispatch("b", i);
        }
        c.dispatch("bad");
        assertTrue(c.awaitDrained(WAIT));

        assertEquals(16, counter(StatsMeters.DISPATCHED, "console"));
        assertEquals(16, counter(StatsMeters.HANDLED, "console"));
        assertEquals(1, counter(StatsMeters.FAILED, "console"));
        assertEquals(0, counter(StatsMeters.REJECTED, "console"));
        assertEquals(10, handlerTimer("console", "a").count());
        assertEquals(5, handlerTimer("console", "b").count());
        assertEquals(1, handlerTimer("console", "bad").count());
        Timer wait = registry.get(EventTimers.QUEUE_WAIT).tag(EventDrivenMetrics.TAG_CONTROLLER, "console").timer();
        assertEquals(16, wait.count());
        assertEquals("controller", registry.get(StatsMeters.HANDLED).functionCounter().getId()
                .getTag(EventDrivenMetrics.TAG_KIND));
        assertEquals("shop", wait.getId().getTag("app"));
    }

    @Test
    void theQueueGaugeShowsWhatWaitsAndTheOverflowCountersWhatWasRefusedOrDropped() {
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).build();
        Controller full = keep(Controller.builder("full").adapter(metrics.adapter()).queueCapacity(2)
                .overflowPolicy(OverflowPolicy.FAIL).on("e", s -> 1).build());
        full.run(null, true);
        full.dispatch("e", 1);
        full.dispatch("e", 2);
        assertThrows(RejectedEventException.class, () -> full.dispatch("e", 3));
        Controller dropping = keep(Controller.builder("dropping").adapter(metrics.adapter()).queueCapacity(1)
                .overflowPolicy(OverflowPolicy.DROP_NEWEST).on("e", s -> 1).build());
        dropping.run(null, true);
        dropping.dispatch("e", 1);
        dropping.dispatch("e", 2);

        assertEquals(2, registry.get(StatsMeters.QUEUE_DEPTH).tag(EventDrivenMetrics.TAG_CONTROLLER, "full")
                .gauge().value());
        assertEquals(1, counter(StatsMeters.REJECTED, "full"));
        assertEquals(1, counter(StatsMeters.DROPPED, "dropping"));
        full.resume();
        assertTrue(full.awaitDrained(WAIT));
        assertEquals(0, registry.get(StatsMeters.QUEUE_DEPTH).tag(EventDrivenMetrics.TAG_CONTROLLER, "full")
                .gauge().value());
    }

    @Test
    void eventIdsPastTheCapShareTheOtherTimer() {
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).maxEventIds(3).build();
        Controller c = keep(Controller.builder("capped").adapter(metrics.adapter())
                .on(dev.eventdriven.SystemEvent.OTHER, s -> 0).build());
        c.run();
        for (int i = 0; i < 10; i++) {
            c.dispatch("order-" + i, i);
        }
        assertTrue(c.awaitDrained(WAIT));

        long own = registry.find(EventTimers.HANDLER_TIME).tag(EventDrivenMetrics.TAG_CONTROLLER, "capped").timers()
                .stream().filter(t -> !EventDrivenMetrics.OTHER_EVENTS.equals(t.getId().getTag("event"))).count();
        assertEquals(3, own);
        assertEquals(7, handlerTimer("capped", EventDrivenMetrics.OTHER_EVENTS).count());
    }

    @Test
    void theCapHoldsWhileTheWorkersOfAPoolMeetNewIdsConcurrently() {
        int workers = 4;
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).maxEventIds(10).build();
        ControllerPool pool = keep(ControllerPool.builder("many-ids").size(workers).adapter(metrics.adapter())
                .on(dev.eventdriven.SystemEvent.OTHER, s -> 0).build());
        pool.run();
        for (int i = 0; i < 2_000; i++) {
            pool.dispatch("id-" + i, i);
        }
        assertTrue(pool.awaitDrained(WAIT));

        List<Timer> timers = List.copyOf(registry.find(EventTimers.HANDLER_TIME)
                .tag(EventDrivenMetrics.TAG_CONTROLLER, "many-ids").timers());
        long own = timers.stream().filter(t -> !EventDrivenMetrics.OTHER_EVENTS.equals(t.getId().getTag("event")))
                .count();
        assertTrue(own >= 10 && own <= 10 + workers, "own timers: " + own);
        assertEquals(2_000, timers.stream().mapToLong(Timer::count).sum());
    }

    @Test
    void aPoolIsMeteredOnceWithTheTimersOfAllItsWorkers() {
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).build();
        ControllerPool pool = keep(ControllerPool.builder("workers").size(2).adapter(metrics.adapter())
                .on("task", s -> {
                    long end = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(50);
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    return 1;
                }).build());
        pool.run();
        for (int i = 0; i < 200; i++) {
            pool.dispatch("task", i);
        }
        assertTrue(pool.awaitDrained(WAIT));

        assertEquals("pool", registry.get(StatsMeters.HANDLED).tag(EventDrivenMetrics.TAG_CONTROLLER, "workers")
                .functionCounter().getId().getTag(EventDrivenMetrics.TAG_KIND));
        assertEquals(200, counter(StatsMeters.HANDLED, "workers"));
        Timer task = handlerTimer("workers", "task");
        assertEquals(200, task.count());
        assertTrue(task.totalTime(TimeUnit.MICROSECONDS) >= 200 * 50, "the handlers' time: " + task);
    }

    @Test
    void aBuiltProcessorCanBeBoundForCountersWithoutTimers() {
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).build();
        Controller c = keep(Controller.builder("late-bound").on("e", s -> 1).build());
        c.run();
        metrics.bind(c);
        c.dispatch("e");
        assertTrue(c.awaitDrained(WAIT));

        assertEquals(1, counter(StatsMeters.HANDLED, "late-bound"));
        assertNull(registry.find(EventTimers.HANDLER_TIME).tag(EventDrivenMetrics.TAG_CONTROLLER, "late-bound")
                .timer());
    }

    @Test
    void anotherModulesEndpointIsBoundThroughMeteredSource() {
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).build();
        long[] sent = {0};
        MeteredSource endpoint = new MeteredSource() {
            @Override
            public String name() {
                return "orders@remote";
            }

            @Override
            public String kind() {
                return "nats";
            }

            @Override
            public ControllerStats stats() {
                return new ControllerStats(sent[0], sent[0] - 1, 0, 0, 2, 1, 0, 0, 0);
            }
        };
        metrics.bind(endpoint);
        sent[0] = 5;

        assertEquals(5, counter(StatsMeters.DISPATCHED, "orders@remote"));
        assertEquals(4, counter(StatsMeters.HANDLED, "orders@remote"));
        assertEquals(2, counter(StatsMeters.REJECTED, "orders@remote"));
        assertEquals("nats", registry.get(StatsMeters.DISPATCHED).functionCounter().getId()
                .getTag(EventDrivenMetrics.TAG_KIND));
        assertEquals(1, registry.get(StatsMeters.QUEUE_DEPTH).gauge().value());
    }

    @Test
    void removeOnCloseTakesTheMetersOutOfTheRegistryWhenTheControllerTerminates() {
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).removeOnClose(true).build();
        Controller c = Controller.builder("short-lived").adapter(metrics.adapter()).on("e", s -> 1).build();
        c.run();
        c.dispatch("e");
        c.close();
        assertTrue(c.awaitTermination(WAIT));

        assertTrue(registry.find(StatsMeters.HANDLED).tag(EventDrivenMetrics.TAG_CONTROLLER, "short-lived").meters()
                .isEmpty());
        assertTrue(registry.find(EventTimers.HANDLER_TIME).meters().isEmpty());
        assertTrue(registry.find(EventTimers.QUEUE_WAIT).meters().isEmpty());
    }

    @Test
    void badOptionsAreRefusedAtOnce() {
        IllegalArgumentException cap = assertThrows(IllegalArgumentException.class,
                () -> EventDrivenMetrics.builder(registry).maxEventIds(0));
        assertEquals("maxEventIds: 0 (expected: > 0)", cap.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> EventDrivenMetrics.builder(null));
        assertEquals("registry: null (expected: not null)", none.getMessage());
    }
}
