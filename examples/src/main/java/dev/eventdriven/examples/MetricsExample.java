package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.metrics.EventDrivenMetrics;
import dev.eventdriven.pool.ControllerPool;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Metrics: a console controller and a worker pool metered into a Prometheus registry (Micrometer's
 * {@code micrometer-registry-prometheus}, used by this example only), then one scrape, as a
 * Prometheus server would read it from an HTTP endpoint.
 *
 * <pre>
 *   [console] --"order" x 20--&gt; [workers: 2]      EventDrivenMetrics.adapter() on both
 *        \                          /
 *         +--- stats + observer ---+--&gt; PrometheusMeterRegistry --scrape()--&gt; text format
 * </pre>
 */
public final class MetricsExample {

    private MetricsExample() {
    }

    /**
     * Runs the example and prints the library's lines of the scrape.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EventDrivenMetrics metrics = EventDrivenMetrics.builder(registry).tag("app", "shop").build();
        try (ControllerPool workers = ControllerPool.builder("workers").size(2).adapter(metrics.adapter())
                .on("order", s -> {
                    return "packed " + s.value();
                })
                .build();
             Controller console = Controller.builder("console").adapter(metrics.adapter())
                .on("order", s -> {
                    return workers.request("order", s.value()); // the result arrives later
                })
                .on("status", s -> {
                    return "ok";
                })
                .build()) {
            workers.run();
            console.run();
            for (int i = 1; i <= 20; i++) {
                console.dispatch("order", i);
            }
            console.request("status").await(Duration.ofSeconds(10));
            console.awaitDrained(Duration.ofSeconds(10));
            workers.awaitDrained(Duration.ofSeconds(10));

            List<String> lines = registry.scrape().lines()
                    .filter(l -> l.contains("eventdriven_")).toList();
            lines.forEach(out::println);
        }
    }

    /**
     * Entry point.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        run(System.out);
    }
}
