package dev.eventdriven.pool;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.LoopThreadBlockingException;
import dev.eventdriven.Pending;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A fixed group of worker {@link Controller}s that share one mapping and one event queue. Events and
 * tasks handed to the pool go to an idle worker, or wait in the pool's queue for the first worker
 * that becomes free. Build one with {@link #builder(String)}.
 *
 * <p><b>Claims.</b> When a worker of a pool without a queue bound finds a run of events queued, it
 * takes up to eight at once, and at most its share of those it sees: one CAS for the run, where busy
 * workers would otherwise take turns at a CAS per event. What it claimed still counts as queued
 * ({@link #stats()}, {@link #isIdle()}, the waits), {@link #clean()} and {@link #shutdownNow()} hand it
 * back, and a worker with nothing else to do takes it over, so one slow event never holds the events
 * claimed after it. A bounded pool takes one event at a time, so that its bound counts every event
 * that has not started.
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
 * <p><b>Lifecycle</b> follows {@link dev.eventdriven.ControllerState}: NEW (dispatches wait in the queue) →
 * {@link #run()} → RUNNING ⇄ SUSPENDED → {@link #shutdown()}/{@link #shutdownNow()} → SHUTTING_DOWN →
 * TERMINATED once every worker's loop has ended. Illegal transitions throw
 * {@link IllegalControllerStateException} naming the state. What differs from a single controller:
 * a worker's SHUTDOWN handler cannot cancel a pool shutdown (a worker whose SHUTDOWN handler skips
 * stays alive, taking nothing more from the pool, until {@link #shutdownNow()}); {@link #clean()}
 * removes what waits in the pool's queue and ordering backlogs, not events a worker has taken or that
 * were dispatched to a worker directly; {@link #stats()} sums the workers' counters with the pool's
 * own ({@code dispatched}, {@code queued}, {@code dropped} and {@code rejected} include events
 * dispatched to the pool); {@link #inLoop()} is true on any worker thread.
 *
 * <p><b>Listening.</b> A pool listening to a source takes each forwarded event once (any worker
 * handles it); a listener of the pool receives every event any worker takes, with the pool's name as
 * the packet's source. <b>Adapters</b> installed on the pool ({@code ControllerPoolBuilder.adapter})
 * see the pool: a {@code Timer} on a pool dispatches its ticks into the pool.
 */
public interface ControllerPool extends EventProcessor, Iterable<Controller> {

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
    Pending<List<Object>> requestOrdered(Object key, Object eventId, Object value);

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
    Pending<List<Object>> requestOrdered(Object key, Object eventId, Object value, Map<String, ?> context, Object... args);

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
    Pending<List<Object>> submitOrdered(Object key, Callable<?> task);

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
}
