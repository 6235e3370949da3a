package dev.eventdriven;

/**
 * The lifecycle of a controller.
 *
 * <pre>
 *   NEW --run()--&gt; RUNNING &lt;--suspend()/resume()--&gt; SUSPENDED
 *                     |                                  |
 *                     +-- shutdown()/shutdownNow() ------+
 *                                    |
 *                                    v
 *                              SHUTTING_DOWN --loop ends--&gt; TERMINATED
 *   NEW --shutdown()/shutdownNow()--&gt; TERMINATED
 * </pre>
 *
 * Illegal transitions throw {@link IllegalControllerStateException} naming the current state.
 */
public enum ControllerState {
    /** Built, not started: dispatches are queued. */
    NEW,
    /** The loop takes events. */
    RUNNING,
    /** The loop runs but takes no events until {@code resume()}. */
    SUSPENDED,
    /** Shutdown requested: no new events are accepted; queued ones are still handled (graceful). */
    SHUTTING_DOWN,
    /** The loop has ended. */
    TERMINATED;

    /**
     * Whether dispatches are still accepted in this state.
     *
     * @return {@code true} for NEW, RUNNING and SUSPENDED
     */
    public boolean acceptsEvents() {
        return this == NEW || this == RUNNING || this == SUSPENDED;
    }
}
