package dev.eventdriven;

import dev.eventdriven.adapter.AdapterManager;
import dev.eventdriven.mapping.MappingManager;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A {@link Dispatcher} that runs the handlers itself, on its own loop threads, with a lifecycle: a
 * {@link Controller} (one loop) or a pool of them (several loops sharing a queue). Everything here is
 * shared by both; {@code EventProcessorContract} in the tests runs it against each.
 *
 * <pre>
 *   NEW --run()--&gt; RUNNING &lt;--suspend()/resume()--&gt; SUSPENDED
 *                     |  shutdown() / shutdownNow() / close()   |
 *                     +------------------&gt; SHUTTING_DOWN &lt;-----+
 *                                              |  loops ended
 *                                              v
 *                                         TERMINATED
 * </pre>
 *
 * <p><b>Threads.</b> Every method may be called from any thread. The blocking waits
 * ({@code awaitDrained}, {@code awaitIdle}, {@code awaitTermination}) throw
 * {@link LoopThreadBlockingException} on one of this processor's loop threads. Illegal transitions
 * throw {@link IllegalControllerStateException} naming the state.
 *
 * <p><b>Closing.</b> It is {@link AutoCloseable}: {@link #close()} shuts down gracefully and waits a
 * bounded time for the loops to end (the builders' {@code closeTimeout}), so a try-with-resources
 * block never leaves a loop thread behind.
 */
public interface EventProcessor extends Dispatcher, Listenable, AutoCloseable {

    /**
     * Starts the loops with no runtime context.
     *
     * @throws IllegalControllerStateException unless NEW
     */
    default void run() {
        run(null, false);
    }

    /**
     * Starts the loops.
     *
     * @param runtimeContext the runtime context (wins over the global one), may be {@code null}
     * @throws IllegalControllerStateException unless NEW
     */
    default void run(Map<String, ?> runtimeContext) {
        run(runtimeContext, false);
    }

    /**
     * Starts the loops, possibly suspended. Adapters' {@code running} callbacks run first on the
     * calling thread, their {@code run} callbacks after the loops started.
     *
     * @param runtimeContext the runtime context, may be {@code null}
     * @param suspended {@code true} to start SUSPENDED: no event is taken until {@link #resume()}
     * @throws IllegalControllerStateException unless NEW
     */
    void run(Map<String, ?> runtimeContext, boolean suspended);

    /**
     * Stops taking events after the current ones; dispatches are still accepted. Suspending twice is
     * allowed. Adapters' {@code suspend} callbacks run on the calling thread.
     *
     * @throws IllegalControllerStateException unless RUNNING or SUSPENDED
     */
    void suspend();

    /**
     * Takes events again after {@link #suspend()}.
     *
     * @throws IllegalControllerStateException unless RUNNING or SUSPENDED
     */
    void resume();

    /**
     * Waits until every event dispatched before this call has been handled or handed back (the
     * original's {@code pending()}), adapters' work included (a child process). Dispatches from other
     * threads are not blocked meanwhile.
     *
     * @param timeout how long to wait at most
     * @return {@code true} if drained, {@code false} if the time ran out
     * @throws LoopThreadBlockingException on a loop thread of this processor
     */
    boolean awaitDrained(Duration timeout);

    /**
     * Waits until {@link #isIdle()}: no handler runs, nothing is queued, every adapter is idle.
     *
     * @param timeout how long to wait at most
     * @return {@code true} if idle, {@code false} if the time ran out
     * @throws LoopThreadBlockingException on a loop thread of this processor
     */
    boolean awaitIdle(Duration timeout);

    /**
     * Waits until TERMINATED and every loop thread has ended (the original's {@code join()}). On a
     * NEW processor, which has no loop to wait for, it returns {@code false} at once.
     *
     * @param timeout how long to wait at most
     * @return {@code true} once TERMINATED with no loop thread alive; {@code false} if the time ran
     *     out, or at once if NEW
     * @throws LoopThreadBlockingException on a loop thread of this processor
     */
    boolean awaitTermination(Duration timeout);

    /**
     * Graceful shutdown: events dispatched before are still handled, then the loops run their
     * SHUTDOWN handlers and end; dispatches after it throw {@link ControllerClosedException}.
     * Returns at once; calling it again does nothing. A suspended processor resumes to drain. On a
     * NEW one it terminates at once, leaving queued events for {@link #clean()}.
     */
    void shutdown();

    /**
     * Forced shutdown: no new events are accepted, each loop stops after the handler that runs now,
     * and the events not yet processed are handed back; their Pendings fail with
     * {@link ControllerClosedException}. From another thread it waits for the loops to stop; from a
     * handler, its own loop stops when the handler returns.
     *
     * @return the events that were not processed, in queue order (per ordering key for a pool)
     */
    List<Event> shutdownNow();

    /**
     * Graceful shutdown and a bounded wait: {@link #shutdown()}, then {@link #awaitTermination} for
     * the builder's {@code closeTimeout} (default 10 s); if the loops are still running then (a handler
     * that does not return), {@link #shutdownNow()}, logging how many events were handed back. On a
     * loop thread of this processor it only calls {@code shutdown()}, since it cannot wait for itself.
     * Calling it again does nothing more.
     */
    @Override
    void close();

    /**
     * Removes the queued events and hands them back; their Pendings fail with
     * {@link ControllerClosedException}. On a live processor it also dispatches CLEAN with the
     * removed events as value.
     *
     * @return the removed events, in queue order
     */
    List<Event> clean();

    /**
     * Makes this processor listen to {@code source}: every event {@code source} takes whose id is in
     * {@code allow} is dispatched here too, with the same id and a {@link ForwardingPacket} as value.
     * Any source works: a controller, a pool (once per event, whichever worker takes it), a child
     * process.
     *
     * @param source what to listen to, not this processor
     * @param allow the event ids to forward, not empty
     * @param name the listening's name, carried by the packets
     * @return the listening, to close it
     * @throws IllegalArgumentException if this processor already listens to {@code source}, if
     *     {@code source} is this processor or one of its own loops, or an argument is {@code null}
     */
    default Listening listen(Listenable source, Collection<?> allow, String name) {
        if (source == null) {
            throw new IllegalArgumentException("source: null (expected: not null)");
        }
        return source.listenedBy(this, allow, name);
    }

    /**
     * Stops listening to {@code source}.
     *
     * @param source the source listened to
     * @return {@code true} if a listening was removed
     */
    default boolean unlisten(Listenable source) {
        return source != null && source.unlistenedBy(this);
    }

    /**
     * The current state.
     *
     * @return the state
     */
    ControllerState state();

    /**
     * Whether the loops run (RUNNING, SUSPENDED or SHUTTING_DOWN).
     *
     * @return {@code true} while alive
     */
    boolean isAlive();

    /**
     * Whether no handler runs, nothing is queued and every adapter is idle: what
     * {@link #awaitIdle(Duration)} waits for.
     *
     * @return {@code true} when idle
     */
    boolean isIdle();

    /**
     * Whether the processor is SUSPENDED.
     *
     * @return {@code true} when suspended
     */
    boolean isSuspended();

    /**
     * The event to handler mapping; may be changed at any time, from any thread. A change is seen
     * from the next event on.
     *
     * @return the mapping manager
     */
    MappingManager mapping();

    /**
     * The installed adapters.
     *
     * @return the adapter manager
     */
    AdapterManager adapters();

    /**
     * A snapshot of the counters.
     *
     * @return the stats
     */
    ControllerStats stats();

    /**
     * Whether the calling thread is one of this processor's loop threads.
     *
     * @return {@code true} on a loop thread
     */
    boolean inLoop();
}
