package dev.eventdriven.metrics;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.adapter.Adapter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * The entry point: binds controllers, pools and other sources to a {@link MeterRegistry} (meter names
 * and tags in the {@linkplain dev.eventdriven.metrics package description}).
 *
 * <pre>{@code
 * EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).maxEventIds(50).build();
 * Controller console = Controller.builder("console").adapter(metrics.adapter()).on(...).build();
 * ControllerPool workers = ControllerPool.builder("workers").adapter(metrics.adapter()).on(...).build();
 * }</pre>
 *
 * <p>{@link #adapter()} gives the full set (counters, queue gauge, and the timers, which need the
 * loop's event observer and so an adapter installed while the processor is NEW); {@link #bind}
 * meters a processor that is already built, or any {@link MeteredSource}, with counters and the gauge
 * only. Thread-safe; one instance serves any number of processors.
 */
public final class EventDrivenMetrics {

    /** The tag naming the controller, pool or source. */
    public static final String TAG_CONTROLLER = "controller";
    /** The tag saying what kind of source it is. */
    public static final String TAG_KIND = "kind";
    /** The tag of the handler-time timer naming the event id. */
    public static final String TAG_EVENT = "event";
    /** The {@link #TAG_EVENT} value shared by the event ids past {@code maxEventIds}. */
    public static final String OTHER_EVENTS = "other";
    /** The default cap on distinct event ids with a handler-time timer of their own, per processor. */
    public static final int DEFAULT_MAX_EVENT_IDS = 100;

    private final MeterRegistry registry;
    private final Tags tags;
    private final int maxEventIds;
    private final boolean removeOnClose;

    private EventDrivenMetrics(Builder b) {
        this.registry = b.registry;
        this.tags = b.tags;
        this.maxEventIds = b.maxEventIds;
        this.removeOnClose = b.removeOnClose;
    }

    /**
     * Starts building the metrics of a registry.
     *
     * @param registry where the meters go
     * @return a builder
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(notNull("registry", registry));
    }

    /**
     * A new adapter to install on one controller or pool builder (one per processor): it registers
     * the counters and the queue gauge when installed, and the handler-time and queue-wait timers
     * through an event observer on every loop of the processor.
     *
     * @return the adapter
     */
    public Adapter adapter() {
        return new MetricsAdapter(this);
    }

    /**
     * Meters a processor without the adapter (counters and queue gauge; no timers). Any state.
     *
     * @param processor the controller or pool
     * @return the meters registered
     */
    public List<Meter> bind(EventProcessor processor) {
        MeteredSource source = MeteredSource.of(processor);
        return StatsMeters.register(registry, tagsOf(source.name(), source.kind()), processor, EventProcessor::stats);
    }

    /**
     * Meters another module's endpoint (counters and queue gauge). The meters keep only a weak
     * reference to {@code source}: keep it reachable while it is to be metered.
     *
     * @param source the endpoint
     * @return the meters registered
     */
    public List<Meter> bind(MeteredSource source) {
        notNull("source", source);
        return StatsMeters.register(registry, tagsOf(source.name(), source.kind()), source, MeteredSource::stats);
    }

    /**
     * The registry the meters go to.
     *
     * @return the registry
     */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * The tags of a source's meters: the common tags, {@code controller} and {@code kind}.
     *
     * @param name the source's name
     * @param kind its kind
     * @return the tags
     */
    public Tags tagsOf(String name, String kind) {
        return tags.and(TAG_CONTROLLER, notNull("name", name), TAG_KIND, notNull("kind", kind));
    }

    int maxEventIds() {
        return maxEventIds;
    }

    boolean removeOnClose() {
        return removeOnClose;
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": null (expected: not null)");
        }
        return value;
    }

    /** Options of {@link EventDrivenMetrics}; each setter checks its argument at once. */
    public static final class Builder {
        private final MeterRegistry registry;
        private Tags tags = Tags.empty();
        private int maxEventIds = DEFAULT_MAX_EVENT_IDS;
        private boolean removeOnClose;

        private Builder(MeterRegistry registry) {
            this.registry = registry;
        }

        /**
         * Adds a tag to every meter (an application name, a host).
         *
         * @param key the tag key
         * @param value the tag value
         * @return this builder
         */
        public Builder tag(String key, String value) {
            tags = tags.and(notNull("key", key), notNull("value", value));
            return this;
        }

        /**
         * Adds tags to every meter.
         *
         * @param more the tags
         * @return this builder
         */
        public Builder tags(Iterable<Tag> more) {
            tags = tags.and(notNull("tags", more));
            return this;
        }

        /**
         * Caps the distinct event ids that get a handler-time timer of their own, per processor;
         * further ids share the timer tagged {@code event=other}, so ids made of data (an order
         * number) cannot blow up the registry. Default {@value #DEFAULT_MAX_EVENT_IDS}.
         *
         * @param max the cap, &gt; 0
         * @return this builder
         */
        public Builder maxEventIds(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxEventIds: " + max + " (expected: > 0)");
            }
            maxEventIds = max;
            return this;
        }

        /**
         * Whether an adapter removes its processor's meters from the registry when the processor has
         * terminated (default {@code false}: the last values stay visible). Programs that make many
         * short-lived controllers want {@code true}.
         *
         * @param remove {@code true} to remove them
         * @return this builder
         */
        public Builder removeOnClose(boolean remove) {
            removeOnClose = remove;
            return this;
        }

        /**
         * Builds the metrics.
         *
         * @return the metrics
         */
        public EventDrivenMetrics build() {
            return new EventDrivenMetrics(this);
        }
    }
}
