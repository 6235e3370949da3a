/**
 * EventDriven adapters: periodic timers and delayed dispatch on one shared scheduler.
 */
module dev.eventdriven.adapters {
    requires transitive dev.eventdriven.core;
    requires org.slf4j;

    exports dev.eventdriven.timer;
}
