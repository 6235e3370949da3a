package dev.eventdriven;

/**
 * A handler's failure: the value of an {@link SystemEvent#ERROR} event, and what an
 * {@link ErrorHandler} receives.
 *
 * @param eventId the id of the event whose handler threw
 * @param value the value of that event
 * @param error what the handler threw
 * @param controller the name of the controller (or pool worker) that ran it
 * @param handler the handler that threw: the annotated method, the typed handler's registration
 *     site, or the lambda's class
 * @param observed whether the event's result had a dependent stage or a waiter when it failed
 */
public record HandlerFailure(Object eventId, Object value, Throwable error, String controller, String handler,
                             boolean observed) {
}
