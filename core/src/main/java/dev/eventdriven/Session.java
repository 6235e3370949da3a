package dev.eventdriven;

import dev.eventdriven.internal.LoopSession;
import java.util.List;
import java.util.Map;

/**
 * What a handler sees of the event it handles: the id and value, the merged contexts, the static
 * entries, the controller, and (in AFTER handlers) the handlers' returns.
 *
 * <p>A session is reachable in two ways: as a handler parameter, and from the loop thread through
 * {@link #current()}. It belongs to the loop thread and is valid only while a handler runs: do not
 * keep it or hand it to another thread (copy what you need instead).
 *
 * <p><b>Contexts.</b> {@link #get(String)} looks a key up in the event context, then the runtime
 * context given to {@link Controller#run(Map)}, then the global context given at construction: later
 * ones win. Nothing is copied per event. <b>Static entries</b> ({@link #getStatic(String)}) are the
 * framework's and the adapters': {@value #CONTROLLER}, {@value #EVENT_ID}, {@value #VALUE},
 * {@value #RETURNS}, {@value #ORIGIN_EVENT_ID}, plus what adapters and the builder put there (a pool
 * adds {@code "pool"} and {@code "workerIndex"}).
 */
public interface Session {

    /** Static key of the controller handling the event. */
    String CONTROLLER = "controller";
    /** Static key of the event id. */
    String EVENT_ID = "eventId";
    /** Static key of the event value. */
    String VALUE = "value";
    /** Static key of the handlers' returns (AFTER handlers). */
    String RETURNS = "returns";
    /** Static key of the original event id (OTHER handlers). */
    String ORIGIN_EVENT_ID = "originEventId";

    /**
     * The session of the event being handled on the calling thread.
     *
     * @return the session
     * @throws IllegalStateException if the calling thread is not running a handler
     */
    static Session current() {
        return LoopSession.current();
    }

    /**
     * The controller handling the event.
     *
     * @return the controller
     */
    Controller controller();

    /**
     * The id of the event being handled (for OTHER handlers, {@link SystemEvent#OTHER}; see
     * {@link #originEventId()}).
     *
     * @return the event id
     */
    Object eventId();

    /**
     * The id the event was dispatched with: differs from {@link #eventId()} in OTHER, BEFORE and
     * AFTER handlers.
     *
     * @return the original event id
     */
    Object originEventId();

    /**
     * The event value.
     *
     * @return the value, or {@code null}
     */
    Object value();

    /**
     * The extra arguments given to {@code dispatch} or {@code submit}.
     *
     * @return an unmodifiable list, empty if none
     */
    List<Object> args();

    /**
     * Looks a key up in the merged context (event &gt; runtime &gt; global).
     *
     * @param key the key
     * @return the value, or {@code null} if no context has the key
     */
    Object get(String key);

    /**
     * Looks a key up in the merged context, with a default.
     *
     * @param key the key
     * @param defaultValue returned when no context has the key
     * @return the value, or {@code defaultValue}
     */
    Object getOrDefault(String key, Object defaultValue);

    /**
     * Whether any context has the key.
     *
     * @param key the key
     * @return {@code true} if the event, runtime or global context holds it
     */
    boolean has(String key);

    /**
     * The event context given to {@code dispatch}.
     *
     * @return an unmodifiable map, empty if none
     */
    Map<String, Object> eventContext();

    /**
     * What an adapter's {@link dev.eventdriven.adapter.DispatchRoute} attached to this event on the
     * dispatching thread (the child-process adapter attaches the frame it encoded there), or
     * {@code null}.
     *
     * @return the attachment, or {@code null}
     */
    Object attachment();

    /**
     * Looks up a static entry (framework, builder or adapter provided).
     *
     * @param key the key
     * @return the value, or {@code null}
     */
    Object getStatic(String key);

    /**
     * The handlers' return values, in registration order. Filled in for AFTER handlers; empty before.
     *
     * @return an unmodifiable view
     */
    List<Object> returns();

    /**
     * Skips the rest of this event's processing, AFTER handlers included. Called from a SHUTDOWN
     * handler, it cancels the shutdown.
     */
    void skip();

    /**
     * Whether {@link #skip()} was called for this event.
     *
     * @return {@code true} after {@code skip()}
     */
    boolean isSkipped();
}
