package dev.eventdriven.internal.codec;

import dev.eventdriven.EventDrivenException;

/**
 * Bytes that are not exactly one valid value of the {@link ValueCodec}, or that break one of its
 * limits. Each transport turns it into its own failure: the child-process channel into a
 * {@code ChannelProtocolException} that ends the child, a bridge into a counted decode failure.
 */
public final class MalformedValueException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, and where in the bytes
     */
    public MalformedValueException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong, and where in the bytes
     * @param cause what the decoder caught
     */
    public MalformedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
