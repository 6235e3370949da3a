package dev.eventdriven.adapter;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.mapping.MappingManager;

/** What an adapter may extend when it is installed ({@link Adapter#setup}). */
public interface AdapterContext {

    /**
     * The controller or pool being built (NEW).
     *
     * @return the controller or pool
     */
    EventProcessor processor();

    /**
     * The controller's mapping, to contribute handlers.
     *
     * @return the mapping
     */
    MappingManager mapping();

    /**
     * Adds an entry to the global context (after the builder's; this one wins on the same key).
     *
     * @param key the key
     * @param value the value
     */
    void putGlobal(String key, Object value);

    /**
     * Adds a static entry ({@link dev.eventdriven.Session#getStatic(String)}).
     *
     * @param key the key
     * @param value the value
     */
    void putStatic(String key, Object value);

    /**
     * Wakes threads waiting in {@code awaitIdle}/{@code awaitDrained} so they look at
     * {@link Adapter#isIdle()} again. Any thread.
     */
    void signal();

    /**
     * Registers a check run on the dispatching thread for every event dispatched or submitted to the
     * controller or pool (for a pool: dispatched to the pool itself).
     *
     * @param validator the check
     */
    void addDispatchValidator(DispatchValidator validator);
}
