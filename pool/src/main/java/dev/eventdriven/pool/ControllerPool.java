package dev.eventdriven.pool;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.ControllerState;
import dev.eventdriven.ControllerStats;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.Event;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.Listening;
import dev.eventdriven.LoopThreadBlockingException;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.Pending;
import dev.eventdriven.mapping.MappingManager;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;

/**
 * A fixed group of worker {@link Controller}s that share one mapping and one event queue. Events and
 * tasks handed to the pool go to an idle worker, or wait in the pool's queue for the first worker
 * that becomes free. Build one with {@link #builder(String)}.
 *
 * <p><b>Workers</b> are real controllers (iterate them, or use {@link #workers()}): their threads
 * are named {@code <pool>-worker-<n>} ({@code n} from 0), and each finds its pool and index among
 * its session's static entries under {@link #STATIC_POOL} and {@link #STATIC_WORKER_INDEX}. A worker
 * may also be dispatched to directly. The pool owns their lifecycle: do not start, suspend or shut
 * down a worker on its own.
 *
 * <p><b>Ordering.</b> Plain dispatches run in parallel, in no particular order. Events dispatched with
 * the same ordering key ({@link #dispatchOrdered}, {@link #requestOrdered}, {@link #executeOrdered},
 * {@link #submitOrdered}) run one at a time, in dispatch order; different keys run in parallel.
 *
 * <p><b>Threads.</b> Every method may be called from any thread, handlers included, except the
 * blocking waits ({@code await*}), which throw {@link LoopThreadBlockingException} on a worker
 * thread, as do blocking waits on a {@link Pending} returned by the pool. An unordered dispatch takes
 * no lock: one CAS on the shared queue, and an unpark only when a worker sleeps; an ordered one holds
 * its key's hash-bin lock for the append. What a producer did before a dispatch happens-before the
 * handlers of that event.
 *
 * <p><b>No event is lost.</b> Once a dispatch returned, the event is handled, or handed back by
 * {@link #clean()} or {@link #shutdownNow()} (its Pending then fails with
 * {@link ControllerClosedException}), or dropped by {@link dev.eventdriven.OverflowPolicy#DROP_NEWEST}
 * (counted; its Pending fails). A dispatch that is not accepted throws.
 *
 * <p><b>Lifecycle</b> follows {@link ControllerState}: NEW (dispatches wait in the queue) →
 * {@link #run()} → RUNNING ⇄ SUSPENDED → {@link #shutdown()}/{@link #shutdownNow()} → SHUTTING_DOWN →
 * TERMINATED once every worker's loop has ended. Illegal transitions throw
 * {@link IllegalControllerStateException} naming the state.
 */
public interface ControllerPool extends Dispatcher, Iterable<Controller> {

    /** Static entry key under which a worker finds its pool ({@code Session.getStatic}). */
    String STATIC_POOL = "pool";

    /** Static entry key under which a worker finds its index, an {@link Integer} from 0. */
    String STATIC_WORKER_INDEX = "workerIndex";

    /**
     * Starts building a pool.
     *
     * @param name the name, not blank; used for worker names and threads, logs and messages
     * @return a builder
     */
    static ControllerPoolBuilder builder(String name) {
        return new ControllerPoolBuilder(name);
    }

    /**
     * Dispatches an event that runs after every event dispatched before with the same key has run,
     * and before any dispatched after with the same key.
     *
     * @param key the ordering key (any value with proper equals/hashCode), not {@code null}
     * @param eventId the event id
     * @param value the value, may be {@code null}
     * @throws ControllerClosedException after shutdown
     * @throws dev.eventdriven.RejectedEventException if the bounded queue is full (by policy)
     */
    void dispatchOrdered(Object key, Object eventId, Object value);

    /**
     * Dispatches an ordered event with an event context and arguments (see
     * {@link #dispatchOrdered(Object, Object, Object)}).
     *
     * @param key the ordering key, not {@code null}
     * @param eventId the event id
     * @param value the value, may be {@code null}
     * @param context the event context, may be {@code null}
     * @param args extra arguments
     */
    void dispatchOrdered(Object key, Object eventId, Object value, Map<String, ?> context, Object... args);

    /**
     * Dispatches an ordered event and returns its result.
     *
     * @param key the ordering key, not {@code null}
     * @param eventId the event id
     * @param value the value, may be {@code null}
     * @return the pending list of the handlers' return values
     */
    Pending requestOrdered(Object key, Object eventId, Object value);

    /**
     * Dispatches an ordered event with a context and arguments and returns its result.
     *
     * @param key the ordering key, not {@code null}
     * @param eventId the event id
     * @param value the value, may be {@code null}
     * @param context the event context, may be {@code null}
     * @param args extra arguments
     * @return the pending list of the handlers' return values
     */
    Pending requestOrdered(Object key, Object eventId, Object value, Map<String, ?> context, Object... args);

    /**
     * Runs a task on a worker, ordered with the other events and tasks of the same key.
     *
     * @param key the ordering key, not {@code null}
     * @param task the task
     */
    void executeOrdered(Object key, Runnable task);

    /**
     * Runs a task on a worker, ordered with the other events and tasks of the same key, and returns
     * its result.
     *
     * @param key the ordering key, not {@code null}
     * @param task the task
     * @return a pending list holding the task's result
     */
    Pending submitOrdered(Object key, Callable<?> task);

    /**
     * Starts every worker with no runtime context.
     *
     * @throws IllegalControllerStateException unless NEW
     */
    default void run() {
        run(null, false);
    }

    /**
     * Starts every worker.
     *
     * @param runtimeContext the runtime context of every worker, may be {@code null}
     * @throws IllegalControllerStateException unless NEW
     */
    default void run(Map<String, ?> runtimeContext) {
        run(runtimeContext, false);
    }

    /**
     * Starts every worker, possibly suspended. If a worker cannot start (its thread factory
     * failed), the workers already started are stopped, the pool ends TERMINATED with its queued
     * events left for {@link #clean()}, and the failure is rethrown.
     *
     * @param runtimeContext the runtime context of every worker, may be {@code null}
     * @param suspended {@code true} to start SUSPENDED
     * @throws IllegalControllerStateException unless NEW
     */
    void run(Map<String, ?> runtimeContext, boolean suspended);

    /**
     * Stops every worker taking events after its current one; dispatches are still accepted.
     *
     * @throws IllegalControllerStateException unless RUNNING or SUSPENDED
     */
    void suspend();

    /**
     * Lets the workers take events again.
     *
     * @throws IllegalControllerStateException unless RUNNING or SUSPENDED
     */
    void resume();

    /**
     * Waits until every event dispatched to the pool (and to its workers directly) before this call
     * has been handled or handed back. Dispatches are not blocked meanwhile.
     *
     * @param timeout how long to wait at most
     * @return {@code true} if drained, {@code false} if the time ran out
     * @throws LoopThreadBlockingException on a worker thread
     */
    boolean awaitDrained(Duration timeout);

    /**
     * Waits until the pool's queue is empty and every worker is idle.
     *
     * @param timeout how long to wait at most
     * @return {@code true} if idle, {@code false} if the time ran out
     * @throws LoopThreadBlockingException on a worker thread
     */
    boolean awaitIdle(Duration timeout);

    /**
     * Waits until every worker thread has ended (the original's {@code join(timeout)}).
     *
     * @param timeout how long to wait at most
     * @return {@code true} if TERMINATED, {@code false} if the time ran out
     * @throws LoopThreadBlockingException on a worker thread
     */
    boolean awaitTermination(Duration timeout);

    /**
     * Graceful shutdown: no new events are accepted; everything queued before is still handled, then
     * every worker stops (each runs its SHUTDOWN handlers). Returns at once; calling it again does
     * nothing. A suspended pool resumes to drain. On a NEW pool it terminates at once, leaving queued
     * events for {@link #clean()}. A worker's SHUTDOWN handler cannot cancel a pool shutdown: a worker
     * whose SHUTDOWN handler skips stays alive, taking nothing more from the pool, until
     * {@link #shutdownNow()}.
     */
    void shutdown();

    /**
     * Forced shutdown: no new events are accepted, each worker stops after the handler that runs
     * now, and every event not yet processed is handed back; their Pendings fail with
     * {@link ControllerClosedException}. From another thread it waits for the workers to stop. From a
     * handler of a worker it stops the other workers first and returns everything, the worker's own
     * loop stopping when the handler returns.
     *
     * @return the events that were not processed, each key's in dispatch order; empty if the pool
     *     was stopped already (events handed back by the error policy STOP are returned by the first
     *     call after it)
     */
    List<Event> shutdownNow();

    /**
     * Removes the events waiting in the pool's queue and the ordering backlogs and hands them back;
     * their Pendings fail with {@link ControllerClosedException}. Events a worker has already taken
     * (or dispatched to a worker directly) are not removed. On a live pool it then dispatches CLEAN
     * with the removed events as value.
     *
     * @return the removed events, each key's in dispatch order
     */
    List<Event> clean();

    /**
     * Makes the pool listen to {@code source}: every event {@code source} takes whose id is in
     * {@code allow} is dispatched to the pool (once; any worker handles it) with a
     * {@link ForwardingPacket} as value.
     *
     * @param source the controller to listen to, built by {@code Controller.builder()}
     * @param allow the event ids to forward, not empty
     * @param name the listening's name, carried by the packets
     * @return the listening, to close it
     * @throws IllegalArgumentException if the pool already listens to {@code source}
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
     * Makes every worker forward the events it takes whose id is in {@code allow} to a queue, as
     * {@link ForwardingPacket}s.
     *
     * @param queue the queue
     * @param allow the event ids to forward, not empty
     * @param name the listening's name
     * @return one listening for all workers, to close it
     * @throws IllegalArgumentException if the queue already listens
     */
    Listening listenedBy(BlockingQueue<? super ForwardingPacket> queue, Collection<?> allow, String name);

    /**
     * The workers, in index order.
     *
     * @return an unmodifiable list
     */
    List<Controller> workers();

    /**
     * The number of workers.
     *
     * @return the size
     */
    int size();

    /**
     * The shared mapping: reads see the workers' mapping, writes change every worker's.
     *
     * @return the mapping manager
     */
    MappingManager mapping();

    /**
     * The current state.
     *
     * @return the state
     */
    ControllerState state();

    /**
     * Whether the workers run (RUNNING, SUSPENDED or SHUTTING_DOWN).
     *
     * @return {@code true} while alive
     */
    boolean isAlive();

    /**
     * Whether the pool's queue is empty and every worker is idle.
     *
     * @return {@code true} when idle
     */
    boolean isIdle();

    /**
     * Whether the pool is SUSPENDED.
     *
     * @return {@code true} when suspended
     */
    boolean isSuspended();

    /**
     * The workers' counters summed, with the pool's own: {@code dispatched}, {@code queued},
     * {@code dropped} and {@code rejected} include events dispatched to the pool.
     *
     * @return the stats
     */
    ControllerStats stats();

    /**
     * Whether the calling thread is one of this pool's worker threads.
     *
     * @return {@code true} on a worker thread
     */
    boolean inWorker();
}
