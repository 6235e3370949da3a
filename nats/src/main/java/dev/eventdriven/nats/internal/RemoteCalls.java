package dev.eventdriven.nats.internal;

import dev.eventdriven.Pending;
import dev.eventdriven.internal.GuardedFuture;
import dev.eventdriven.internal.codec.MalformedValueException;
import dev.eventdriven.nats.BridgeConnectionException;
import dev.eventdriven.nats.BridgeException;
import dev.eventdriven.nats.NoResponderException;
import dev.eventdriven.nats.RemoteTimeoutException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of one bridge in flight: one reply subscription ({@code <inbox>.*}) for all of them,
 * a correlation number per request as the last token of its reply subject, a timeout per request on
 * the bridge's timer. Each request ends exactly once: by its reply, by the server's "no responders"
 * status, by its timeout, or by the connection's loss.
 */
public final class RemoteCalls {

    private final Connection connection;
    private final Wire wire;
    private final ScheduledExecutorService timer;
    private final String replyBase;
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Dispatcher dispatcher;
    private volatile boolean closed;

    /** One request waiting for its reply. */
    private static final class InFlight {
        final GuardedFuture.Completion pending;
        final Counters counters;
        final String endpoint;
        final Object eventId;
        ScheduledFuture<?> timeout;

        InFlight(GuardedFuture.Completion pending, Counters counters, String endpoint, Object eventId) {
            this.pending = pending;
            this.counters = counters;
            this.endpoint = endpoint;
            this.eventId = eventId;
        }
    }

    /**
     * Subscribes to the replies.
     *
     * @param connection the connection
     * @param wire the wire format
     * @param timer the bridge's timer
     */
    public RemoteCalls(Connection connection, Wire wire, ScheduledExecutorService timer) {
        this.connection = connection;
        this.wire = wire;
        this.timer = timer;
        this.replyBase = connection.createInbox();
        this.dispatcher = connection.createDispatcher(this::onReply);
        dispatcher.subscribe(replyBase + ".*");
    }

    /**
     * Sends a request.
     *
     * @param subject the endpoint's subject
     * @param endpoint the endpoint's name, for messages
     * @param eventId the event id
     * @param body the encoded call
     * @param timeout how long to wait for the reply
     * @param counters the endpoint's counters
     * @return the pending results
     */
    public Pending<List<Object>> request(String subject, String endpoint, Object eventId, byte[] body,
                                         Duration timeout, Counters counters) {
        long id = ids.incrementAndGet();
        GuardedFuture.Completion pending = new GuardedFuture.Completion(eventId, () -> false);
        if (closed) {
            counters.refused.increment();
            pending.completeExceptionally(new BridgeConnectionException("remote '" + endpoint + "': the bridge is"
                    + " closed; event " + eventId + " was not sent"));
            return pending.view();
        }
        InFlight call = new InFlight(pending, counters, endpoint, eventId);
        inFlight.put(id, call);
        call.timeout = timer.schedule(() -> timedOut(id, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            Publishing.publish(connection, subject, replyBase + "." + id, null, body, "remote", endpoint);
        } catch (BridgeConnectionException e) {
            end(id, e);
            counters.refused.increment();
            return pending.view();
        }
        counters.sent.increment();
        // Cancelling stops the waiting only (the request is out): its reply or timeout then finds it done.
        return pending.view();
    }

    private void onReply(Message m) {
        String subject = m.getSubject();
        long id;
        try {
            id = Long.parseLong(subject.substring(subject.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return; // not one of ours
        }
        InFlight call = inFlight.remove(id);
        if (call == null) {
            return; // timed out, cancelled or failed already
        }
        call.timeout.cancel(false);
        call.counters.received.increment();
        if (m.isStatusMessage()) {
            if (m.getStatus().getCode() == 503) {
                call.pending.completeExceptionally(new NoResponderException("no JVM exposes endpoint '"
                        + call.endpoint + "' (no responder on its subject): event " + call.eventId + " did not run"));
            } else {
                call.pending.completeExceptionally(new BridgeException("remote '" + call.endpoint + "': server status "
                        + m.getStatus().getCode() + " " + m.getStatus().getMessage() + " for event " + call.eventId));
            }
            return;
        }
        Object reply;
        try {
            reply = wire.readReply(m.getData());
        } catch (MalformedValueException e) {
            DecodeFailures.report(call.counters, "remote '" + call.endpoint + "'", m, e);
            call.pending.completeExceptionally(new BridgeException("remote '" + call.endpoint + "': the reply to event "
                    + call.eventId + " does not decode: " + e.getMessage(), e));
            return;
        }
        call.counters.replies.increment();
        if (reply instanceof Wire.Results r) {
            if (r.firstReturnsNothing()) {
                call.pending.firstReturnsNothing();
            }
            call.pending.complete(r.values());
        } else {
            call.pending.completeExceptionally((Throwable) reply);
        }
    }

    private void timedOut(long id, Duration timeout) {
        InFlight call = inFlight.remove(id);
        if (call != null) {
            call.counters.timeouts.increment();
            call.pending.completeExceptionally(new RemoteTimeoutException("remote '" + call.endpoint
                    + "': no reply to event " + call.eventId + " within " + timeout + "; its handlers may or may not"
                    + " have run", timeout));
        }
    }

    private void end(long id, RuntimeException error) {
        InFlight call = inFlight.remove(id);
        if (call != null) {
            call.timeout.cancel(false);
            call.pending.completeExceptionally(error);
        }
    }

    /**
     * Fails every request in flight: the connection was lost or closed, so their replies cannot come.
     *
     * @param why the connection's event, for the message
     */
    public void failAll(String why) {
        for (Long id : inFlight.keySet()) {
            InFlight call = inFlight.get(id);
            if (call != null) {
                end(id, new BridgeConnectionException("remote '" + call.endpoint + "': the NATS connection was "
                        + why + " with event " + call.eventId + " in flight; its handlers may or may not have run"));
            }
        }
    }

    /**
     * The number of requests waiting for their replies.
     *
     * @return the count
     */
    public int inFlight() {
        return inFlight.size();
    }

    /** Stops taking replies and fails what waits. */
    public void close() {
        closed = true;
        failAll("closed");
        if (connection.getStatus() != Connection.Status.CLOSED) {
            connection.closeDispatcher(dispatcher);
        }
    }
}
