package dev.eventdriven;

/**
 * The built-in event ids. Users may map handlers to any of them.
 *
 * <ul>
 *   <li>{@link #SHUTDOWN}: enqueued by {@link Controller#shutdown()}; handled in queue order, after
 *       every event dispatched before it. {@link Session#skip()} from a SHUTDOWN handler cancels the
 *       shutdown.</li>
 *   <li>{@link #SUBMIT}: the event behind {@link Dispatcher#execute(Runnable)} and
 *       {@link Dispatcher#submit(java.util.concurrent.Callable)}. If SUBMIT is mapped, submitted tasks
 *       are handed to its handlers as a {@link SubmittedTask} value instead of being run directly.</li>
 *   <li>{@link #BEFORE}: its handlers run before the handlers of every event.</li>
 *   <li>{@link #AFTER}: its handlers run after the handlers of every event and can read
 *       {@link Session#returns()}.</li>
 *   <li>{@link #OTHER}: handles events that have no handler; {@link Session#originEventId()} names
 *       the original id (the dead-event case).</li>
 *   <li>{@link #CLEAN}: dispatched by {@link Controller#clean()} on a live controller; the value is
 *       the list of the {@link Event}s that were removed.</li>
 *   <li>{@link #ERROR}: dispatched when a handler throws; the value is a {@link HandlerFailure}.</li>
 *   <li>{@link #TIMING}: the default event of the timer adapter; the value is the interval.</li>
 * </ul>
 */
public enum SystemEvent {
    /** Graceful shutdown, processed in queue order. */
    SHUTDOWN,
    /** A submitted task. */
    SUBMIT,
    /** Hook run before the handlers of every event. */
    BEFORE,
    /** Hook run after the handlers of every event. */
    AFTER,
    /** Handlers for events that have no handler of their own. */
    OTHER,
    /** The queue of a live controller was cleaned. */
    CLEAN,
    /** A handler threw. */
    ERROR,
    /** A timer tick. */
    TIMING;

    /**
     * Whether this id is a hook (BEFORE, AFTER, OTHER) rather than an event that travels through the
     * queue.
     *
     * @return {@code true} for BEFORE, AFTER and OTHER
     */
    public boolean isHook() {
        return this == BEFORE || this == AFTER || this == OTHER;
    }
}
