package dev.eventdriven;

import dev.eventdriven.adapter.AdapterManager;
import dev.eventdriven.mapping.MappingManager;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * One event loop: a queue and the one thread that takes events from it and runs their handlers, in
 * registration order, one after another. Build one with {@link #builder(String)}.
 *
 * <pre>
 *   dispatch(id, value) ---+                      +--&gt; BEFORE handlers
 *   execute/submit(task) --+--&gt; [ MPSC queue ] --&gt;| loop thread: handlers of id (or OTHER)
 *   request(...) --&gt; Pending                      +--&gt; AFTER handlers --&gt; Pending completes
 *        ^                                                   |
 *        +--------------------- results --------------------+
 * </pre>
 *
 * <p><b>Threads.</b> Dispatch methods and lifecycle methods may be called from any thread. Handlers,
 * adapters' handler contributions and forwarding to listeners run on the loop thread, named
 * {@code <name>-loop}. Everything a producer did before {@code dispatch} happens-before the handlers
 * of that event run. Blocking waits ({@code awaitIdle}, {@code awaitDrained},
 * {@code awaitTermination}) throw {@link LoopThreadBlockingException} on the loop thread.
 *
 * <p><b>Lifecycle.</b> See {@link ControllerState}. Events may be dispatched before {@code run()};
 * they wait in the queue.
 */
public interface Controller extends Dispatcher {

    /**
     * Starts building a controller.
     *
     * @param name the name, not blank; used for the thread ({@code <name>-loop}), logs and the MDC
     * @return a builder
     */
    static ControllerBuilder builder(String name) {
        return new ControllerBuilder(name);
    }

    /**
     * Starts the loop thread with no runtime context.
     *
     * @throws IllegalControllerStateException if the controller is not NEW
     */
    default void run() {
        run(null, false);
    }

    /**
     * Starts the loop thread.
     *
     * @param runtimeContext the runtime context (wins over the global one), may be {@code null}
     * @throws IllegalControllerStateException if the controller is not NEW
     */
    default void run(Map<String, ?> runtimeContext) {
        run(runtimeContext, false);
    }

    /**
     * Starts the loop thread, possibly suspended.
     *
     * @param runtimeContext the runtime context, may be {@code null}
     * @param suspended {@code true} to start SUSPENDED: no event is taken until {@link #resume()}
     * @throws IllegalControllerStateException if the controller is not NEW
     */
    void run(Map<String, ?> runtimeContext, boolean suspended);

    /**
     * Stops taking events after the current one. Adapters' {@code suspend} callbacks run on the
     * calling thread.
     *
     * @throws IllegalControllerStateException unless RUNNING or SUSPENDED (suspending twice is allowed)
     */
    void suspend();

    /**
     * Takes events again after {@link #suspend()}.
     *
     * @throws IllegalControllerStateException unless RUNNING or SUSPENDED
     */
    void resume();

    /**
     * Waits until every event dispatched before this call has been handled (the original's
     * {@code pending()}). Dispatches from other threads are not blocked meanwhile. Adapters that hand
     * work elsewhere (a child process) are waited for too.
     *
     * @param timeout how long to wait at most
     * @return {@code true} if drained, {@code false} if the time ran out
     * @throws LoopThreadBlockingException on the loop thread
     */
    boolean awaitDrained(Duration timeout);

    /**
     * Waits until no handler runs, the queue is empty, and every adapter is idle.
     *
     * @param timeout how long to wait at most
     * @return {@code true} if idle, {@code false} if the time ran out
     * @throws LoopThreadBlockingException on the loop thread
     */
    boolean awaitIdle(Duration timeout);

    /**
     * Waits for the loop thread to end (the original's {@code join()}/{@code wait()}).
     *
     * @param timeout how long to wait at most
     * @return {@code true} if TERMINATED, {@code false} if the time ran out
     * @throws LoopThreadBlockingException on the loop thread
     */
    boolean awaitTermination(Duration timeout);

    /**
     * Graceful shutdown: enqueues SHUTDOWN. Events dispatched before are still handled; dispatches
     * after it throw {@link ControllerClosedException}. Returns at once; calling it again does
     * nothing. On a NEW controller it terminates at once, leaving queued events for {@link #clean()}.
     */
    void shutdown();

    /**
     * Forced shutdown: no new events are accepted, the loop stops after the handler that runs now,
     * and the events still queued are handed back. Their Pendings fail with
     * {@link ControllerClosedException}. Called from another thread, it interrupts the loop thread
     * and waits for it to stop; called from a handler, it stops after that handler.
     *
     * @return the events that were not processed, in queue order
     */
    List<Event> shutdownNow();

    /**
     * Removes the queued events and hands them back; their Pendings fail with
     * {@link ControllerClosedException}. On a live controller it also dispatches CLEAN with the
     * removed events as value.
     *
     * @return the removed events, in queue order
     */
    List<Event> clean();

    /**
     * Makes this controller listen to {@code source}: every event {@code source} takes from its queue
     * whose id is in {@code allow} is dispatched to this controller too, with the same id and a
     * {@link ForwardingPacket} as value.
     *
     * @param source the controller to listen to
     * @param allow the event ids to forward, not empty
     * @param name the listening's name, carried by the packets
     * @return the listening, to close it
     * @throws IllegalArgumentException if this controller already listens to {@code source}
     */
    Listening listen(Controller source, Collection<?> allow, String name);

    /**
     * Stops listening to {@code source}.
     *
     * @param source the controller listened to
     * @return {@code true} if a listening was removed
     */
    boolean unlisten(Controller source);

    /**
     * Forwards every event this controller takes whose id is in {@code allow} to a plain queue, as
     * {@link ForwardingPacket}s. A full queue drops the packet and logs a warning.
     *
     * @param queue the queue
     * @param allow the event ids to forward, not empty
     * @param name the listening's name, carried by the packets
     * @return the listening, to close it
     * @throws IllegalArgumentException if the queue already listens
     */
    Listening listenedBy(BlockingQueue<? super ForwardingPacket> queue, Collection<?> allow, String name);

    /**
     * The current state.
     *
     * @return the state
     */
    ControllerState state();

    /**
     * Whether the loop thread runs (RUNNING, SUSPENDED or SHUTTING_DOWN).
     *
     * @return {@code true} while the loop is alive
     */
    boolean isAlive();

    /**
     * Whether no handler runs and the queue is empty.
     *
     * @return {@code true} when idle
     */
    boolean isIdle();

    /**
     * Whether the controller is SUSPENDED.
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
     * Whether the calling thread is this controller's loop thread.
     *
     * @return {@code true} on the loop thread
     */
    boolean inLoop();
}
