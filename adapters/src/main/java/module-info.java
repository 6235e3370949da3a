/**
 * EventDriven adapters: the timer and the child-process (Subprocess) adapter.
 */
module dev.eventdriven.adapters {
    requires transitive dev.eventdriven.core;
    requires org.slf4j;

    exports dev.eventdriven.subprocess;
}
