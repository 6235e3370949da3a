package dev.eventdriven.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MetricsExampleTest {

    private static boolean has(List<String> lines, String prefix) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }

    @Test
    void theScrapeHasTheCountersTheQueueGaugeAndTheTimersOfBothProcessors() {
        List<String> lines = ExampleOutput.of(MetricsExample::run);

        assertTrue(has(lines, "# TYPE eventdriven_events_handled_total counter"), lines.toString());
        assertTrue(has(lines, "eventdriven_events_handled_total{app=\"shop\",controller=\"console\",kind=\"controller\"}"
                + " 21.0"), lines.toString());
        assertTrue(has(lines, "eventdriven_events_handled_total{app=\"shop\",controller=\"workers\",kind=\"pool\"} 20.0"),
                lines.toString());
        assertTrue(has(lines, "eventdriven_queue_depth{app=\"shop\",controller=\"workers\",kind=\"pool\"} 0.0"),
                lines.toString());
        assertTrue(has(lines, "eventdriven_handler_time_seconds_count{app=\"shop\",controller=\"workers\","
                + "event=\"order\",kind=\"pool\"} 20"), lines.toString());
        assertTrue(has(lines, "eventdriven_queue_wait_seconds_count{app=\"shop\",controller=\"console\","
                + "kind=\"controller\"} 21"), lines.toString());
    }
}
