package dev.eventdriven.testkit;

import java.util.List;

/**
 * One event a recorded controller or pool took: what it was, what its handlers returned, and how it
 * ended.
 *
 * @param processor the controller's name (a pool's worker for a pool)
 * @param eventId the event id as dispatched (SUBMIT for a task, SHUTDOWN for a graceful shutdown)
 * @param value the event's value
 * @param returns the handlers' returns in registration order, or {@code null} if the event was
 *     skipped or failed before its AFTER hooks
 * @param failure what a handler threw, or {@code null}
 */
public record HandledEvent(String processor, Object eventId, Object value, List<Object> returns, Throwable failure) {

    /**
     * Whether a handler of this event threw.
     *
     * @return {@code true} if it failed
     */
    public boolean failed() {
        return failure != null;
    }

    /**
     * The first handler's return.
     *
     * @return the first return, or {@code null} if none
     */
    public Object firstReturn() {
        return returns == null || returns.isEmpty() ? null : returns.get(0);
    }
}
