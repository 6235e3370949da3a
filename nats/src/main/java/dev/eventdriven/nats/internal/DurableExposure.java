package dev.eventdriven.nats.internal;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.EventDrivenException;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.internal.codec.MalformedValueException;
import dev.eventdriven.nats.BridgeException;
import dev.eventdriven.nats.Durability;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor exposed with durable delivery: a work-queue stream holds the endpoint's events, one
 * durable consumer shared by every member hands each to one of them, and a member acknowledges an
 * event only after the processor's handlers ran (a handler's exception counts as ran: it went to the
 * processor's error handler, and sending it again would fail again). An event the processor refused
 * (closed, queue full) is handed back at once for another member; one that does not decode is
 * terminated (never delivered again). A redelivered event this member already handled (its
 * acknowledgement lost or late), or is still handling (its handlers slower than the acknowledgement
 * wait), does not run again here: it is acknowledged, or settled by the first delivery's
 * acknowledgement.
 *
 * <pre>
 *   stream ED_&lt;prefix&gt;_&lt;name&gt; ──consumer &lt;name&gt;──▶ [member: decode, skip handled] ──request──▶ processor
 *                                          ◀── ack after the handlers ran ──────────────┘
 * </pre>
 */
public final class DurableExposure extends AbstractExposure {

    private static final Logger LOG = LoggerFactory.getLogger("dev.eventdriven.nats");
    private static final String MSG_ID = "Nats-Msg-Id";

    private final Map<String, Boolean> handled;
    /** Ids taken and not yet settled: a redelivery of one of them (its handlers slower than ackWait) waits for it. */
    private final Map<String, Boolean> inProgress = new java.util.HashMap<>();
    private final MessageConsumer consumer;

    /**
     * Creates the stream and the consumer if missing, and starts consuming.
     *
     * @param name the endpoint's name
     * @param subjects the bridge's subjects
     * @param connection the connection
     * @param wire the wire format
     * @param target the processor events go into
     * @param durability the delivery's settings
     * @throws BridgeException if JetStream refused the stream or the consumer
     */
    public DurableExposure(String name, Subjects subjects, Connection connection, Wire wire, EventProcessor target,
                           Durability durability) {
        super(name, subjects.durable(name), wire, target);
        int window = durability.handledWindow();
        this.handled = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > window;
            }
        };
        String stream = subjects.stream(name);
        try {
            JetStreamManagement jsm = connection.jetStreamManagement();
            ensureStream(jsm, stream, durability);
            jsm.addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                    .durable(name)
                    .ackPolicy(AckPolicy.Explicit)
                    .ackWait(durability.ackWait())
                    .maxAckPending(durability.maxAckPending())
                    .deliverPolicy(DeliverPolicy.All)
                    .build());
            ConsumerContext context = connection.getConsumerContext(stream, name);
            this.consumer = context.consume(this::onMessage);
        } catch (IOException | JetStreamApiException e) {
            throw new BridgeException("durable exposure '" + name + "': JetStream refused stream " + stream
                    + " or its consumer (is the server running with JetStream, -js?): " + e.getMessage(), e);
        }
    }

    private void ensureStream(JetStreamManagement jsm, String stream, Durability durability)
            throws IOException, JetStreamApiException {
        try {
            jsm.getStreamInfo(stream);
        } catch (JetStreamApiException missing) {
            if (missing.getErrorCode() != 404) {
                throw missing;
            }
            jsm.addStream(StreamConfiguration.builder()
                    .name(stream)
                    .subjects(subject)
                    .retentionPolicy(RetentionPolicy.WorkQueue)
                    .storageType(StorageType.File)
                    .duplicateWindow(durability.duplicateWindow())
                    .build());
        }
    }

    private void onMessage(Message m) {
        if (closed) {
            m.nak();
            return;
        }
        counters.received.increment();
        if (m.isJetStream() && m.metaData().deliveredCount() > 1) {
            counters.redeliveries.increment();
        }
        String id = m.hasHeaders() ? m.getHeaders().getFirst(MSG_ID) : null;
        if (id != null) {
            synchronized (handled) {
                if (handled.containsKey(id)) {
                    counters.duplicates.increment();
                    m.ack();
                    return;
                }
                if (inProgress.putIfAbsent(id, Boolean.TRUE) != null) {
                    // Delivered again while its handlers still run here: the first delivery's
                    // acknowledgement settles the message (acknowledgements go by stream sequence).
                    counters.duplicates.increment();
                    return;
                }
            }
        }
        Wire.Call call;
        try {
            call = wire.readCall(m.getData());
        } catch (MalformedValueException e) {
            decodeFailed(m, e);
            forget(id);
            m.term();
            return;
        }
        try {
            target.request(call.eventId(), call.value(), call.context(), call.args())
                    .whenComplete((results, error) -> settle(m, id, call.eventId(), error));
        } catch (EventDrivenException refused) {
            forget(id);
            handBack(m, call.eventId(), refused);
        }
    }

    private void settle(Message m, String id, Object eventId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ControllerClosedException || cause instanceof RejectedEventException) {
            forget(id);
            handBack(m, eventId, (EventDrivenException) cause);
            return;
        }
        if (id != null) {
            synchronized (handled) {
                inProgress.remove(id);
                handled.put(id, Boolean.TRUE);
            }
        }
        m.ack();
    }

    private void forget(String id) {
        if (id != null) {
            synchronized (handled) {
                inProgress.remove(id);
            }
        }
    }

    private void handBack(Message m, Object eventId, EventDrivenException refused) {
        counters.refused.increment();
        LOG.warn("durable exposure '{}': {} refused event {} ({}); handed back for redelivery", name, target.name(),
                eventId, refused.getMessage());
        m.nak();
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    void stop() {
        try {
            consumer.stop();
            consumer.close();
        } catch (Exception e) {
            LOG.debug("durable exposure '{}': stopping its consumer: {}", name, e.toString());
        }
    }

}
