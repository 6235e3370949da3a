package dev.eventdriven;

/**
 * A value or result is not of the type its user declared: a typed handler got a value of another
 * type, or {@link Pending#first(Class)} found a result of another type. The message names the
 * event, the handler where there is one, and both types.
 */
public class TypeMismatchException extends EventDrivenException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected and what was found
     */
    public TypeMismatchException(String message) {
        super(message);
    }
}
