package dev.eventdriven.pool.internal;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.ControllerState;
import dev.eventdriven.ControllerStats;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.Event;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.Listenable;
import dev.eventdriven.Listening;
import dev.eventdriven.Pending;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.Session;
import dev.eventdriven.SubmittedTask;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.Task;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterManager;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.Closing;
import dev.eventdriven.internal.ControllerAdapterContext;
import dev.eventdriven.internal.ControllerConfig;
import dev.eventdriven.internal.DefaultAdapterManager;
import dev.eventdriven.internal.DispatchRoutes;
import dev.eventdriven.internal.Envelope;
import dev.eventdriven.internal.GuardedFuture;
import dev.eventdriven.internal.LoopController;
import dev.eventdriven.internal.OverflowOptions;
import dev.eventdriven.internal.ProgressSignal;
import dev.eventdriven.mapping.MappingManager;
import dev.eventdriven.pool.ControllerPool;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ControllerPool}: the dispatch side and the waits. The lifecycle transitions that stop
 * workers are in {@link PoolShutdown}.
 *
 * <p>Dispatch path: build the node, one CAS on the shared queue (or, for an ordered event, the key's
 * bin lock around it), then wake one parked worker if any. A worker's flag is read before it is
 * CASed, so a busy pool costs a few volatile reads per dispatch and no unpark.
 */
public final class WorkerPool implements ControllerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    final String name;
    final LoopController[] workers;
    final WorkerFeed[] feeds;
    final MpmcNodeQueue queue = new MpmcNodeQueue();
    final OrderingLanes lanes = new OrderingLanes();
    final ProgressSignal progress = new ProgressSignal();
    final ProgressSignal space = new ProgressSignal();
    final AtomicReference<ControllerState> state = new AtomicReference<>(ControllerState.NEW);
    final CompletableFuture<Void> terminated = new CompletableFuture<>();
    final PoolIntake intake;
    /** Guards the state transitions (never the dispatch path, never held while waiting for workers). */
    final Object lifecycle = new Object();
    private final ErrorPolicy errorPolicy;
    private final List<Controller> workerList;
    private final PoolMapping mapping;
    private final PoolShutdown shutdown;
    private final PoolWaits waits;
    private final BooleanSupplier onWorker = this::inLoop;
    private final DefaultAdapterManager adapters;
    private final Duration closeTimeout;
    final DispatchRoutes routes = new DispatchRoutes();
    /** Why the pool was shut down, when an adapter said (named by later refusals). */
    volatile String closeReason;
    private final AtomicInteger closedWorkers = new AtomicInteger();
    /** Set by a forced shutdown: workers stop taking from the queue. */
    private volatile boolean forced;

    /**
     * Creates a pool and its workers (NEW).
     *
     * @param s the settings, checked by the builder
     */
    public WorkerPool(PoolSettings s) {
        this.name = s.name();
        this.intake = new PoolIntake(this, s);
        this.errorPolicy = s.errorPolicy();
        this.workers = new LoopController[s.size()];
        this.feeds = new WorkerFeed[s.size()];
        // A bounded pool takes one event at a time, so that its bound counts every event not started.
        int claimShare = s.queueCapacity() == MpmcNodeQueue.UNBOUNDED ? s.size() : 0;
        for (int i = 0; i < workers.length; i++) {
            Map<String, Object> statics = new LinkedHashMap<>(s.options().staticEntries);
            statics.put(STATIC_POOL, this);
            statics.put(STATIC_WORKER_INDEX, i);
            String workerName = name + "-worker-" + i;
            ControllerConfig config = s.options().config(workerName, workerName, statics,
                    List.of(new WorkerHooks(this)), ControllerConfig.UNBOUNDED, WORKER_OVERFLOW, ErrorPolicy.CONTINUE);
            feeds[i] = new WorkerFeed(this, claimShare);
            workers[i] = new LoopController(config, feeds[i]);
        }
        this.workerList = Collections.unmodifiableList(Arrays.asList((Controller[]) workers.clone()));
        this.mapping = new PoolMapping(workers);
        this.shutdown = new PoolShutdown(this);
        this.waits = new PoolWaits(this);
        this.closeTimeout = s.options().closeTimeout();
        this.adapters = new DefaultAdapterManager(this, new ControllerAdapterContext(this, mapping,
                (k, v) -> eachWorker(w -> w.globalContext().put(k, v)),
                (k, v) -> eachWorker(w -> w.staticEntries().put(k, v)), routes::add, progress::signal,
                new OverflowOptions(s.overflowPolicy(), s.blockTimeout()), this::shutdown,
                o -> eachWorker(w -> w.addEventObserver(o))));
        for (Adapter a : s.options().adapters) {
            adapters.install(a);
        }
    }

    private static final OverflowOptions WORKER_OVERFLOW = OverflowOptions.resolve(false, null, null, "worker");

    private void eachWorker(java.util.function.Consumer<LoopController> action) {
        for (LoopController w : workers) {
            action.accept(w);
        }
    }

    /**
     * Graceful shutdown for a reason an adapter gives; later refusals name it.
     *
     * @param reason why
     */
    void shutdown(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        shutdown();
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    public String name() {
        return name;
    }

    @Override
    public void dispatch(Object eventId) {
        enqueue(new PoolNode(Checks.eventId(eventId), null, null, null));
    }

    @Override
    public void dispatch(Object eventId, Object value) {
        enqueue(new PoolNode(Checks.eventId(eventId), value, null, null));
    }

    @Override
    public void dispatch(Object eventId, Object value, Map<String, ?> context, Object... args) {
        enqueue(new PoolNode(Checks.eventId(eventId), value, Envelope.extra(context, args, null), null));
    }

    @Override
    public Pending<List<Object>> request(Object eventId) {
        return request(eventId, null);
    }

    @Override
    public Pending<List<Object>> request(Object eventId, Object value) {
        GuardedFuture.Completion p = new GuardedFuture.Completion(Checks.eventId(eventId), onWorker);
        enqueue(new PoolNode(eventId, value, p, null));
        return p.view();
    }

    @Override
    public Pending<List<Object>> request(Object eventId, Object value, Map<String, ?> context, Object... args) {
        GuardedFuture.Completion p = new GuardedFuture.Completion(Checks.eventId(eventId), onWorker);
        enqueue(new PoolNode(eventId, value, Envelope.extra(context, args, p), null));
        return p.view();
    }

    @Override
    public void execute(Runnable task) {
        enqueue(new PoolNode(SystemEvent.SUBMIT, Checks.notNull("task", task), null, null));
    }

    @Override
    public Pending<List<Object>> submit(Callable<?> task) {
        GuardedFuture.Completion p = new GuardedFuture.Completion(SystemEvent.SUBMIT, onWorker);
        enqueue(new PoolNode(SystemEvent.SUBMIT, Checks.notNull("task", task), p, null));
        return p.view();
    }

    @Override
    public Pending<List<Object>> submit(Task task, Object... args) {
        GuardedFuture.Completion p = new GuardedFuture.Completion(SystemEvent.SUBMIT, onWorker);
        List<Object> list = args == null ? List.of() : Arrays.asList(args.clone());
        SubmittedTask st = new SubmittedTask(Checks.notNull("task", task), list);
        enqueue(new PoolNode(SystemEvent.SUBMIT, st, p, null));
        return p.view();
    }

    @Override
    public void dispatchOrdered(Object key, Object eventId, Object value) {
        enqueue(new PoolNode(Checks.eventId(eventId), value, null, orderingKey(key)));
    }

    @Override
    public void dispatchOrdered(Object key, Object eventId, Object value, Map<String, ?> context, Object... args) {
        enqueue(new PoolNode(Checks.eventId(eventId), value, Envelope.extra(context, args, null), orderingKey(key)));
    }

    @Override
    public Pending<List<Object>> requestOrdered(Object key, Object eventId, Object value) {
        GuardedFuture.Completion p = new GuardedFuture.Completion(Checks.eventId(eventId), onWorker);
        enqueue(new PoolNode(eventId, value, p, orderingKey(key)));
        return p.view();
    }

    @Override
    public Pending<List<Object>> requestOrdered(Object key, Object eventId, Object value, Map<String, ?> context,
                                  Object... args) {
        GuardedFuture.Completion p = new GuardedFuture.Completion(Checks.eventId(eventId), onWorker);
        enqueue(new PoolNode(eventId, value, Envelope.extra(context, args, p), orderingKey(key)));
        return p.view();
    }

    @Override
    public void executeOrdered(Object key, Runnable task) {
        enqueue(new PoolNode(SystemEvent.SUBMIT, Checks.notNull("task", task), null, orderingKey(key)));
    }

    @Override
    public Pending<List<Object>> submitOrdered(Object key, Callable<?> task) {
        GuardedFuture.Completion p = new GuardedFuture.Completion(SystemEvent.SUBMIT, onWorker);
        enqueue(new PoolNode(SystemEvent.SUBMIT, Checks.notNull("task", task), p, orderingKey(key)));
        return p.view();
    }

    private static Object orderingKey(Object key) {
        return Checks.notNull("key", key);
    }

    private void enqueue(PoolNode n) {
        if (routes.apply(n)) {
            return;
        }
        if (n.id() == SystemEvent.SHUTDOWN) {
            // SHUTDOWN dispatched (or forwarded by a listening) shuts the pool down gracefully.
            shutdown();
            GuardedFuture.Completion p = n.pending();
            if (p != null) {
                terminated.whenComplete((v, x) -> p.complete(List.of()));
            }
            return;
        }
        workers[0].stampIfObserved(n); // every worker has the same observers
        intake.enqueue(n);
    }

    /** Wakes every parked worker (shutdown: they must notice the closed queue). */
    void wakeAll() {
        for (LoopController w : workers) {
            w.wakeIfParked();
        }
        space.signal();
        progress.signal();
    }

    /** @return whether some worker's claim holds events nobody took yet (a snapshot) */
    boolean anyClaimed() {
        for (WorkerFeed f : feeds) {
            if (f.hasClaimed()) {
                return true;
            }
        }
        return false;
    }

    boolean forced() {
        return forced;
    }

    void markForced() {
        forced = true;
    }

    // ------------------------------------------------------------------ worker callbacks

    /** Worker loop thread: a handler threw (already logged and routed by the worker). */
    void workerFailed(Session session, Throwable error) {
        adapters.exception(session, error);
        shutdown.afterHandlerError(errorPolicy, session.eventId());
    }

    /** Worker loop thread, as its loop ends (or the caller of a NEW worker's shutdown). */
    void workerClosed() {
        if (closedWorkers.incrementAndGet() == workers.length) {
            adapters.each("closing", a -> a.closing(this));
            adapters.each("closed", a -> a.closed(this));
            terminated.complete(null);
        }
        progress.signal();
    }

    /** @return the pool's adapter manager */
    DefaultAdapterManager adapterManager() {
        return adapters;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void run(Map<String, ?> runtimeContext, boolean suspended) {
        RuntimeException failed;
        synchronized (lifecycle) {
            ControllerState s = state.get();
            if (s != ControllerState.NEW) {
                throw new IllegalControllerStateException("run pool '" + name + "': it was started already"
                        + " (state: " + s + ")", s);
            }
            try {
                adapters.running(this);
            } catch (RuntimeException refused) {
                closeReason = "the start was refused: " + refused.getMessage();
                shutdown.graceful(); // as a pool that never ran: queued events stay for clean()
                throw refused;
            }
            state.set(suspended ? ControllerState.SUSPENDED : ControllerState.RUNNING);
            try {
                for (LoopController w : workers) {
                    w.run(runtimeContext, suspended);
                }
                failed = null;
            } catch (RuntimeException e) {
                // E.g. the thread factory failed: a half-started pool must not keep threads alive.
                failed = e;
                state.set(ControllerState.SHUTTING_DOWN);
                queue.close();
                markForced();
            }
        }
        if (failed == null) {
            adapters.each("run", a -> a.run(this));
            return;
        }
        LOG.error("pool '{}': a worker failed to start; the pool stops, its queued events stay for clean()",
                name, failed);
        for (LoopController w : workers) {
            w.shutdownNow();
        }
        throw failed;
    }

    @Override
    public void suspend() {
        synchronized (lifecycle) {
            if (!state.compareAndSet(ControllerState.RUNNING, ControllerState.SUSPENDED)) {
                ControllerState s = state();
                if (s == ControllerState.SUSPENDED) {
                    return;
                }
                throw new IllegalControllerStateException("suspend pool '" + name + "' (state: " + s
                        + ", expected: RUNNING or SUSPENDED)", s);
            }
            for (LoopController w : workers) {
                try {
                    w.suspend();
                } catch (IllegalControllerStateException stopping) {
                    // a worker that is stopping on its own takes nothing more anyway
                }
            }
        }
        adapters.each("suspend", a -> a.suspend(this));
    }

    @Override
    public void resume() {
        synchronized (lifecycle) {
            if (!state.compareAndSet(ControllerState.SUSPENDED, ControllerState.RUNNING)) {
                ControllerState s = state();
                if (s == ControllerState.RUNNING) {
                    return;
                }
                throw new IllegalControllerStateException("resume pool '" + name + "' (state: " + s
                        + ", expected: RUNNING or SUSPENDED)", s);
            }
            resumeWorkers();
        }
        adapters.each("resume", a -> a.resume(this));
    }

    /** Under the lifecycle lock. */
    void resumeWorkers() {
        for (LoopController w : workers) {
            try {
                w.resume();
            } catch (IllegalControllerStateException stopping) {
                // a worker that is stopping does not need resuming
            }
        }
    }

    @Override
    public void shutdown() {
        shutdown.graceful();
    }

    @Override
    public List<Event> shutdownNow() {
        return shutdown.forced();
    }

    @Override
    public List<Event> clean() {
        List<Event> back = shutdown.clean();
        if (state().acceptsEvents() && state() != ControllerState.NEW) {
            try {
                dispatch(SystemEvent.CLEAN, List.copyOf(back));
            } catch (ControllerClosedException | RejectedEventException refused) {
                // no CLEAN for a pool that is stopping or full
            }
        }
        return back;
    }

    @Override
    public boolean awaitDrained(Duration timeout) {
        return waits.awaitDrained(timeout);
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        return waits.awaitIdle(timeout);
    }

    @Override
    public boolean awaitTermination(Duration timeout) {
        return waits.awaitTermination(timeout);
    }

    @Override
    public void close() {
        Closing.close(this, closeTimeout);
    }

    // ------------------------------------------------------------------ listening

    @Override
    public Listening listen(Listenable source, Collection<?> allow, String listeningName) {
        Checks.notNull("source", source);
        if (source == this || workerList.contains(source)) {
            throw new IllegalArgumentException(Checks.message("source", source.name(),
                    "a source other than pool '" + name + "' and its workers"));
        }
        return source.listenedBy(this, allow, listeningName);
    }

    @Override
    public Listening listenedBy(Dispatcher target, Collection<?> allow, String listeningName) {
        Checks.notNull("target", target);
        if (target == this || workerList.contains(target)) {
            throw new IllegalArgumentException(Checks.message("target", target.name(),
                    "a listener other than pool '" + name + "' and its workers"));
        }
        return PoolListening.onEveryWorker(workers, target, allow, listeningName, name);
    }

    @Override
    public Listening listenedBy(BlockingQueue<? super ForwardingPacket> target, Collection<?> allow,
                                String listeningName) {
        Checks.notNull("queue", target);
        return PoolListening.onEveryWorker(workers, target, allow, listeningName, name);
    }

    /** The pool's listenings: registered on every worker, read from the first. */
    @Override
    public List<Listening> listenings() {
        return workers[0].listenings(name);
    }

    @Override
    public boolean unlistenedBy(Dispatcher target) {
        boolean removed = false;
        for (LoopController w : workers) {
            removed |= w.unlistenedBy(target);
        }
        return removed;
    }

    // ------------------------------------------------------------------ state

    @Override
    public List<Controller> workers() {
        return workerList;
    }

    @Override
    public Iterator<Controller> iterator() {
        return workerList.iterator();
    }

    @Override
    public int size() {
        return workers.length;
    }

    @Override
    public MappingManager mapping() {
        return mapping;
    }

    @Override
    public ControllerState state() {
        ControllerState s = state.get();
        if (s == ControllerState.SHUTTING_DOWN && allWorkersTerminated()) {
            state.compareAndSet(ControllerState.SHUTTING_DOWN, ControllerState.TERMINATED);
            return ControllerState.TERMINATED;
        }
        return s;
    }

    boolean allWorkersTerminated() {
        for (LoopController w : workers) {
            if (w.state() != ControllerState.TERMINATED) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isAlive() {
        ControllerState s = state();
        return s == ControllerState.RUNNING || s == ControllerState.SUSPENDED || s == ControllerState.SHUTTING_DOWN;
    }

    @Override
    public AdapterManager adapters() {
        return adapters;
    }

    @Override
    public boolean isIdle() {
        if (!queue.isEmpty() || lanes.backlogSize() != 0 || !adapters.allIdle()) {
            return false;
        }
        for (int i = 0; i < workers.length; i++) {
            if (feeds[i].hasSlot() || feeds[i].hasClaimed() || !workers[i].isIdle()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isSuspended() {
        return state() == ControllerState.SUSPENDED;
    }

    @Override
    public ControllerStats stats() {
        ControllerStats sum = new ControllerStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
        long slots = 0;
        for (int i = 0; i < workers.length; i++) {
            sum = sum.plus(workers[i].stats());
            slots += (feeds[i].hasSlot() ? 1 : 0) + feeds[i].claimedCount();
        }
        // Backlog events re-appended to the queue as heads were counted once already (as tickets).
        long dispatched = queue.accepted() - lanes.requeued() + lanes.lastTicket();
        long queued = queue.size() + lanes.backlogSize() + slots;
        return sum.plus(new ControllerStats(dispatched, 0, 0, intake.dropped.sum(), intake.rejected.sum(), queued, 0, 0, 0));
    }

    @Override
    public boolean inLoop() {
        return currentWorker() != null;
    }

    /** @return the worker whose loop thread calls, or {@code null} */
    LoopController currentWorker() {
        for (LoopController w : workers) {
            if (w.inLoop()) {
                return w;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ControllerPool[" + name + ", " + workers.length + " workers, " + state() + "]";
    }
}
