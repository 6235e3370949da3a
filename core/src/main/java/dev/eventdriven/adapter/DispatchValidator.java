package dev.eventdriven.adapter;

import java.util.List;
import java.util.Map;

/**
 * Checks an event on the dispatching thread, before it is queued, so that an event the adapter could
 * not carry (a value a child process cannot decode, a lambda that cannot cross a process boundary)
 * fails at the call site rather than later on the loop. Registered by an adapter through
 * {@link AdapterContext#addDispatchValidator(DispatchValidator)}. Costs nothing when none is
 * registered.
 */
@FunctionalInterface
public interface DispatchValidator {

    /**
     * Checks an event. Any thread (the dispatcher's).
     *
     * @param eventId the event id ({@link dev.eventdriven.SystemEvent#SUBMIT} for tasks)
     * @param value the value (the task for SUBMIT)
     * @param context the event context, never {@code null}
     * @param args the arguments, never {@code null}
     * @throws RuntimeException (an {@link IllegalArgumentException} or a library exception) to refuse
     *     the dispatch; it propagates to the caller of {@code dispatch}/{@code submit}
     */
    void validate(Object eventId, Object value, Map<String, Object> context, List<Object> args);
}
