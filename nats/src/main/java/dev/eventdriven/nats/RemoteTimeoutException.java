package dev.eventdriven.nats;

import java.time.Duration;

/**
 * No reply to a request within its timeout. The remote handlers may or may not have run (a member
 * that died mid-request, a slow handler, a lost reply): only the waiting ended.
 */
public final class RemoteTimeoutException extends BridgeException {
    private static final long serialVersionUID = 1L;

    /** How long the request waited. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param message names the endpoint and the event
     * @param timeout how long the request waited
     */
    public RemoteTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /**
     * How long the request waited for its reply.
     *
     * @return the request timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
