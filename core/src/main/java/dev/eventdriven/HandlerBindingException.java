package dev.eventdriven;

/**
 * Thrown at registration when an annotated handler method cannot be bound: wrong parameters,
 * not accessible, or not public. The message names the method.
 */
public class HandlerBindingException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the method and what is wrong with it
     * @param cause the underlying failure, or {@code null}
     */
    public HandlerBindingException(String message, Throwable cause) {
        super(message, cause);
    }
}
