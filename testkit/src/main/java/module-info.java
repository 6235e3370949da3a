/**
 * EventDriven test kit: controllers and pools driven on the test's thread, one virtual clock for
 * timers and delayed dispatches, and assertions on what they handled.
 */
module dev.eventdriven.testkit {
    requires transitive dev.eventdriven.core;
    requires transitive dev.eventdriven.pool;
    requires transitive dev.eventdriven.adapters;
    requires org.slf4j;

    exports dev.eventdriven.testkit;
}
