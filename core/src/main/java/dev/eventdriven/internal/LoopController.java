package dev.eventdriven.internal;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerState;
import dev.eventdriven.ControllerStats;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.ErrorHandler;
import dev.eventdriven.Event;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.Listening;
import dev.eventdriven.LoopThreadBlockingException;
import dev.eventdriven.Pending;
import dev.eventdriven.SubmittedTask;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.Task;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterManager;
import dev.eventdriven.mapping.MappingManager;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Controller}: the dispatch side and the lifecycle. The loop itself is in {@link EventLoop}.
 *
 * <p>Dispatch costs one CAS (the queue's tail) and one volatile read (is the loop parked?); the loop
 * thread is woken only when it parks (coalesced wake-ups).
 */
public final class LoopController extends CacheLinePadding implements Controller {

    private static final Logger LOG = LoggerFactory.getLogger(LoopController.class);
    private static final ThreadFactory DEFAULT_FACTORY = Thread::new;

    static final int CTL_SUSPEND = 1;
    static final int CTL_STOP = 2;
    static final int CTL_CLEAN = 4;

    private static final VarHandle STATE;
    private static final VarHandle PARKED;
    private static final VarHandle CONTROL;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(LoopController.class, "state", ControllerState.class);
            PARKED = l.findVarHandle(LoopController.class, "parked", int.class);
            CONTROL = l.findVarHandle(LoopController.class, "control", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final String name;
    /** The loop thread's name as configured, or {@code null} for {@code <name>-loop} (made at run()). */
    private final String threadName;
    private final ThreadFactory threadFactory;
    final MpscEnvelopeQueue queue = new MpscEnvelopeQueue();
    final CopyOnWriteMapping mapping;
    final DefaultAdapterManager adapters;
    final Map<String, Object> global;
    final Map<String, Object> statics;
    final LoopSession session;
    final EventSource source;
    final Listeners listeners;
    final ProgressSignal progress = new ProgressSignal();
    final EventLoop loop;
    private final BooleanSupplier onLoop = this::inLoop;
    final Object startLock = new Object();
    /** Serialises suspend() and resume(). */
    private final Object suspendLock = new Object();
    final CountDownLatch terminated = new CountDownLatch(1);
    final OverflowGate overflow;
    final ShutdownSequence shutdowns;
    final ErrorHandler errorHandler;
    private final boolean daemon;
    private final Duration closeTimeout;
    /** When a running handler counts as blocking the loop; 0: never. */
    final long blockedThresholdNanos;
    /**
     * The blocked-loop detector's notes on this loop, made when the detector starts watching it (so
     * that a controller without a threshold does not carry them); written by the detector thread.
     */
    volatile BlockedLoopDetector.Watch watch;

    @SuppressWarnings("unused") // accessed through STATE
    private volatile ControllerState state = ControllerState.NEW;
    @SuppressWarnings("unused") // accessed through PARKED
    private volatile int parked;
    @SuppressWarnings("unused") // accessed through CONTROL
    private volatile int control;
    /**
     * The loop thread; on a shared executor group, the thread running this controller's turn, and
     * {@code null} between turns (written under the loop's monitor at a turn's end, see
     * {@link #interruptLoop()}).
     */
    volatile Thread loopThread;
    /** The shared group the turns run on, or {@code null} for a loop thread of its own. */
    final GroupExecutor group;
    final DispatchRoutes routes = new DispatchRoutes();
    /** Times events for the Flight Recorder and the event observers, only while either looks. */
    final LoopProbe probe;
    /** Why the controller was shut down, when an adapter said (named by later refusals). */
    volatile String closeReason;

    /**
     * Creates a controller.
     *
     * @param config the configuration
     */
    public LoopController(ControllerConfig config) {
        this(config, null);
    }

    /**
     * Creates a controller that also takes events from a shared source (a pool worker).
     *
     * @param config the configuration
     * @param source the shared source, or {@code null}
     */
    public LoopController(ControllerConfig config, EventSource source) {
        this.name = config.name();
        this.probe = new LoopProbe(name);
        this.threadName = config.threadName();
        this.threadFactory = config.threadFactory() != null ? config.threadFactory() : DEFAULT_FACTORY;
        this.daemon = config.daemon();
        this.closeTimeout = config.closeTimeout();
        this.blockedThresholdNanos = config.blockedThresholdNanos();
        this.errorHandler = config.errorHandler();
        this.overflow = new OverflowGate(this, config);
        this.shutdowns = new ShutdownSequence(this);
        this.mapping = new CopyOnWriteMapping(config.mapping());
        this.global = new HashMap<>(config.globalContext());
        this.statics = new HashMap<>(config.staticEntries());
        this.source = source;
        this.group = config.executor();
        this.session = new LoopSession(this, Collections.unmodifiableMap(global), Collections.unmodifiableMap(statics));
        this.listeners = new Listeners(name);
        this.adapters = new DefaultAdapterManager(this, new ControllerAdapterContext(this, mapping, global::put,
                statics::put, routes, progress::signal, new OverflowOptions(config.overflowPolicy(),
                config.blockTimeout()), this::shutdown, this::addEventObserver, this::dispatchBatch));
        this.loop = new EventLoop(this, config.batchSize(), config.errorPolicy(), config.idleSpinNanos());
        for (Adapter a : config.adapters()) {
            adapters.install(a);
        }
    }


    // ------------------------------------------------------------------ dispatch

    @Override
    public String name() {
        return name;
    }

    @Override
    public void dispatch(Object eventId) {
        enqueue(new Envelope(Checks.eventId(eventId), null, null));
    }

    @Override
    public void dispatch(Object eventId, Object value) {
        enqueue(new Envelope(Checks.eventId(eventId), value, null));
    }

    @Override
    public void dispatch(Object eventId, Object value, Map<String, ?> context, Object... args) {
        enqueue(Envelope.of(Checks.eventId(eventId), value, context, args, null));
    }

    @Override
    public Pending<List<Object>> request(Object eventId) {
        return request(eventId, null);
    }

    @Override
    public Pending<List<Object>> request(Object eventId, Object value) {
        GuardedFuture.Completion p = newPending(Checks.eventId(eventId));
        enqueue(new Envelope(eventId, value, p));
        return p.view();
    }

    @Override
    public Pending<List<Object>> request(Object eventId, Object value, Map<String, ?> context, Object... args) {
        GuardedFuture.Completion p = newPending(Checks.eventId(eventId));
        enqueue(Envelope.of(eventId, value, context, args, p));
        return p.view();
    }

    @Override
    public void execute(Runnable task) {
        enqueue(new Envelope(SystemEvent.SUBMIT, Checks.notNull("task", task), null));
    }

    @Override
    public Pending<List<Object>> submit(Callable<?> task) {
        GuardedFuture.Completion p = newPending(SystemEvent.SUBMIT);
        enqueue(new Envelope(SystemEvent.SUBMIT, Checks.notNull("task", task), p));
        return p.view();
    }

    @Override
    public Pending<List<Object>> submit(Task task, Object... args) {
        GuardedFuture.Completion p = newPending(SystemEvent.SUBMIT);
        List<Object> list = args == null ? List.of() : java.util.Arrays.asList(args);
        enqueue(new Envelope(SystemEvent.SUBMIT, new SubmittedTask(Checks.notNull("task", task), list), p));
        return p.view();
    }

    /**
     * The completer of a result whose blocking waits are refused on this loop thread.
     *
     * @param eventId the event
     * @return the completer; hand its {@code view()} to the caller
     */
    public GuardedFuture.Completion newPending(Object eventId) {
        return new GuardedFuture.Completion(eventId, onLoop);
    }


    /**
     * Appends an envelope, applying the overflow policy; wakes the loop if it parks.
     *
     * @param e the envelope
     */
    public void enqueue(Envelope e) {
        if (routes.apply(e)) {
            return;
        }
        if (e.id == SystemEvent.SHUTDOWN) {
            shutdowns.closeGracefully(e.pending());
            return;
        }
        probe.stamp(e);
        int r = queue.offer(e, overflow.capacity);
        if (r != MpscEnvelopeQueue.OK) {
            overflow.overflowOrClosed(e, r);
            return;
        }
        wakeIfParked();
    }

    /**
     * Queues a batch of events as one envelope ({@link dev.eventdriven.adapter.EventBatch}); with
     * dispatch routes, which must see each event on the dispatching thread, the batch is drained at
     * once and each event dispatched on its own. Any thread.
     *
     * @param batch the batch
     */
    public void dispatchBatch(dev.eventdriven.adapter.EventBatch batch) {
        if (!routes.isEmpty()) {
            batch.drainTo((eventId, value) -> {
                dispatch(eventId, value);
                return true;
            });
            return;
        }
        enqueue(new Envelope(Envelope.BATCH, batch, null));
    }

    /**
     * Stamps an envelope with its dispatch time if this controller's events are timed now (a pool
     * stamps what it queues for its workers). Dispatching thread.
     *
     * @param e the envelope, not queued yet
     */
    public void stampIfObserved(Envelope e) {
        probe.stamp(e);
    }

    /**
     * Adds an observer of the handled events (a pool adds its adapters' observers to each worker).
     * While NEW only.
     *
     * @param observer the observer
     */
    public void addEventObserver(dev.eventdriven.adapter.EventObserver observer) {
        ControllerState s = state();
        if (s != ControllerState.NEW) {
            throw new IllegalControllerStateException("addEventObserver on '" + name
                    + "': observers are fixed once it runs (state: " + s + ")", s);
        }
        probe.add(Checks.notNull("observer", observer));
    }

    /**
     * Wakes the loop if it parks (coalesced: only the producer that flips the flag unparks).
     *
     * @return whether this call woke it
     */
    public boolean wakeIfParked() {
        if ((int) PARKED.getVolatile(this) != 0 && PARKED.compareAndSet(this, 1, 0)) {
            if (group != null) {
                try {
                    group.execute(loop); // the flag taken: no other turn of this controller is queued or running
                } catch (RuntimeException refused) {
                    // A caller's executor refused the turn: leave the controller schedulable by the next call.
                    markParked(true);
                    throw refused;
                }
            } else {
                LockSupport.unpark(loopThread);
            }
            return true;
        }
        return false;
    }

    /** Makes the loop look at its control word and queue: unparks its thread, or schedules a turn. */
    void wakeLoop() {
        if (group != null) {
            wakeIfParked();
        } else {
            Thread t = loopThread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Loop side of a turn that announced itself idle: takes the flag back if nobody else took it. */
    boolean unmarkParked() {
        return PARKED.compareAndSet(this, 1, 0);
    }

    /**
     * Interrupts the handler running now (a forced stop). On a shared group the interrupt reaches the
     * thread only while it runs this controller's turn: the turn clears {@link #loopThread} under the
     * same monitor, and then the thread's interrupt flag, before it serves another controller.
     */
    void interruptLoop() {
        if (group == null) {
            Thread t = loopThread;
            if (t != null && state() != ControllerState.TERMINATED) {
                t.interrupt();
            }
            return;
        }
        synchronized (loop) {
            Thread t = loopThread;
            if (t != null && state() != ControllerState.TERMINATED) {
                t.interrupt();
            }
        }
    }

    void markParked(boolean p) {
        PARKED.setVolatile(this, p ? 1 : 0);
    }

    boolean isParked() {
        return (int) PARKED.getVolatile(this) != 0;
    }

    int control() {
        return (int) CONTROL.getVolatile(this);
    }

    void setControl(int bit) {
        CONTROL.getAndBitwiseOr(this, bit);
        wakeLoop();
    }

    void clearControl(int bit) {
        CONTROL.getAndBitwiseAnd(this, ~bit);
    }

    boolean casState(ControllerState expected, ControllerState next) {
        return STATE.compareAndSet(this, expected, next);
    }

    void setState(ControllerState next) {
        STATE.setVolatile(this, next);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void run(Map<String, ?> runtimeContext, boolean suspended) {
        synchronized (startLock) {
            ControllerState s = state();
            if (s != ControllerState.NEW) {
                throw new IllegalControllerStateException("run controller '" + name + "': it was started already"
                        + " (state: " + s + ")", s);
            }
            session.runtime(runtimeContext == null || runtimeContext.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new HashMap<>(runtimeContext)));
            if (group != null) {
                group.register(name, blockedThresholdNanos); // refused (nothing changed) if the group is shut down
            }
            try {
                adapters.running(this);
            } catch (RuntimeException refused) {
                if (group != null) {
                    group.deregister();
                }
                // An adapter refused the start (its child process did not come up): end as a
                // controller that never ran, its queued events left for clean().
                closeReason = "the start was refused: " + refused.getMessage();
                shutdowns.shutdown();
                throw refused;
            }
            if (suspended) {
                CONTROL.getAndBitwiseOr(this, CTL_SUSPEND);
            }
            if (group != null) {
                startTurns(suspended);
            } else {
                startThread(suspended);
            }
        }
        adapters.each("run", a -> a.run(this));
    }

    /** Start lock held. */
    private void startThread(boolean suspended) {
        Thread t = threadFactory.newThread(loop);
        if (t == null) {
            throw new IllegalStateException("run controller '" + name + "': the thread factory returned null");
        }
        t.setName(threadName != null ? threadName : name + "-loop");
        if (daemon && !t.isDaemon()) {
            t.setDaemon(true);
        }
        loopThread = t;
        STATE.setVolatile(this, suspended ? ControllerState.SUSPENDED : ControllerState.RUNNING);
        t.start();
        if (blockedThresholdNanos > 0) {
            BlockedLoopDetector.watch(this);
        }
    }

    /** Start lock held: the first turn on the shared group (it takes what was queued before run()). */
    private void startTurns(boolean suspended) {
        STATE.setVolatile(this, suspended ? ControllerState.SUSPENDED : ControllerState.RUNNING);
        if (blockedThresholdNanos > 0) {
            if (group.watchesTurns()) {
                BlockedLoopDetector.watch(group); // the group's turns are sampled, not each controller
            } else {
                BlockedLoopDetector.watch(this);
            }
        }
        // The idle flag is clear until the first turn announces idleness: nobody else schedules it.
        group.execute(loop);
    }

    @Override
    public void suspend() {
        // Serialised with resume(): otherwise a resume between the CAS and setControl leaves the state
        // RUNNING with the suspend bit set (a stuck loop), or a re-read sees RUNNING and throws, and
        // adapters get suspend/resume callbacks out of order.
        synchronized (suspendLock) {
            if (STATE.compareAndSet(this, ControllerState.RUNNING, ControllerState.SUSPENDED)) {
                setControl(CTL_SUSPEND);
                if (state() != ControllerState.SUSPENDED) {
                    // A shutdown took over between the CAS and setControl and has cleared the bit
                    // already: the loop must go on to handle everything before the SHUTDOWN.
                    clearControl(CTL_SUSPEND);
                    wakeLoop();
                }
                adapters.each("suspend", a -> a.suspend(this));
                return;
            }
            ControllerState s = state();
            if (s != ControllerState.SUSPENDED) {
                throw new IllegalControllerStateException("suspend controller '" + name
                        + "' (state: " + s + ", expected: RUNNING or SUSPENDED)", s);
            }
        }
    }

    @Override
    public void resume() {
        synchronized (suspendLock) {
            if (STATE.compareAndSet(this, ControllerState.SUSPENDED, ControllerState.RUNNING)) {
                clearControl(CTL_SUSPEND);
                wakeLoop();
                adapters.each("resume", a -> a.resume(this));
                return;
            }
            ControllerState s = state();
            if (s != ControllerState.RUNNING) {
                throw new IllegalControllerStateException("resume controller '" + name
                        + "' (state: " + s + ", expected: RUNNING or SUSPENDED)", s);
            }
        }
    }

    @Override
    public void shutdown() {
        shutdowns.shutdown();
    }

    /**
     * Graceful shutdown for a reason an adapter gives; later refusals name it. Any thread.
     *
     * @param reason why
     */
    public void shutdown(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        shutdowns.shutdown();
    }

    @Override
    public List<Event> shutdownNow() {
        return shutdowns.shutdownNow();
    }

    @Override
    public List<Event> clean() {
        return shutdowns.clean();
    }

    @Override
    public boolean awaitDrained(Duration timeout) {
        long nanos = Checks.timeoutNanos(timeout);
        requireNotLoop("awaitDrained");
        int target = queue.tailSeq();
        return progress.await(nanos, () -> (queue.consumedSeq() - target >= 0 || state() == ControllerState.TERMINATED)
                && adapters.allIdle(), "awaitDrained of controller '" + name + "'");
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        long nanos = Checks.timeoutNanos(timeout);
        requireNotLoop("awaitIdle");
        return progress.await(nanos, this::isIdle, "awaitIdle of controller '" + name + "'");
    }

    @Override
    public boolean awaitTermination(Duration timeout) {
        long nanos = Checks.timeoutNanos(timeout);
        requireNotLoop("awaitTermination");
        long deadline = System.nanoTime() + nanos;
        if (group != null && state() != ControllerState.NEW) {
            DrivenExecutor.pumpUntil(() -> terminated.getCount() == 0);
        }
        try {
            if (state() == ControllerState.NEW || !terminated.await(nanos, TimeUnit.NANOSECONDS)) {
                return false;
            }
            if (group != null) {
                return true; // no thread of its own; the last turn has done all it does before TERMINATED
            }
            // TERMINATED is set in the loop thread's last lines: wait for the thread itself to end.
            Thread t = loopThread;
            if (t != null && t.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(t, left);
                }
                return !t.isAlive();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.eventdriven.EventDrivenException("interrupted in awaitTermination of controller '"
                    + name + "'", e);
        }
    }

    @Override
    public void close() {
        Closing.close(this, closeTimeout);
    }

    private void requireNotLoop(String what) {
        if (inLoop()) {
            throw new LoopThreadBlockingException(what + " called on the loop thread of controller '" + name
                    + "': it would wait for itself");
        }
    }

    // ------------------------------------------------------------------ listening

    @Override
    public Listening listenedBy(Dispatcher target, Collection<?> allow, String listeningName) {
        Checks.notNull("target", target);
        if (target == this) {
            throw new IllegalArgumentException(Checks.message("target", name, "another controller than '" + name
                    + "' itself"));
        }
        return listeners.add(target, allow, listeningName, "'" + target.name() + "'");
    }

    /**
     * Registers a listener that is told this controller's events under another source name (a pool
     * forwards its workers' events as the pool's). Any thread.
     *
     * @param target the listener
     * @param allow the event ids to forward
     * @param listeningName the listening's name
     * @param sourceName the source name the packets carry
     * @return the listening
     */
    public Listening listenedBy(Object target, Collection<?> allow, String listeningName, String sourceName) {
        return listeners.add(target, allow, listeningName, sourceName, "'" + listeningName + "'");
    }

    @Override
    public boolean unlistenedBy(Dispatcher target) {
        return listeners.remove(target);
    }

    @Override
    public List<Listening> listenings() {
        return listeners.snapshot(name);
    }

    /**
     * The listenings registered on this loop whose packets carry another source's name (a pool's).
     *
     * @param sourceName the source name
     * @return a snapshot
     */
    public List<Listening> listenings(String sourceName) {
        return listeners.snapshot(sourceName);
    }

    @Override
    public Listening listenedBy(BlockingQueue<? super ForwardingPacket> target, Collection<?> allow,
                                String listeningName) {
        Checks.notNull("queue", target);
        return listeners.add(target, allow, listeningName, "queue '" + listeningName + "'");
    }

    // ------------------------------------------------------------------ state

    @Override
    public ControllerState state() {
        return (ControllerState) STATE.getVolatile(this);
    }

    @Override
    public boolean isAlive() {
        ControllerState s = state();
        return s == ControllerState.RUNNING || s == ControllerState.SUSPENDED || s == ControllerState.SHUTTING_DOWN;
    }

    @Override
    public boolean isIdle() {
        ControllerState s = state();
        boolean noLoop = s == ControllerState.NEW || s == ControllerState.TERMINATED;
        return queue.isEmpty() && (noLoop || isParked() && (source == null || source.isEmpty(this)))
                && adapters.allIdle();
    }

    private long blockedReportCount() {
        BlockedLoopDetector.Watch w = watch;
        return w == null ? 0 : w.reports;
    }

    @Override
    public boolean isSuspended() {
        return state() == ControllerState.SUSPENDED;
    }

    @Override
    public MappingManager mapping() {
        return mapping;
    }

    @Override
    public AdapterManager adapters() {
        return adapters;
    }

    @Override
    public ControllerStats stats() {
        int consumed = queue.consumedSeq();
        int tail = queue.tailSeq();
        Envelope marker = queue.closeMarker();
        long queued = Math.max(0, tail - consumed - (marker != null && marker.seq - consumed > 0 ? 1 : 0));
        long handled = loop.handled;
        long fromSource = loop.handledFromSource;
        long back = loop.handedBack;
        return new ControllerStats(handled - fromSource + back + queued, handled, loop.failed, overflow.droppedCount(),
                overflow.rejectedCount(), queued, loop.busyNanos, loop.cancelled, blockedReportCount());
    }

    /**
     * Whether something in this controller must see every event it takes: BEFORE or AFTER hooks, or a
     * listener. An adapter that could hand an event on without the loop (a child process) asks first.
     *
     * @return {@code true} if hooks or listeners are registered now
     */
    public boolean seesEveryEvent() {
        HandlerTable t = mapping.table();
        return t.before.length != 0 || t.after.length != 0 || !listeners.isEmpty();
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == loopThread;
    }

    /**
     * The global context map (mutable while NEW; a pool's adapters add their entries to its workers).
     *
     * @return the global context
     */
    public Map<String, Object> globalContext() {
        return global;
    }

    /**
     * The static entries map (mutable while NEW; pools add their entries to their workers).
     *
     * @return the static entries
     */
    public Map<String, Object> staticEntries() {
        return statics;
    }

    @Override
    public String toString() {
        return "Controller[" + name + ", " + state() + "]";
    }
}
