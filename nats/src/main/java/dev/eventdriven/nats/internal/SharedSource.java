package dev.eventdriven.nats.internal;

import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.Listening;
import io.nats.client.Connection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source side of remote listening: a listener of a local processor that publishes each packet
 * it is forwarded (the events the sharing allows) on the source's events subject. It runs on the
 * source's loop thread and never throws into it: an event that cannot be published is logged and
 * counted.
 */
public final class SharedSource extends EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger("dev.eventdriven.nats");

    private final String sourceName;
    private final String subject;
    private final Connection connection;
    private final Wire wire;
    private final Counters counters = new Counters();
    private volatile Listening listening;

    /**
     * Creates the publisher.
     *
     * @param sourceName the shared processor's name
     * @param subject the source's events subject
     * @param connection the connection
     * @param wire the wire format
     */
    public SharedSource(String sourceName, String subject, Connection connection, Wire wire) {
        this.sourceName = sourceName;
        this.subject = subject;
        this.connection = connection;
        this.wire = wire;
    }

    /**
     * Remembers the listening this publisher serves.
     *
     * @param listening the source's listening
     */
    public void listening(Listening listening) {
        this.listening = listening;
    }

    /**
     * The counters: sent and refused.
     *
     * @return the counters
     */
    public Counters counters() {
        return counters;
    }

    @Override
    public String name() {
        return "nats:" + subject;
    }

    @Override
    public void dispatch(Object eventId, Object value, Map<String, ?> context, Object... args) {
        if (!(value instanceof ForwardingPacket p)) {
            return; // only the source's listening dispatches here
        }
        try {
            Publishing.publish(connection, subject, null, null, wire.shared(eventId, p.value(), p.context(), p.route()),
                    "shared source", sourceName);
            counters.sent.increment();
        } catch (RuntimeException e) {
            counters.refused.increment();
            LOG.warn("shared source '{}': event {} not published to remote listeners: {}", sourceName, eventId,
                    e.getMessage());
        }
    }

    @Override
    UnsupportedOperationException refusal() {
        return new UnsupportedOperationException("the publisher of shared source '" + sourceName
                + "' takes forwarded events only");
    }

    /** Ends the sharing. */
    public void close() {
        Listening l = listening;
        if (l != null) {
            l.close();
        }
    }
}
