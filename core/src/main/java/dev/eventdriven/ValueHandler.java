package dev.eventdriven;

/**
 * A handler that takes the event's value as a {@code T} and returns a result:
 * {@code .on("greet", String.class, name -> "hello " + name)}. A value of another type fails the
 * event with a {@link TypeMismatchException} naming the handler, the event and both types (routed
 * to the error path like any handler failure); {@code null} is passed as {@code null}. The session is
 * still reachable through {@link Session#current()}.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ValueHandler<T> {
    /**
     * Handles the current event's value.
     *
     * @param value the value
     * @return a result collected into the event's {@link Pending}, or {@code null}
     * @throws Exception any failure
     */
    Object handle(T value) throws Exception;
}
