package dev.eventdriven.metrics;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerStats;
import dev.eventdriven.EventProcessor;

/**
 * Something whose counters can be metered: a controller, a pool, or another module's endpoint (a
 * bridge's remote endpoint implements it, or adapts its own counters to it, and is bound with
 * {@link EventDrivenMetrics#bind(MeteredSource)}). The meters read {@link #stats()} when scraped, so
 * it must be cheap and safe from any thread.
 */
public interface MeteredSource {

    /**
     * The source's name: the {@code controller} tag of its meters.
     *
     * @return the name
     */
    String name();

    /**
     * What kind of source it is: the {@code kind} tag ({@code controller}, {@code pool}, {@code child},
     * {@code nats}, ...).
     *
     * @return the kind
     */
    String kind();

    /**
     * A snapshot of the counters (a field the source does not have stays 0). Any thread.
     *
     * @return the counters
     */
    ControllerStats stats();

    /**
     * The source of a controller ({@code kind} controller) or of a pool or other processor
     * ({@code kind} pool).
     *
     * @param processor the controller or pool
     * @return its source
     */
    static MeteredSource of(EventProcessor processor) {
        EventDrivenMetrics.notNull("processor", processor);
        String kind = processor instanceof Controller ? "controller" : "pool";
        return new MeteredSource() {
            @Override
            public String name() {
                return processor.name();
            }

            @Override
            public String kind() {
                return kind;
            }

            @Override
            public ControllerStats stats() {
                return processor.stats();
            }
        };
    }
}
