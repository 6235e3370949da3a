package dev.eventdriven;

/**
 * Thrown when a blocking wait (on a {@link Pending}, {@code awaitIdle}, {@code awaitDrained},
 * {@code awaitTermination}) is called from the loop thread that would have to complete it: waiting
 * there could only deadlock.
 */
public class LoopThreadBlockingException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the controller and the wait that was refused
     */
    public LoopThreadBlockingException(String message) {
        super(message);
    }
}
