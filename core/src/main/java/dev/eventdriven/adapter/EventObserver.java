package dev.eventdriven.adapter;

/**
 * Hears of every event a controller's loop (or each worker of a pool) has handled, with its timings:
 * the hook that metrics adapters use ({@link AdapterContext#addEventObserver}). A controller with no
 * observer (and no Flight Recorder recording running) does not time its events at all.
 *
 * <p>Called on the loop thread right after the event's handlers (BEFORE and AFTER hooks included),
 * for every event but SHUTDOWN; it must be quick and should not throw (a throw is logged and the
 * loop goes on). Events taken by the loops of a pool reach the pool's observers from each worker's
 * thread concurrently.
 */
@FunctionalInterface
public interface EventObserver {

    /**
     * An event was handled.
     *
     * @param controller the name of the controller (or pool worker) whose loop handled it
     * @param eventId the event id as dispatched ({@link dev.eventdriven.SystemEvent#SUBMIT} for a task)
     * @param queueWaitNanos from the dispatch to the start of the handlers; {@code -1} when the
     *     dispatch was not timed (it came before the observer or a recording was there)
     * @param handlerNanos the time the handlers took
     * @param failed whether a handler threw
     */
    void handled(String controller, Object eventId, long queueWaitNanos, long handlerNanos, boolean failed);
}
