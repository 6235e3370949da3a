package dev.eventdriven;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Anything that receives events and tasks: a {@link Controller}, a pool of them, a child process, a
 * remote endpoint. Every method returns at once and may be called from any thread, the loop thread
 * included. The lifecycle of the ones that run their own handlers is {@link EventProcessor}.
 *
 * <p>Fire-and-forget forms ({@code dispatch}, {@code execute}) allocate no future. Result forms
 * ({@code request}, {@code submit}) return a {@link Pending}: the list of the handlers' return
 * values, read-only for the caller; {@link #request(Object, Object, Class)} gives the first of them
 * typed.
 *
 * <p>No event is lost without a trace: once a method returned normally, the event is handled, or
 * handed back by {@code clean()}/{@code shutdownNow()}, or its Pending fails with a clear exception.
 * A dispatcher that no longer accepts events throws {@link ControllerClosedException}; a full bounded
 * queue throws {@link RejectedEventException} (or drops, by policy).
 *
 * <p>Event ids may be strings, enums or any value with proper {@code equals}/{@code hashCode}.
 * A bad argument ({@code null} where a value is needed, a hook id such as BEFORE as an event id)
 * throws {@link IllegalArgumentException} naming it and what was expected, and nothing is
 * dispatched.
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
    Pending<List<Object>> request(Object eventId);

    /**
     * Dispatches an event and returns its result.
     *
     * @param eventId the event id, not {@code null}
     * @param value the value, may be {@code null}
     * @return the pending list of the handlers' return values
     */
    Pending<List<Object>> request(Object eventId, Object value);

    /**
     * Dispatches an event with a context and arguments, and returns its result.
     *
     * @param eventId the event id, not {@code null}
     * @param value the value, may be {@code null}
     * @param context the event context, may be {@code null}
     * @param args extra arguments
     * @return the pending list of the handlers' return values
     */
    Pending<List<Object>> request(Object eventId, Object value, Map<String, ?> context, Object... args);

    /**
     * Dispatches an event and returns its first handler's return value as a {@code type}: a
     * shorthand for {@code request(eventId, value).first(type)}.
     *
     * @param eventId the event id, not {@code null}
     * @param value the value, may be {@code null}
     * @param type the type of the first return value, not {@code null}
     * @param <T> that type
     * @return the pending first return value; a value of another type fails it with a
     *     {@link TypeMismatchException} naming the event and both types
     */
    default <T> Pending<T> request(Object eventId, Object value, Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("type: null (expected: not null)");
        }
        return request(eventId, value).first(type);
    }

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
    Pending<List<Object>> submit(Callable<?> task);

    /**
     * Runs a task with arguments on the loop thread (a SUBMIT event) and returns its result.
     *
     * @param task the task, not {@code null}
     * @param args its arguments
     * @return a pending list holding the task's result (or what SUBMIT handlers returned)
     */
    Pending<List<Object>> submit(Task task, Object... args);
}
