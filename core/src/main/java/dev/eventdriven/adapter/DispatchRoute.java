package dev.eventdriven.adapter;

/**
 * Sees every event on the dispatching thread, before it is queued, and may check it, attach
 * something to it, or take it: the child-process adapter encodes an event for its child at the call
 * site (so a value it could not carry fails in {@code dispatch}, not later on the loop) and writes it
 * to the child from the caller's thread when nothing in the controller needs to see it first.
 * Registered by an adapter through {@link AdapterContext#addDispatchRoute(DispatchRoute)}; costs
 * nothing when none is registered. Routes are asked in the order they were added; the first that
 * takes an event ends the asking.
 */
@FunctionalInterface
public interface DispatchRoute {

    /**
     * Sees one event. Any thread (the dispatcher's); it must not block except to apply an overflow
     * policy.
     *
     * @param event the event: its id ({@link dev.eventdriven.SystemEvent#SUBMIT} for tasks), value,
     *     context, arguments, and the means to attach to it or take it
     * @return {@code true} if the route took the event: the controller does not queue it, and the
     *     route completes the result it got from {@link RoutedEvent#take()}; {@code false} to let the
     *     controller queue it
     * @throws RuntimeException (an {@link IllegalArgumentException} or a library exception) to refuse
     *     the dispatch; it propagates to the caller of {@code dispatch}/{@code request}/{@code submit}
     *     and nothing is queued
     */
    boolean route(RoutedEvent event);
}
