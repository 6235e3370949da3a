package dev.eventdriven.nats;

import dev.eventdriven.EventDrivenException;

/**
 * A failure of the bridge itself rather than of a remote handler: no responder, no reply in time, a
 * lost connection, a reply that does not decode. A remote handler's own exception arrives as a
 * {@link dev.eventdriven.RemoteHandlerException} instead.
 */
public class BridgeException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the endpoint
     */
    public BridgeException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed, naming the endpoint
     * @param cause the client's exception
     */
    public BridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
