/**
 * EventDriven core: controllers (one event loop each), mappings, sessions, pending results and the
 * adapter SPI.
 */
module dev.eventdriven.core {
    requires org.slf4j;
    // The Flight Recorder events (dev.eventdriven.jfr) extend jdk.jfr.Event: part of the JDK, no
    // dependency; transitive because the event classes are public API.
    requires transitive jdk.jfr;

    exports dev.eventdriven;
    exports dev.eventdriven.mapping;
    exports dev.eventdriven.adapter;
    exports dev.eventdriven.jfr;
    exports dev.eventdriven.topology;
    // Machinery shared with the library's own modules only; never with users.
    exports dev.eventdriven.internal to dev.eventdriven.pool, dev.eventdriven.adapters, dev.eventdriven.nats,
            dev.eventdriven.testkit;
    // The value codec of every process boundary (child processes, bridges).
    exports dev.eventdriven.internal.codec to dev.eventdriven.adapters, dev.eventdriven.nats;
}
