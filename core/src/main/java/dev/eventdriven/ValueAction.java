package dev.eventdriven;

/**
 * A handler that takes the event's value as a {@code T} and returns nothing:
 * {@code .on("order", Order.class, order -> book(order))}. See {@link ValueHandler} for the type
 * check and {@link EventAction} for how Java chooses between the two.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ValueAction<T> extends ValueHandler<T> {

    /**
     * Handles the current event's value.
     *
     * @param value the value
     * @throws Exception any failure
     */
    void accept(T value) throws Exception;

    /**
     * Runs {@link #accept(Object)}.
     *
     * @param value the value
     * @return {@code null}
     * @throws Exception what {@code accept} threw
     */
    @Override
    default Object handle(T value) throws Exception {
        accept(value);
        return null;
    }
}
