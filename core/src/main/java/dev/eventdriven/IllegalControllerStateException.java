package dev.eventdriven;

/** Thrown by a lifecycle method called in a state that does not allow it; names the current state. */
public class IllegalControllerStateException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /** The state the controller was in when the call was refused. */
    private final ControllerState state;

    /**
     * Creates the exception.
     *
     * @param message what was attempted
     * @param state the state the controller was in
     */
    public IllegalControllerStateException(String message, ControllerState state) {
        super(message);
        this.state = state;
    }

    /**
     * The state the controller was in when the call was refused.
     *
     * @return the state
     */
    public ControllerState state() {
        return state;
    }
}
