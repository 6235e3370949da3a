package dev.eventdriven;

/**
 * The value of an {@link SystemEvent#ERROR} event: which event failed and why.
 *
 * @param eventId the id of the event whose handler threw
 * @param value the value of that event
 * @param error what the handler threw
 */
public record HandlerFailure(Object eventId, Object value, Throwable error) {
}
