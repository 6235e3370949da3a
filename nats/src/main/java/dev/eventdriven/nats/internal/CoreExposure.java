package dev.eventdriven.nats.internal;

import dev.eventdriven.EventDrivenException;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.Pending;
import dev.eventdriven.internal.PendingView;
import dev.eventdriven.internal.codec.MalformedValueException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor exposed on core NATS (at most once): a queue subscription on the endpoint's subject,
 * its own client dispatcher thread decoding each message and dispatching it into the processor; a
 * request's results are published to its reply subject from the thread that completes them.
 *
 * <pre>
 *   NATS ──▶ [client dispatcher thread: decode] ──dispatch/request──▶ processor's loop ──reply──▶ NATS
 * </pre>
 */
public final class CoreExposure extends AbstractExposure {

    private static final Logger LOG = LoggerFactory.getLogger("dev.eventdriven.nats");

    private final Connection connection;
    private final Dispatcher dispatcher;

    /**
     * Subscribes.
     *
     * @param name the endpoint's name
     * @param subject its subject, also the queue group
     * @param connection the connection
     * @param wire the wire format
     * @param target the processor events go into
     */
    public CoreExposure(String name, String subject, Connection connection, Wire wire, EventProcessor target) {
        super(name, subject, wire, target);
        this.connection = connection;
        this.dispatcher = connection.createDispatcher(this::onMessage);
        dispatcher.subscribe(subject, subject);
    }

    private void onMessage(Message m) {
        counters.received.increment();
        String replyTo = m.getReplyTo();
        Wire.Call call;
        try {
            call = wire.readCall(m.getData());
        } catch (MalformedValueException e) {
            decodeFailed(m, e);
            if (replyTo != null) {
                reply(replyTo, wire.failure(e), null);
            }
            return;
        }
        try {
            if (replyTo == null) {
                target.dispatch(call.eventId(), call.value(), call.context(), call.args());
            } else {
                Pending<List<Object>> pending = target.request(call.eventId(), call.value(), call.context(),
                        call.args());
                pending.whenComplete((results, error) -> answer(replyTo, call.eventId(), results,
                        pending instanceof PendingView<?> v && v.firstReturnsNothing(), error));
            }
        } catch (EventDrivenException refused) {
            counters.refused.increment();
            LOG.warn("exposure '{}': {} refused event {}: {}", name, target.name(), call.eventId(),
                    refused.getMessage());
            if (replyTo != null) {
                reply(replyTo, wire.failure(refused), call.eventId());
            }
        }
    }

    private void answer(String replyTo, Object eventId, List<Object> results, boolean firstReturnsNothing,
                        Throwable error) {
        byte[] body;
        if (error == null) {
            try {
                body = wire.reply(results, firstReturnsNothing);
            } catch (IllegalArgumentException notEncodable) {
                body = wire.failure(new IllegalArgumentException("results of event " + eventId + " cannot be sent"
                        + " back: " + notEncodable.getMessage()));
            }
        } else {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            body = wire.failure(cause);
        }
        reply(replyTo, body, eventId);
    }

    private void reply(String replyTo, byte[] body, Object eventId) {
        try {
            Publishing.publish(connection, replyTo, null, null, body, "exposure", name);
            counters.replies.increment();
        } catch (RuntimeException e) {
            LOG.warn("exposure '{}': the reply to event {} was not sent: {}", name, eventId, e.getMessage());
        }
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    void stop() {
        if (connection.getStatus() != Connection.Status.CLOSED) {
            connection.closeDispatcher(dispatcher);
        }
        if (connection.getStatus() == Connection.Status.CONNECTED) {
            try {
                // One round trip: the server has taken the unsubscription, so a request sent after
                // close() returns finds no responder here (and fails fast if nobody else answers).
                connection.flush(Duration.ofSeconds(1));
            } catch (TimeoutException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.debug("exposure '{}': the unsubscription was not confirmed: {}", name, e.toString());
            }
        }
    }

}
