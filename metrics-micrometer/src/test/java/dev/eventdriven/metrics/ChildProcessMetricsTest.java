package dev.eventdriven.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.subprocess.Subprocess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A child process's meters: alive, pid, restarts. */
@Timeout(60)
class ChildProcessMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double gauge(String name) {
        return registry.get(name).tag(EventDrivenMetrics.TAG_CONTROLLER, "metered-child")
                .tag(EventDrivenMetrics.TAG_KIND, "child").gauge().value();
    }

    @Test
    void aRunningChildIsAliveWithItsPidAndAStoppedOneIsNot() {
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).build();
        Subprocess sub = Subprocess.builder(EchoChild.class).name("metered-child").build();
        Controller parent = Controller.builder("metered-parent").adapter(sub).adapter(metrics.adapter()).build();
        ChildProcessMetrics.bind(metrics, sub);
        parent.run();
        try {
            assertEquals(List.of("hi"), parent.request("echo", "hi").await(WAIT));
            assertEquals(1, gauge(ChildProcessMetrics.ALIVE));
            assertEquals(sub.pid(), (long) gauge(ChildProcessMetrics.PID));
            assertEquals(0, registry.get(ChildProcessMetrics.RESTARTS).functionCounter().count());
        } finally {
            parent.close();
        }
        assertTrue(parent.awaitTermination(WAIT));
        assertEquals(0, gauge(ChildProcessMetrics.ALIVE));
        assertTrue(Double.isNaN(gauge(ChildProcessMetrics.PID)));
    }

    @Test
    void anAdapterNotInstalledYetIsRefused() {
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).build();
        Subprocess sub = Subprocess.builder(EchoChild.class).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChildProcessMetrics.bind(metrics, sub));
        assertTrue(e.getMessage().startsWith("subprocess: not installed"), e.getMessage());
    }
}
