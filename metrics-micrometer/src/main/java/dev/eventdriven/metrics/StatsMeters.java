package dev.eventdriven.metrics;

import dev.eventdriven.ControllerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The counters and the queue gauge of one source, read from its stats when scraped. */
final class StatsMeters {

    static final String DISPATCHED = "eventdriven.events.dispatched";
    static final String HANDLED = "eventdriven.events.handled";
    static final String FAILED = "eventdriven.events.failed";
    static final String REJECTED = "eventdriven.events.rejected";
    static final String DROPPED = "eventdriven.events.dropped";
    static final String BLOCKED = "eventdriven.loop.blocked";
    static final String QUEUE_DEPTH = "eventdriven.queue.depth";

    private StatsMeters() {
    }

    /**
     * Registers the meters. They hold {@code state} weakly (Micrometer's rule for function meters):
     * a processor's meters live as long as the processor.
     */
    static <T> List<Meter> register(MeterRegistry registry, Tags tags, T state, Function<T, ControllerStats> stats) {
        List<Meter> meters = new ArrayList<>();
        meters.add(counter(registry, tags, state, stats, DISPATCHED, "events and tasks accepted into the queue",
                ControllerStats::dispatched));
        meters.add(counter(registry, tags, state, stats, HANDLED, "events taken from the queue and processed",
                ControllerStats::handled));
        meters.add(counter(registry, tags, state, stats, FAILED, "events whose handlers threw",
                ControllerStats::failed));
        meters.add(counter(registry, tags, state, stats, REJECTED, "dispatches refused (closed, full queue)",
                ControllerStats::rejected));
        meters.add(counter(registry, tags, state, stats, DROPPED, "events dropped by DROP_NEWEST",
                ControllerStats::dropped));
        meters.add(counter(registry, tags, state, stats, BLOCKED, "handlers reported by the blocked-loop detector",
                ControllerStats::blocked));
        meters.add(Gauge.builder(QUEUE_DEPTH, state, s -> stats.apply(s).queued())
                .tags(tags).description("events waiting in the queue").register(registry));
        return meters;
    }

    private static <T> Meter counter(MeterRegistry registry, Tags tags, T state, Function<T, ControllerStats> stats,
                                     String name, String description, ToLongFunction<ControllerStats> field) {
        return FunctionCounter.builder(name, state, s -> field.applyAsLong(stats.apply(s)))
                .tags(tags).description(description).register(registry);
    }
}
