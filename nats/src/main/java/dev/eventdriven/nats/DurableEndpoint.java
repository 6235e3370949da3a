package dev.eventdriven.nats;

import dev.eventdriven.Dispatcher;
import java.util.concurrent.CompletableFuture;

/**
 * The sending side of a durable endpoint: events are stored in the endpoint's stream (JetStream) and
 * handed to one member of those exposing it, acknowledged after its handlers ran, delivered again if
 * the member died (see {@link Durability}). The stream must exist: it is created by the first
 * {@code expose(name, processor, durability)}.
 *
 * <p>{@code dispatch} stores asynchronously under a fresh message id; a store that fails is logged and
 * counted as refused. {@link #store} says when (and whether) the event is stored, and takes the
 * message id, so a retried send is dropped by the stream as a duplicate. Requests and tasks are
 * refused with an {@link UnsupportedOperationException}: results do not travel back through a
 * stream (use {@link NatsBridge#remote} for requests).
 */
public interface DurableEndpoint extends Dispatcher, BridgeEndpoint {

    /**
     * Stores an event under a message id.
     *
     * @param eventId the event id
     * @param value its value
     * @param messageId the id the stream deduplicates by, within its duplicate window; not blank
     * @return completed when the stream stored (or dropped as duplicate) the event; failed with a
     *     {@link BridgeException} if it did not
     * @throws IllegalArgumentException if the value is not encodable, the message too big, or the id
     *     blank
     */
    CompletableFuture<StoredEvent> store(Object eventId, Object value, String messageId);

    /**
     * This side's counters: sent (stored), duplicates (dropped by the stream), refused (not stored).
     *
     * @return the counters now
     */
    @Override
    EndpointStats stats();
}
