package dev.eventdriven;

/**
 * Thrown by {@code dispatch}/{@code submit} when a bounded queue is full and the overflow policy is
 * {@link OverflowPolicy#FAIL}, or {@link OverflowPolicy#BLOCK} timed out.
 */
public class RejectedEventException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the controller, the event and the capacity
     */
    public RejectedEventException(String message) {
        super(message);
    }
}
