package dev.eventdriven.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventdriven.nats.BridgeEndpoint;
import dev.eventdriven.nats.EndpointStats;
import dev.eventdriven.nats.Exposure;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The bridge binder reads an endpoint's counters when scraped, tagged by name and kind. */
class BridgeMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).build();

    private static final class Exposed implements Exposure {
        final AtomicReference<EndpointStats> stats = new AtomicReference<>(new EndpointStats(0, 0, 0, 0, 0, 0, 0, 0));

        @Override
        public String name() {
            return "billing";
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public EndpointStats stats() {
            return stats.get();
        }

        @Override
        public void close() {
        }
    }

    private double counter(String name, String endpoint, String kind) {
        FunctionCounter c = registry.find("eventdriven.bridge." + name).tag("controller", endpoint).tag("kind", kind)
                .functionCounter();
        return c == null ? -1 : c.count();
    }

    @Test
    void everyCounterOfAnEndpointIsReadWhenScraped() {
        Exposed exposure = new Exposed();
        assertEquals(8, BridgeMetrics.bind(metrics, exposure).size());
        assertEquals(0, counter("received", "billing", "nats-exposure"));
        exposure.stats.set(new EndpointStats(1, 2, 3, 4, 5, 6, 7, 8));
        assertEquals(1, counter("sent", "billing", "nats-exposure"));
        assertEquals(2, counter("received", "billing", "nats-exposure"));
        assertEquals(3, counter("replies", "billing", "nats-exposure"));
        assertEquals(4, counter("timeouts", "billing", "nats-exposure"));
        assertEquals(5, counter("decode.failures", "billing", "nats-exposure"));
        assertEquals(6, counter("redeliveries", "billing", "nats-exposure"));
        assertEquals(7, counter("duplicates", "billing", "nats-exposure"));
        assertEquals(8, counter("refused", "billing", "nats-exposure"));
    }

    @Test
    void anotherEndpointIsTaggedByItsOwnKindAndNullsAreRefused() {
        BridgeEndpoint sharing = new BridgeEndpoint() {
            @Override
            public String name() {
                return "nats:console";
            }

            @Override
            public EndpointStats stats() {
                return new EndpointStats(9, 0, 0, 0, 0, 0, 0, 0);
            }
        };
        BridgeMetrics.bind(metrics, sharing);
        assertEquals(9, counter("sent", "nats:console", "nats-sharing"));
        assertThrows(IllegalArgumentException.class, () -> BridgeMetrics.bind(metrics, null));
        assertThrows(IllegalArgumentException.class, () -> BridgeMetrics.bind(null, sharing));
    }
}
