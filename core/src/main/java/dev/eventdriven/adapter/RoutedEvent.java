package dev.eventdriven.adapter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An event as a {@link DispatchRoute} sees it, on the dispatching thread before it is queued. Valid
 * during {@link DispatchRoute#route} only.
 */
public interface RoutedEvent {

    /**
     * The event id.
     *
     * @return the id ({@link dev.eventdriven.SystemEvent#SUBMIT} for a task)
     */
    Object eventId();

    /**
     * The event's value.
     *
     * @return the value (the task for SUBMIT), may be {@code null}
     */
    Object value();

    /**
     * The event context given to the dispatch.
     *
     * @return the context, never {@code null}
     */
    Map<String, Object> context();

    /**
     * The extra arguments given to the dispatch.
     *
     * @return the arguments, never {@code null}
     */
    List<Object> args();

    /**
     * Whether a caller waits for the event's result.
     *
     * @return {@code true} for {@code request}/{@code submit}, {@code false} for a fire-and-forget dispatch
     */
    boolean wantsResult();

    /**
     * Takes the event: the controller will not queue it, and the route must complete the returned
     * future with the list of the results (or fail it). From this call on a caller's
     * {@code cancel} is refused. Call it only when {@link DispatchRoute#route} then returns
     * {@code true}.
     *
     * @return the completer of the caller's result, or {@code null} for a fire-and-forget dispatch
     */
    CompletableFuture<List<Object>> take();

    /**
     * Attaches a value to the event, for its handlers to read with
     * {@link dev.eventdriven.Session#attachment()} (the child-process adapter attaches the encoded
     * frame, so that the loop sends exactly what was checked at the call site).
     *
     * @param attachment the value, not {@code null}
     */
    void attach(Object attachment);
}
