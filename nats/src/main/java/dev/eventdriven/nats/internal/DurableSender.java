package dev.eventdriven.nats.internal;

import dev.eventdriven.nats.BridgeException;
import dev.eventdriven.nats.DurableEndpoint;
import dev.eventdriven.nats.EndpointStats;
import dev.eventdriven.nats.StoredEvent;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sending side of a durable endpoint: JetStream publishes with a message id. */
public final class DurableSender extends EventDispatcher implements DurableEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger("dev.eventdriven.nats");

    private final String name;
    private final String subject;
    private final String stream;
    private final JetStream jetStream;
    private final Wire wire;
    private final String idPrefix;
    private final AtomicLong ids = new AtomicLong();
    private final Counters counters = new Counters();

    /**
     * Creates the sender.
     *
     * @param name the endpoint's name
     * @param subjects the bridge's subjects
     * @param jetStream the JetStream context
     * @param wire the wire format
     * @param idPrefix unique to this sender, for the message ids {@code dispatch} makes
     */
    public DurableSender(String name, Subjects subjects, JetStream jetStream, Wire wire, String idPrefix) {
        this.name = name;
        this.subject = subjects.durable(name);
        this.stream = subjects.stream(name);
        this.jetStream = jetStream;
        this.wire = wire;
        this.idPrefix = idPrefix;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<StoredEvent> store(Object eventId, Object value, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("messageId: " + (messageId == null ? "null" : "'" + messageId + "'")
                    + " (expected: a non-blank string)");
        }
        return store(wire.call(eventId, value, null, null), eventId, messageId);
    }

    private CompletableFuture<StoredEvent> store(byte[] body, Object eventId, String messageId) {
        Headers headers = new Headers().put("Nats-Msg-Id", messageId);
        CompletableFuture<PublishAck> ack;
        try {
            ack = jetStream.publishAsync(subject, headers, body);
        } catch (RuntimeException e) {
            counters.refused.increment();
            return CompletableFuture.failedFuture(failure(eventId, e));
        }
        return ack.handle((a, e) -> {
            if (e != null) {
                counters.refused.increment();
                throw failure(eventId, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
            if (a.isDuplicate()) {
                counters.duplicates.increment();
            } else {
                counters.sent.increment();
            }
            return new StoredEvent(a.getStream(), a.getSeqno(), a.isDuplicate());
        });
    }

    private BridgeException failure(Object eventId, Throwable e) {
        return new BridgeException("durable '" + name + "': event " + eventId + " not stored in stream " + stream
                + " (is '" + name + "' exposed durably, and JetStream reachable?): " + e.getMessage(), e);
    }

    @Override
    public void dispatch(Object eventId, Object value, Map<String, ?> context, Object... args) {
        byte[] body = wire.call(eventId, value, context, args);
        store(body, eventId, idPrefix + ids.incrementAndGet()).whenComplete((stored, e) -> {
            if (e != null) {
                LOG.error(e.getMessage());
            }
        });
    }

    @Override
    UnsupportedOperationException refusal() {
        return new UnsupportedOperationException("durable '" + name + "' takes events only: results do not travel"
                + " back through a stream, and tasks are local code; use bridge.remote(\"" + name + "\") for requests");
    }

    @Override
    public EndpointStats stats() {
        return counters.snapshot();
    }

    @Override
    public String toString() {
        return "DurableEndpoint[" + name + " on " + subject + "]";
    }
}
