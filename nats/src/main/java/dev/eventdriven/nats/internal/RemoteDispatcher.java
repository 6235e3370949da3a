package dev.eventdriven.nats.internal;

import dev.eventdriven.Pending;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.nats.EndpointStats;
import dev.eventdriven.nats.RemoteEndpoint;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A remote endpoint: publishes calls to the endpoint's subject; requests go through {@link RemoteCalls}. */
public final class RemoteDispatcher extends EventDispatcher implements RemoteEndpoint {

    private final String name;
    private final String subject;
    private final Connection connection;
    private final Wire wire;
    private final RemoteCalls calls;
    private final Duration timeout;
    private final Counters counters;

    /**
     * Creates the endpoint.
     *
     * @param name the endpoint's name
     * @param subject its subject
     * @param connection the connection
     * @param wire the wire format
     * @param calls the bridge's requests in flight
     * @param timeout the request timeout
     * @param counters the endpoint's counters (shared by its views with other timeouts)
     */
    public RemoteDispatcher(String name, String subject, Connection connection, Wire wire, RemoteCalls calls,
                            Duration timeout, Counters counters) {
        this.name = name;
        this.subject = subject;
        this.connection = connection;
        this.wire = wire;
        this.calls = calls;
        this.timeout = timeout;
        this.counters = counters;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void dispatch(Object eventId, Object value, Map<String, ?> context, Object... args) {
        byte[] body = wire.call(eventId, value, context, args);
        try {
            Publishing.publish(connection, subject, null, null, body, "remote", name);
        } catch (RuntimeException e) {
            counters.refused.increment();
            throw e;
        }
        counters.sent.increment();
    }

    @Override
    public Pending<List<Object>> request(Object eventId, Object value, Map<String, ?> context, Object... args) {
        byte[] body = wire.call(eventId, value, context, args);
        return calls.request(subject, name, eventId, body, timeout, counters);
    }

    @Override
    UnsupportedOperationException refusal() {
        return new UnsupportedOperationException("remote '" + name + "': a task is local code and cannot cross the"
                + " network; dispatch or request an event the remote mapping handles instead");
    }

    @Override
    public Duration requestTimeout() {
        return timeout;
    }

    @Override
    public RemoteEndpoint withRequestTimeout(Duration timeout) {
        return new RemoteDispatcher(name, subject, connection, wire, calls, Checks.positive("timeout", timeout),
                counters);
    }

    @Override
    public EndpointStats stats() {
        return counters.snapshot();
    }

    @Override
    public String toString() {
        return "RemoteEndpoint[" + name + " on " + subject + "]";
    }
}
