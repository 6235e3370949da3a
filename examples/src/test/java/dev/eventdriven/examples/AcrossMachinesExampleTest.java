package dev.eventdriven.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The across-machines example, for real: a nats-server and three more JVMs. */
@Timeout(120)
class AcrossMachinesExampleTest {

    @Test
    void twentyOrdersArePricedByTwoWorkerJvmsAndCountedByTheStatisticsJvm() {
        assertTrue(AcrossMachinesExample.natsServer().isPresent(),
                "nats-server is needed: install it with `apt-get install -y nats-server` (.ci/run does)");
        List<String> lines = ExampleOutput.of(AcrossMachinesExample::run);
        assertEquals(22, lines.size(), lines.toString());
        assertEquals("done: ink 90 cents", lines.get(0));
        assertEquals("done: pen 300 cents", lines.get(1));
        assertEquals("worker JVMs that priced orders: 2", lines.get(20));
        // ink: 1,3,…,19 × 90 = 9,000; pen: 2,4,…,20 × 150 = 16,500.
        assertEquals("statistics JVM: {cents={ink=9000, pen=16500}, orders=20}", lines.get(21));
    }
}
