package dev.eventdriven.metrics;

import dev.eventdriven.subprocess.Subprocess;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * Meters of a child process (the subprocess adapter), tagged {@code kind=child} and the child's
 * name: {@code eventdriven.child.alive} (1 while a child runs), {@code eventdriven.child.pid} (the
 * current child's pid, NaN while none runs) and {@code eventdriven.child.restarts}. Needs the
 * adapters module. Events that the adapter hands straight to the child (no BEFORE/AFTER hook, no
 * listener on the parent) do not pass the parent's loop, so the parent's counters and timers do
 * not see them; the adapter has no public call counters yet.
 */
public final class ChildProcessMetrics {

    static final String ALIVE = "eventdriven.child.alive";
    static final String PID = "eventdriven.child.pid";
    static final String RESTARTS = "eventdriven.child.restarts";

    private ChildProcessMetrics() {
    }

    /**
     * Registers the meters of a child process, once its parent is built (the child's name is known
     * from then on). The meters hold {@code subprocess} weakly.
     *
     * @param metrics the registry and common tags
     * @param subprocess the adapter, installed on a built parent
     * @return the meters registered
     * @throws IllegalArgumentException if the adapter was not installed yet (it has no name)
     */
    public static List<Meter> bind(EventDrivenMetrics metrics, Subprocess subprocess) {
        EventDrivenMetrics.notNull("metrics", metrics);
        EventDrivenMetrics.notNull("subprocess", subprocess);
        String name = subprocess.childName();
        if (name == null) {
            throw new IllegalArgumentException("subprocess: not installed (expected: an adapter of a built controller)");
        }
        Tags tags = metrics.tagsOf(name, "child");
        return List.of(
                Gauge.builder(ALIVE, subprocess, s -> s.isChildAlive() ? 1 : 0).tags(tags)
                        .description("1 while a child process runs").register(metrics.registry()),
                Gauge.builder(PID, subprocess, ChildProcessMetrics::pidOrNaN).tags(tags)
                        .description("the current child's process id").register(metrics.registry()),
                FunctionCounter.builder(RESTARTS, subprocess, Subprocess::restarts).tags(tags)
                        .description("times the child was restarted").register(metrics.registry()));
    }

    private static double pidOrNaN(Subprocess s) {
        if (!s.isChildAlive()) {
            return Double.NaN;
        }
        try {
            return s.pid();
        } catch (RuntimeException gone) {
            return Double.NaN; // died between the two calls
        }
    }
}
