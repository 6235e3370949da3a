/**
 * EventDriven core: controllers (one event loop each), mappings, sessions, pending results and the
 * adapter SPI.
 */
module dev.eventdriven.core {
    requires org.slf4j;

    exports dev.eventdriven;
    exports dev.eventdriven.mapping;
    exports dev.eventdriven.adapter;
    // Machinery shared with the library's own modules only; never with users.
    exports dev.eventdriven.internal to dev.eventdriven.pool, dev.eventdriven.adapters, dev.eventdriven.testkit;
}
