package dev.eventdriven;

/** Base type of every exception thrown by the library. Unchecked. */
public class EventDrivenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public EventDrivenException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public EventDrivenException(String message, Throwable cause) {
        super(message, cause);
    }
}
