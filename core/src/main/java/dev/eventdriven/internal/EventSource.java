package dev.eventdriven.internal;

/**
 * A second, shared source of events for a controller's loop: a pool's queue. The loop takes from its
 * own queue first, then from the source; it parks only when both are empty. Whoever feeds the source
 * wakes a parked loop with {@link LoopController#wakeIfParked()}.
 */
public interface EventSource {

    /**
     * Takes the next shared envelope for this worker.
     *
     * @param worker the worker asking
     * @return the envelope, or {@code null} if none
     */
    Envelope poll(LoopController worker);

    /**
     * Whether the source has nothing this worker could take (checked after the worker announced it
     * parks, before it parks).
     *
     * @param worker the worker asking
     * @return {@code true} if empty
     */
    boolean isEmpty(LoopController worker);

    /**
     * The worker finished processing an envelope it took from this source (handlers, AFTER hooks and
     * the pending are done). Loop thread.
     *
     * @param worker the worker
     * @param envelope the envelope
     */
    void completed(LoopController worker, Envelope envelope);
}
