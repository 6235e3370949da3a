/**
 * EventDriven adapters: periodic timers and delayed dispatch on one shared scheduler, and the
 * child-process (Subprocess) adapter.
 */
module dev.eventdriven.adapters {
    requires transitive dev.eventdriven.core;
    requires dev.eventdriven.pool;
    requires org.slf4j;

    exports dev.eventdriven.subprocess;
    exports dev.eventdriven.timer;
}
