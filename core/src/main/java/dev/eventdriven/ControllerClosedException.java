package dev.eventdriven;

/**
 * Thrown by {@code dispatch}/{@code submit} on a controller that has been shut down, and used as the
 * failure of a {@link Pending} whose event will never run because its controller stopped.
 */
public class ControllerClosedException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the controller and why the event was refused
     */
    public ControllerClosedException(String message) {
        super(message);
    }
}
