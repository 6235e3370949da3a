package dev.eventdriven.nats;

/**
 * The bridge's connection to NATS failed the call: it was lost with the request in flight (the
 * remote handlers may or may not have run), it is closed, or it is reconnecting and its bounded
 * reconnect buffer is full, so a publish could not be held.
 */
public final class BridgeConnectionException extends BridgeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the connection's state
     */
    public BridgeConnectionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed and the connection's state
     * @param cause the client's exception
     */
    public BridgeConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
