/**
 * EventDriven metrics for Micrometer: meters for controllers, pools, child processes and any other
 * endpoint that reports {@link dev.eventdriven.ControllerStats}.
 */
module dev.eventdriven.metrics {
    requires transitive dev.eventdriven.core;
    requires transitive micrometer.core;
    // ChildProcessMetrics only: present when the user has the adapters module.
    requires static transitive dev.eventdriven.adapters;
    // BridgeMetrics only: present when the user has the nats module.
    requires static transitive dev.eventdriven.nats;
    requires org.slf4j;

    exports dev.eventdriven.metrics;
}
