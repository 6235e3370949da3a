/**
 * EventDriven adapters: periodic timers and delayed dispatch on one shared scheduler, and the
 * child-process (Subprocess) adapter.
 */
module dev.eventdriven.adapters {
    requires transitive dev.eventdriven.core;
    requires dev.eventdriven.pool;
    requires org.slf4j;

    // Not opened, though it holds child-logback.xml: a child's logback reads that resource by name from
    // the child's class path, where this jar is no named module (see subprocess.internal.ChildStderr).
    exports dev.eventdriven.subprocess;
    exports dev.eventdriven.timer;
}
