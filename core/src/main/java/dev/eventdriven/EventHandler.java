package dev.eventdriven;

/**
 * A handler mapped to an event id that returns a result. Runs on the controller's loop thread, one
 * at a time, in registration order. For a handler that returns nothing, see {@link EventAction};
 * for one that takes the value typed, {@link ValueHandler}.
 */
@FunctionalInterface
public interface EventHandler {
    /**
     * Handles the current event.
     *
     * @param session the event's session: id, value, contexts, controller (valid during this call only)
     * @return a result collected into the event's {@link Pending}, or {@code null}
     * @throws Exception any failure; it is routed to the error handler, the ERROR handlers and the
     *     event's Pending
     */
    Object handle(Session session) throws Exception;
}
