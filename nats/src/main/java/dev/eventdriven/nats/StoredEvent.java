package dev.eventdriven.nats;

/**
 * What the stream answered to a durable event.
 *
 * @param stream the stream's name
 * @param sequence the event's sequence number in the stream
 * @param duplicate {@code true} if the stream had stored an event with the same message id within
 *     its duplicate window and dropped this one
 */
public record StoredEvent(String stream, long sequence, boolean duplicate) {
}
