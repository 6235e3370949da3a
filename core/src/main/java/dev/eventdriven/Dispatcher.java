package dev.eventdriven;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Something events and tasks can be handed to: a {@link Controller}, or a pool of them. Every method
 * returns at once and may be called from any thread, the loop thread included.
 *
 * <p>Fire-and-forget forms ({@code dispatch}, {@code execute}) allocate no future. Result forms
 * ({@code request}, {@code submit}) return a {@link Pending}.
 *
 * <p>No event is lost without a trace: once a method returned normally, the event is handled, or
 * handed back by {@code clean()}/{@code shutdownNow()}, or its Pending fails with a clear exception.
 * A dispatcher that no longer accepts events throws {@link ControllerClosedException}; a full bounded
 * queue throws {@link RejectedEventException} (or drops, by policy).
 *
 * <p>Event ids may be strings, enums or any value with proper {@code equals}/{@code hashCode}.
 */
public interface Dispatcher extends Executor {

    /**
     * The dispatcher's name (used for threads, logs and messages).
     *
     * @return the name
     */
    String name();

    /**
     * Dispatches an event with no value.
     *
     * @param eventId the event id, not {@code null}
     */
    void dispatch(Object eventId);

    /**
     * Dispatches an event.
     *
     * @param eventId the event id, not {@code null}
     * @param value the value, may be {@code null}
     */
    void dispatch(Object eventId, Object value);

    /**
     * Dispatches an event with an event context and extra arguments.
     *
     * @param eventId the event id, not {@code null}
     * @param value the value, may be {@code null}
     * @param context the event context (wins over runtime and global contexts), may be {@code null}
     * @param args extra arguments, reachable through {@link Session#args()}
     */
    void dispatch(Object eventId, Object value, Map<String, ?> context, Object... args);

    /**
     * Dispatches an event and returns its result.
     *
     * @param eventId the event id, not {@code null}
     * @return the pending list of the handlers' return values
     */
    Pending request(Object eventId);

    /**
     * Dispatches an event and returns its result.
     *
     * @param eventId the event id, not {@code null}
     * @param value the value, may be {@code null}
     * @return the pending list of the handlers' return values
     */
    Pending request(Object eventId, Object value);

    /**
     * Dispatches an event with a context and arguments, and returns its result.
     *
     * @param eventId the event id, not {@code null}
     * @param value the value, may be {@code null}
     * @param context the event context, may be {@code null}
     * @param args extra arguments
     * @return the pending list of the handlers' return values
     */
    Pending request(Object eventId, Object value, Map<String, ?> context, Object... args);

    /**
     * Runs a task on the loop thread, fire-and-forget (a SUBMIT event).
     *
     * @param task the task, not {@code null}
     */
    @Override
    void execute(Runnable task);

    /**
     * Runs a task on the loop thread (a SUBMIT event) and returns its result.
     *
     * @param task the task, not {@code null}
     * @return a pending list holding the task's result (or what SUBMIT handlers returned)
     */
    Pending submit(Callable<?> task);

    /**
     * Runs a task with arguments on the loop thread (a SUBMIT event) and returns its result.
     *
     * @param task the task, not {@code null}
     * @param args its arguments
     * @return a pending list holding the task's result (or what SUBMIT handlers returned)
     */
    Pending submit(Task task, Object... args);
}
