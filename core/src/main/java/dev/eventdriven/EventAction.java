package dev.eventdriven;

/**
 * A handler that returns nothing: {@code .on("tick", s -> out.println(s.value()))}. Its place
 * in the event's result list is {@code null}.
 *
 * <p>Java picks this overload of {@code on(id, …)} whenever the lambda fits it, which includes a
 * lambda whose body is a single method call that returns a value ({@code s -> compute(s)}) and a
 * method reference ({@code this::compute}): that value is then dropped. To return it, write a block
 * ({@code s -> { return compute(s); }}) or pass an {@link EventHandler}-typed variable or cast. A
 * lambda whose body is an expression that is not a call ({@code s -> "hello " + s.value()}) can only
 * be an {@code EventHandler} and returns its value.
 */
@FunctionalInterface
public interface EventAction extends EventHandler {

    /**
     * Handles the current event.
     *
     * @param session the event's session (valid during this call only)
     * @throws Exception any failure; it is routed to the error path like any handler's
     */
    void accept(Session session) throws Exception;

    /**
     * Runs {@link #accept(Session)}.
     *
     * @param session the event's session
     * @return {@code null}
     * @throws Exception what {@code accept} threw
     */
    @Override
    default Object handle(Session session) throws Exception {
        accept(session);
        return null;
    }
}
