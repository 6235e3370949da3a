/** Runnable examples of EventDriven for Java: Java twins of the original library's examples. */
module dev.eventdriven.examples {
    requires transitive dev.eventdriven.core;
    requires transitive dev.eventdriven.pool;
    requires transitive dev.eventdriven.adapters;

    exports dev.eventdriven.examples;
}
