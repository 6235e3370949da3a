package dev.eventdriven;

import java.util.Map;

/**
 * The value a listener receives for a forwarded event (see {@link Controller#listen}).
 *
 * @param eventId the original event id
 * @param value the original event value
 * @param context the original event context (never {@code null})
 * @param listener the name given to the listening
 * @param source the name of the controller the event was dispatched to
 */
public record ForwardingPacket(Object eventId, Object value, Map<String, Object> context, String listener, String source) {
}
