/**
 * EventDriven pool: {@link dev.eventdriven.pool.ControllerPool}, a group of worker controllers that
 * share one mapping and one event queue.
 */
module dev.eventdriven.pool {
    requires transitive dev.eventdriven.core;
    requires org.slf4j;

    exports dev.eventdriven.pool;
}
