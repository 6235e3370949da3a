package dev.eventdriven;

/**
 * Thrown by {@link Pending#await(java.time.Duration)} when the event failed; the cause is the
 * handler's exception (or the reason the event never ran).
 */
public class EventFailedException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the event
     * @param cause why it failed
     */
    public EventFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
