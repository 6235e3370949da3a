package dev.eventdriven;

/** What the loop does after a handler threw (after the error was logged and routed). */
public enum ErrorPolicy {
    /** Go on with the next event (the default). */
    CONTINUE,
    /** Begin a graceful shutdown: events already queued are still handled. */
    SHUTDOWN,
    /** Stop at once, as {@link Controller#shutdownNow()}; queued events fail their pendings. */
    STOP
}
