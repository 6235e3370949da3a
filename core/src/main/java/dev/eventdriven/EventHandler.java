package dev.eventdriven;

/**
 * A handler mapped to an event id. Runs on the controller's loop thread, one at a time, in
 * registration order.
 */
@FunctionalInterface
public interface EventHandler {
    /**
     * Handles the current event.
     *
     * @param session the event's session: id, value, contexts, controller (valid during this call only)
     * @return a result collected into the event's {@link Pending}, or {@code null}
     * @throws Exception any failure; it is routed to the ERROR handlers, the log and the event's Pending
     */
    Object handle(Session session) throws Exception;

    /**
     * Adapts a handler that returns nothing.
     *
     * @param action the action
     * @return a handler that runs the action and returns {@code null}
     */
    static EventHandler of(SessionAction action) {
        return session -> {
            action.accept(session);
            return null;
        };
    }

    /** A handler body that returns nothing; see {@link EventHandler#of(SessionAction)}. */
    @FunctionalInterface
    interface SessionAction {
        /**
         * Handles the current event.
         *
         * @param session the event's session
         * @throws Exception any failure
         */
        void accept(Session session) throws Exception;
    }
}
