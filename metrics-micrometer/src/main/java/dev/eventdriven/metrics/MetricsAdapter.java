package dev.eventdriven.metrics;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/** What {@link EventDrivenMetrics#adapter()} installs on one processor. */
final class MetricsAdapter implements Adapter {

    private final EventDrivenMetrics metrics;
    private final List<Meter> meters = new ArrayList<>();
    private EventTimers timers;

    MetricsAdapter(EventDrivenMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public boolean unique() {
        return true;
    }

    @Override
    public void setup(AdapterContext context) {
        EventProcessor p = context.processor();
        MeteredSource source = MeteredSource.of(p);
        Tags tags = metrics.tagsOf(source.name(), source.kind());
        meters.addAll(StatsMeters.register(metrics.registry(), tags, p, EventProcessor::stats));
        timers = new EventTimers(metrics.registry(), tags, metrics.maxEventIds());
        context.addEventObserver(timers);
    }

    @Override
    public void closed(EventProcessor processor) {
        if (metrics.removeOnClose()) {
            meters.forEach(metrics.registry()::remove);
            if (timers != null) {
                timers.meters().forEach(metrics.registry()::remove);
            }
        }
    }

    @Override
    public String toString() {
        return "MetricsAdapter[" + metrics.registry().getClass().getSimpleName() + "]";
    }
}
