package dev.eventdriven.nats.internal;

import dev.eventdriven.nats.BridgeConnectionException;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;

/**
 * Publishes through the client, turning its refusals into the bridge's exception: a closed
 * connection, or a full reconnect buffer while the connection is down (the client holds what is
 * published during an outage up to a bounded size, then refuses).
 */
public final class Publishing {

    private Publishing() {
    }

    /**
     * Publishes a message.
     *
     * @param connection the connection
     * @param subject the subject
     * @param replyTo the reply subject, or {@code null}
     * @param headers headers, or {@code null}
     * @param body the body
     * @param kind what publishes ("remote", "exposure"…), for the message
     * @param name its name, for the message
     * @throws BridgeConnectionException if the client refused the message
     */
    public static void publish(Connection connection, String subject, String replyTo, Headers headers, byte[] body,
                               String kind, String name) {
        try {
            connection.publish(subject, replyTo, headers, body);
        } catch (IllegalStateException e) {
            throw new BridgeConnectionException(kind + " '" + name + "': not published, the NATS connection is "
                    + connection.getStatus() + " (" + e.getMessage() + ")", e);
        }
    }
}
