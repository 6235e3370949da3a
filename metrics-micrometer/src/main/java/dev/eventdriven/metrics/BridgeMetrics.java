package dev.eventdriven.metrics;

import dev.eventdriven.nats.BridgeEndpoint;
import dev.eventdriven.nats.DurableEndpoint;
import dev.eventdriven.nats.EndpointStats;
import dev.eventdriven.nats.Exposure;
import dev.eventdriven.nats.RemoteEndpoint;
import dev.eventdriven.nats.RemoteSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Meters of a NATS bridge endpoint ({@link BridgeEndpoint}: an exposure, a remote or durable
 * endpoint, a sharing, a remote source), read from its {@link EndpointStats} when scraped:
 * counters {@code eventdriven.bridge.{sent,received,replies,timeouts,decode.failures,redeliveries,
 * duplicates,refused}}, tagged with the endpoint's name ({@code controller}) and
 * {@code kind=nats-exposure | nats-remote | nats-durable | nats-source | nats-sharing}. Needs the nats
 * module. The meters hold the endpoint weakly.
 */
public final class BridgeMetrics {

    static final String PREFIX = "eventdriven.bridge.";

    private BridgeMetrics() {
    }

    /**
     * Registers the meters of a bridge endpoint.
     *
     * @param metrics the registry and common tags
     * @param endpoint the endpoint
     * @return the meters registered
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public static List<Meter> bind(EventDrivenMetrics metrics, BridgeEndpoint endpoint) {
        EventDrivenMetrics.notNull("metrics", metrics);
        EventDrivenMetrics.notNull("endpoint", endpoint);
        Tags tags = metrics.tagsOf(endpoint.name(), kind(endpoint));
        List<Meter> meters = new ArrayList<>();
        meters.add(counter(metrics, tags, endpoint, "sent", "messages published", EndpointStats::sent));
        meters.add(counter(metrics, tags, endpoint, "received", "messages taken", EndpointStats::received));
        meters.add(counter(metrics, tags, endpoint, "replies", "replies published or taken", EndpointStats::replies));
        meters.add(counter(metrics, tags, endpoint, "timeouts", "requests without a reply in time",
                EndpointStats::timeouts));
        meters.add(counter(metrics, tags, endpoint, "decode.failures", "messages that did not decode",
                EndpointStats::decodeFailures));
        meters.add(counter(metrics, tags, endpoint, "redeliveries", "durable messages delivered again",
                EndpointStats::redeliveries));
        meters.add(counter(metrics, tags, endpoint, "duplicates", "duplicates suppressed", EndpointStats::duplicates));
        meters.add(counter(metrics, tags, endpoint, "refused", "events refused or not published",
                EndpointStats::refused));
        return meters;
    }

    private static String kind(BridgeEndpoint endpoint) {
        if (endpoint instanceof Exposure) {
            return "nats-exposure";
        }
        if (endpoint instanceof RemoteEndpoint) {
            return "nats-remote";
        }
        if (endpoint instanceof DurableEndpoint) {
            return "nats-durable";
        }
        return endpoint instanceof RemoteSource ? "nats-source" : "nats-sharing";
    }

    private static Meter counter(EventDrivenMetrics metrics, Tags tags, BridgeEndpoint endpoint, String name,
                                 String description, ToLongFunction<EndpointStats> field) {
        return FunctionCounter.builder(PREFIX + name, endpoint, e -> field.applyAsLong(e.stats())).tags(tags)
                .description(description).register(metrics.registry());
    }
}
