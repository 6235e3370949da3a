/** Runnable examples of EventDriven for Java: Java twins of the original library's examples. */
module dev.eventdriven.examples {
    requires transitive dev.eventdriven.core;

    exports dev.eventdriven.examples;
}
