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
     * Registers a route that sees every event dispatched, requested or submitted to the controller or
     * pool on the dispatching thread, before it is queued (for a pool: events dispatched to the pool
     * itself). While NEW only.
     *
     * @param route the route
     */
    void addDispatchRoute(DispatchRoute route);

    /**
     * The overflow policy of the controller or pool, for an adapter that bounds work of its own (a
     * child process's window of calls in flight) to apply the same policy.
     *
     * @return the policy (BLOCK for an unbounded queue)
     */
    dev.eventdriven.OverflowPolicy overflowPolicy();

    /**
     * How long a BLOCK waits for room, with {@link #overflowPolicy()}.
     *
     * @return the block timeout
     */
    java.time.Duration blockTimeout();

    /**
     * Shuts the controller or pool down gracefully because of something the adapter saw (its child
     * process is gone for good): dispatches refused from then on name {@code reason}. Any thread.
     *
     * @param reason why, for the messages of later refusals, not blank
     */
    void shutdown(String reason);

    /**
     * Registers an observer told of every event the controller (every worker of the pool) handled,
     * with its queue wait and handler time. While NEW only. Adding one makes the dispatches and the
     * loop take the time (two clock reads and one small allocation per event).
     *
     * @param observer the observer
     * @throws UnsupportedOperationException if this processor cannot time its events (the default,
     *     for contexts written before the hook existed)
     */
    default void addEventObserver(EventObserver observer) {
        throw new UnsupportedOperationException("addEventObserver on '" + processor().name()
                + "': this processor does not time its events");
    }

    /**
     * Dispatches a batch of events as one queue entry: the loop handles its events one after another
     * when it takes the entry ({@link EventBatch}), each event through the mapping and the hooks as if
     * it had been dispatched alone. Any thread. A controller with dispatch routes, and processors that
     * do not take batches (the default, and a pool, whose events go to whichever worker is free), have
     * the batch drained at once on the calling thread, each event dispatched on its own.
     *
     * @param batch the batch, not {@code null}
     * @throws IllegalArgumentException if the batch is {@code null}
     * @throws dev.eventdriven.ControllerClosedException if the controller no longer accepts events
     * @throws dev.eventdriven.RejectedEventException if a full bounded queue refuses the batch (with
     *     DROP_NEWEST the batch is dropped silently, as a single event would be)
     */
    default void dispatchBatch(EventBatch batch) {
        if (batch == null) {
            throw new IllegalArgumentException("batch: null (expected: not null)");
        }
        EventProcessor p = processor();
        batch.drainTo((eventId, value) -> {
            p.dispatch(eventId, value);
            return true;
        });
    }
}
