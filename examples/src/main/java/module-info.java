/** Runnable examples of EventDriven for Java: Java twins of the original library's examples. */
module dev.eventdriven.examples {
    requires transitive dev.eventdriven.core;
    requires transitive dev.eventdriven.pool;
    requires transitive dev.eventdriven.adapters;
    requires transitive dev.eventdriven.nats;
    requires dev.eventdriven.metrics;
    requires micrometer.registry.prometheus;

    exports dev.eventdriven.examples;
}
