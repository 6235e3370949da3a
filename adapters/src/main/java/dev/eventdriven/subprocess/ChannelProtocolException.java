package dev.eventdriven.subprocess;

import dev.eventdriven.EventDrivenException;

/**
 * The channel to or from a child process carried bytes that are not a valid frame: a length below
 * zero or above the maximum frame size, a frame cut short, an unknown tag, a class the receiver cannot
 * resolve, nesting deeper than allowed, a map key or set element of a type not allowed as one, or a
 * value that would take more of the receiver's heap than its frame allows. The connection it
 * happened on cannot be trusted any more and is closed.
 */
public class ChannelProtocolException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong with the bytes
     */
    public ChannelProtocolException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong with the bytes
     * @param cause the underlying failure
     */
    public ChannelProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
