package dev.eventdriven.adapter;

/**
 * Many events an adapter hands to its controller as one queue entry
 * ({@link AdapterContext#dispatchBatch}): the loop takes the entry once and then handles the batch's
 * events one after another, each as an event of its own. It saves the per-event cost of the queue (an
 * envelope, a queue append, maybe a wake-up of the loop), not the handlers: the way to deliver
 * thousands of small events, such as the ticks of a {@code TimerSet}.
 *
 * <pre>
 *   adapter --dispatchBatch(batch)--&gt; [ one queue entry ] --&gt; loop: batch.drainTo(sink)
 *                                                                  |  sink.accept(id, value), per event
 *                                                                  v
 *                               listeners --&gt; BEFORE --&gt; handlers (or OTHER) --&gt; AFTER --&gt; observers
 * </pre>
 *
 * <p>Each event of a batch is handled exactly as if it had been dispatched and taken from the queue
 * at that moment: through the mapping of the moment, with the BEFORE, AFTER and OTHER hooks, the
 * listeners, the error path, the statistics (it counts as one handled event) and the event observers
 * (its queue wait is the batch's). What differs: the batch is one entry of the queue (it counts as one
 * in a bounded queue's capacity and as one queued event until taken), and a suspension or a graceful
 * shutdown takes effect between queue entries, so a batch once started is handled to its end.
 */
@FunctionalInterface
public interface EventBatch {

    /**
     * Hands the batch's events to {@code sink}, in order, and returns when it has none left or the
     * sink returned {@code false}. Called once per dispatch of the batch: on the loop thread when the
     * batch is taken, each {@code accept} running that event's handlers before it returns; or, when the
     * controller hands queued events back ({@code shutdownNow()}, {@code clean()}), on the thread that
     * does it, each {@code accept} only collecting the event.
     *
     * @param sink where the events go
     */
    void drainTo(Sink sink);

    /** Where the events of a batch go. */
    @FunctionalInterface
    interface Sink {

        /**
         * Takes one event of the batch.
         *
         * @param eventId the event id, as for a dispatch: not {@code null}, not a hook id, not
         *     {@code SHUTDOWN} (such an event is refused with a warning and the batch goes on)
         * @param value the value, may be {@code null}
         * @return {@code true} to go on; {@code false} once the loop must stop (error policy STOP, a
         *     forced shutdown): the batch may return then, and what it does not hand over is its own to
         *     drop; what it still hands over is not handled but handed back (with the events still
         *     queued, by {@code shutdownNow()})
         */
        boolean accept(Object eventId, Object value);
    }
}
