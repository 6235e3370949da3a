package dev.eventdriven.nats;

/**
 * A request reached the NATS server but no JVM exposes the endpoint it was sent to: nothing ran.
 */
public final class NoResponderException extends BridgeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the endpoint and its subject
     */
    public NoResponderException(String message) {
        super(message);
    }
}
