package dev.eventdriven;

/** Thrown by {@link Pending#await(java.time.Duration)} when the result did not arrive in time. */
public class PendingTimeoutException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the event and the timeout
     */
    public PendingTimeoutException(String message) {
        super(message);
    }
}
