package dev.eventdriven.internal;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerState;
import dev.eventdriven.ControllerStats;
import dev.eventdriven.Dispatcher;
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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Controller}: the dispatch side and the lifecycle. The loop itself is in {@link EventLoop}.
 *
 * <p>Dispatch costs one CAS (the queue's tail) and one volatile read (is the loop parked?); the loop
 * thread is woken only when it parks (coalesced wake-ups).
 */
public final class LoopController extends LoopParts implements Controller {

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

    // Footprint: see LoopParts.

    /** Padded for a loop thread of its own, compact on a shared group (see {@link QueueLayout}). */
    final MpscEnvelopeQueue queue;
    /**
     * The mapping, an immutable snapshot read once per event; replaced (copy on write) by the
     * mapping manager, {@link CopyOnWriteMapping}, made when {@link #mapping()} is first asked for.
     */
    volatile HandlerTable table;
    /**
     * The loop's one session; on a shared group made by the first turn. Written by the loop only;
     * the blocked-loop detector reads it racily (for the event id of its report), null-checked.
     */
    LoopSession session;
    final EventSource source;

    @SuppressWarnings("unused") // accessed through STATE
    private volatile ControllerState state = ControllerState.NEW;
    /**
     * The idle flag, stamped: odd while the loop is parked or the controller idle with no turn (the
     * next producer takes it), even otherwise. Each announcement moves it to a new odd value and each
     * take to the next even one, so a turn that announced idleness can take the flag back only if
     * nobody took it since; a bare 0/1 flag would let it take back the flag of a later turn that had
     * run and gone idle meanwhile (and go on with a stale loop). Wraps harmlessly.
     */
    @SuppressWarnings("unused") // accessed through PARKED
    private volatile int parked;
    @SuppressWarnings("unused") // accessed through CONTROL
    private volatile int control;
    /** Set after the last step of the loop (or of a shutdown while NEW): what awaitTermination waits for. */
    private volatile boolean ended;
    /**
     * The loop thread; on a shared executor group, the thread running this controller's turn, and
     * {@code null} between turns (written under the queue's monitor at a turn's end, see
     * {@link #interruptLoop()}).
     */
    volatile Thread loopThread;
    /** The shared group the turns run on, or {@code null} for a loop thread of its own. */
    final GroupExecutor group;

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
        super(config.name(), LoopSettings.of(config));
        this.group = config.executor();
        this.queue = group != null ? MpscEnvelopeQueue.compact() : MpscEnvelopeQueue.padded();
        this.table = HandlerTable.of(config.mapping());
        if (!config.globalContext().isEmpty()) {
            extras().global().putAll(config.globalContext());
        }
        if (!config.staticEntries().isEmpty()) {
            extras().statics().putAll(config.staticEntries());
        }
        this.source = source;
        if (group == null) {
            // A loop thread of its own: its loop and session at once, laid out next to the controller.
            this.session = new LoopSession(this);
            makeLoop();
        }
        for (Adapter a : config.adapters()) {
            adapterManager().install(a);
        }
    }

    // ------------------------------------------------------------------ parts of its own

    /** @return the session, made now by the first turn on a shared group; loop thread only */
    LoopSession session() {
        LoopSession s = session;
        if (s == null) {
            s = new LoopSession(this);
            session = s;
        }
        return s;
    }

    /** The lock under which a thread other than the loop consumes the queue (start, NEW/TERMINATED drains). */
    Object startLock() {
        return queue; // its monitor is not used otherwise: no lock object per controller
    }

    /** @return whether the loop (or a shutdown while NEW) has done its last step */
    boolean hasEnded() {
        return ended;
    }

    /** The loop (or a shutdown while NEW) has done its last step: wakes awaitTermination. */
    void markEnded() {
        ended = true;
        signalProgress();
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
        return new GuardedFuture.Completion(eventId, onLoop());
    }


    /**
     * Appends an envelope, applying the overflow policy; wakes the loop if it parks.
     *
     * @param e the envelope
     */
    public void enqueue(Envelope e) {
        DispatchRoutes rs = routes();
        if (rs != null && rs.apply(e)) {
            return;
        }
        if (e.id == SystemEvent.SHUTDOWN) {
            shutdowns().closeGracefully(e.pending());
            return;
        }
        stampIfObserved(e);
        int r = queue.offer(e, settings.queueCapacity());
        if (r != MpscEnvelopeQueue.OK) {
            overflowGate().overflowOrClosed(e, r);
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
        DispatchRoutes rs = routes();
        if (rs != null && !rs.isEmpty()) {
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
        if (observed()) {
            e.stamp(System.nanoTime());
        }
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
        probe().add(Checks.notNull("observer", observer));
    }

    /**
     * Wakes the loop if it parks (coalesced: only the producer that flips the flag unparks).
     *
     * @return whether this call woke it
     */
    public boolean wakeIfParked() {
        int p = (int) PARKED.getVolatile(this);
        if ((p & 1) != 0 && PARKED.compareAndSet(this, p, p + 1)) {
            if (group != null) {
                try {
                    group.execute(loop()); // the flag taken: no other turn of this controller is queued or running
                } catch (RuntimeException refused) {
                    // A caller's executor refused the turn: leave the controller schedulable by the next call.
                    markParked();
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

    /**
     * Loop side of a turn that announced itself idle: takes the flag back if nobody took it since.
     *
     * @param stamp what {@link #markParked()} returned for that announcement
     * @return {@code true} if the flag was taken back; {@code false} if a producer took it (its turn
     *     is on its way, or has already run)
     */
    boolean unmarkParked(int stamp) {
        return PARKED.compareAndSet(this, stamp, stamp + 1);
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
        // The queue's monitor, not the loop's: a shared controller's loop changes (see releaseLoop).
        synchronized (startLock()) {
            Thread t = loopThread;
            if (t != null && state() != ControllerState.TERMINATED) {
                t.interrupt();
            }
        }
    }

    /**
     * Announces the loop parked, or the controller idle with no turn: by the flag's holder only (the
     * loop, the turn, or whoever took the flag), so nobody else writes it meanwhile.
     *
     * @return the announcement's stamp, for {@link #unmarkParked(int)}
     */
    int markParked() {
        int stamp = (int) PARKED.getVolatile(this) + 1 | 1; // a new odd value (from even, the next one)
        PARKED.setVolatile(this, stamp);
        return stamp;
    }

    /** A loop thread awake again: takes its own flag back, unless a producer already took it. */
    void unmarkParkedAwake() {
        int p = (int) PARKED.getVolatile(this);
        if ((p & 1) != 0) {
            PARKED.compareAndSet(this, p, p + 1);
        }
    }

    boolean isParked() {
        return ((int) PARKED.getVolatile(this) & 1) != 0;
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
        synchronized (startLock()) {
            ControllerState s = state();
            if (s != ControllerState.NEW) {
                throw new IllegalControllerStateException("run controller '" + name + "': it was started already"
                        + " (state: " + s + ")", s);
            }
            if (runtimeContext != null && !runtimeContext.isEmpty()) {
                extras().runtime = Collections.unmodifiableMap(new HashMap<>(runtimeContext));
            }
            if (group != null) {
                group.register(name, settings.blockedThresholdNanos()); // refused (nothing changed) if the group is shut down
            }
            try {
                ControllerExtras x = extrasIfMade();
                DefaultAdapterManager m = x == null ? null : x.adaptersIfMade();
                if (m != null) {
                    m.running(this);
                }
            } catch (RuntimeException refused) {
                if (group != null) {
                    group.deregister();
                }
                // An adapter refused the start (its child process did not come up): end as a
                // controller that never ran, its queued events left for clean().
                extras().closeReason = "the start was refused: " + refused.getMessage();
                shutdowns().shutdown();
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
        eachAdapter("run", a -> a.run(this));
    }

    /** Start lock held. */
    private void startThread(boolean suspended) {
        ThreadFactory f = settings.threadFactory() != null ? settings.threadFactory() : DEFAULT_FACTORY;
        Thread t = f.newThread(loop());
        if (t == null) {
            throw new IllegalStateException("run controller '" + name + "': the thread factory returned null");
        }
        t.setName(settings.threadName() != null ? settings.threadName() : name + "-loop");
        if (settings.daemon() && !t.isDaemon()) {
            t.setDaemon(true);
        }
        loopThread = t;
        STATE.setVolatile(this, suspended ? ControllerState.SUSPENDED : ControllerState.RUNNING);
        t.start();
        if (settings.blockedThresholdNanos() > 0) {
            BlockedLoopDetector.watch(this);
        }
    }

    /**
     * Start lock held: on the shared group the controller starts idle, as if its first turn had found
     * nothing; a turn is handed in only if something was queued before run() (or a stop or clean was
     * asked for), so that an idle controller never gets a loop or a session.
     */
    private void startTurns(boolean suspended) {
        STATE.setVolatile(this, suspended ? ControllerState.SUSPENDED : ControllerState.RUNNING);
        if (settings.blockedThresholdNanos() > 0) {
            if (group.watchesTurns()) {
                BlockedLoopDetector.watch(group); // the group's turns are sampled, not each controller
            } else {
                BlockedLoopDetector.watch(this);
            }
        }
        // Announce idleness, then look again (as a turn going idle does): a dispatch that came before
        // the flag was set is seen here, one after it takes the flag and hands the turn in itself.
        markParked();
        int ctl = control();
        boolean rest = ctl == 0 ? queue.isEmpty() && (source == null || source.isEmpty(this))
                : ctl == CTL_SUSPEND;
        if (rest) {
            signalProgress();
        } else {
            wakeIfParked();
        }
    }

    @Override
    public void suspend() {
        // Serialised with resume(): otherwise a resume between the CAS and setControl leaves the state
        // RUNNING with the suspend bit set (a stuck loop), or a re-read sees RUNNING and throws, and
        // adapters get suspend/resume callbacks out of order.
        synchronized (this) { // the controller's own monitor: a lock object would cost every controller 16 bytes
            if (STATE.compareAndSet(this, ControllerState.RUNNING, ControllerState.SUSPENDED)) {
                setControl(CTL_SUSPEND);
                if (state() != ControllerState.SUSPENDED) {
                    // A shutdown took over between the CAS and setControl and has cleared the bit
                    // already: the loop must go on to handle everything before the SHUTDOWN.
                    clearControl(CTL_SUSPEND);
                    wakeLoop();
                }
                eachAdapter("suspend", a -> a.suspend(this));
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
        synchronized (this) { // the controller's own monitor: a lock object would cost every controller 16 bytes
            if (STATE.compareAndSet(this, ControllerState.SUSPENDED, ControllerState.RUNNING)) {
                clearControl(CTL_SUSPEND);
                wakeLoop();
                eachAdapter("resume", a -> a.resume(this));
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
        shutdowns().shutdown();
    }

    /**
     * Graceful shutdown for a reason an adapter gives; later refusals name it. Any thread.
     *
     * @param reason why
     */
    public void shutdown(String reason) {
        ControllerExtras x = extras();
        if (x.closeReason == null) {
            x.closeReason = reason;
        }
        shutdowns().shutdown();
    }

    @Override
    public List<Event> shutdownNow() {
        return shutdowns().shutdownNow();
    }

    @Override
    public List<Event> clean() {
        return shutdowns().clean();
    }

    @Override
    public boolean awaitDrained(Duration timeout) {
        long nanos = Checks.timeoutNanos(timeout);
        requireNotLoop("awaitDrained");
        int target = queue.tailSeq();
        return progress().await(nanos, () -> (queue.consumedSeq() - target >= 0
                || state() == ControllerState.TERMINATED) && adaptersIdle(), "awaitDrained of controller '" + name + "'");
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        long nanos = Checks.timeoutNanos(timeout);
        requireNotLoop("awaitIdle");
        return progress().await(nanos, this::isIdle, "awaitIdle of controller '" + name + "'");
    }

    @Override
    public boolean awaitTermination(Duration timeout) {
        long nanos = Checks.timeoutNanos(timeout);
        requireNotLoop("awaitTermination");
        long deadline = System.nanoTime() + nanos;
        if (state() == ControllerState.NEW) {
            return false;
        }
        // Runs a hand-driven group's turns on this thread first (see DrivenExecutor), then waits.
        if (!progress().await(nanos, this::hasEnded, "awaitTermination of controller '" + name + "'")) {
            return false;
        }
        try {
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
        Closing.close(this, settings.closeTimeout());
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
        return listeners().add(target, allow, listeningName, "'" + target.name() + "'");
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
        return listeners().add(target, allow, listeningName, sourceName, "'" + listeningName + "'");
    }

    @Override
    public boolean unlistenedBy(Dispatcher target) {
        Listeners ls = listeners;
        return ls != null && ls.remove(target);
    }

    @Override
    public List<Listening> listenings() {
        Listeners ls = listeners;
        return ls == null ? List.of() : ls.snapshot(name);
    }

    /**
     * The listenings registered on this loop whose packets carry another source's name (a pool's).
     *
     * @param sourceName the source name
     * @return a snapshot
     */
    public List<Listening> listenings(String sourceName) {
        Listeners ls = listeners;
        return ls == null ? List.of() : ls.snapshot(sourceName);
    }

    @Override
    public Listening listenedBy(BlockingQueue<? super ForwardingPacket> target, Collection<?> allow,
                                String listeningName) {
        Checks.notNull("queue", target);
        return listeners().add(target, allow, listeningName, "queue '" + listeningName + "'");
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
                && adaptersIdle();
    }

    private long blockedReportCount() {
        ControllerExtras x = extrasIfMade();
        BlockedLoopDetector.Watch w = x == null ? null : x.watch;
        return w == null ? 0 : w.reports;
    }

    @Override
    public boolean isSuspended() {
        return state() == ControllerState.SUSPENDED;
    }

    @Override
    public MappingManager mapping() {
        return extras().mapping(this);
    }

    @Override
    public AdapterManager adapters() {
        return adapterManager();
    }

    @Override
    public ControllerStats stats() {
        int consumed = queue.consumedSeq();
        int tail = queue.tailSeq();
        Envelope marker = queue.closeMarker();
        long queued = Math.max(0, tail - consumed - (marker != null && marker.seq - consumed > 0 ? 1 : 0));
        ControllerExtras x = extrasIfMade();
        OverflowGate g = x == null ? null : x.overflowIfMade();
        // The attached loop's counters, or (none attached) the totals its release left, published by
        // that release's write of the loop field, which the read here follows.
        EventLoop l = loopIfMade();
        EventLoop.Totals t = l != null ? null : totals;
        long handled = l != null ? l.handled : t != null ? t.handled : 0;
        long fromSource = l != null ? l.handledFromSource : t != null ? t.handledFromSource : 0;
        long back = l != null ? l.handedBack : t != null ? t.handedBack : 0;
        long failed = l != null ? l.failed : t != null ? t.failed : 0;
        long busy = l != null ? l.busyNanos : t != null ? t.busyNanos : 0;
        long cancelled = l != null ? l.cancelled : t != null ? t.cancelled : 0;
        return new ControllerStats(handled - fromSource + back + queued, handled, failed,
                g == null ? 0 : g.droppedCount(), g == null ? 0 : g.rejectedCount(), queued, busy, cancelled,
                blockedReportCount());
    }

    /**
     * Whether something in this controller must see every event it takes: BEFORE or AFTER hooks, or a
     * listener. An adapter that could hand an event on without the loop (a child process) asks first.
     *
     * @return {@code true} if hooks or listeners are registered now
     */
    public boolean seesEveryEvent() {
        HandlerTable t = table;
        return t.before.length != 0 || t.after.length != 0 || hasListeners();
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == loopThread;
    }

    /**
     * The global context map (mutable while NEW, by the building thread only; a pool's adapters add
     * their entries to its workers). Made at the first call.
     *
     * @return the global context
     */
    public Map<String, Object> globalContext() {
        return extras().global();
    }

    /**
     * The static entries map (mutable while NEW, by the building thread only; pools add their
     * entries to their workers). Made at the first call.
     *
     * @return the static entries
     */
    public Map<String, Object> staticEntries() {
        return extras().statics();
    }

    /** @return the runtime context given to {@code run()} (empty if none); loop thread */
    Map<String, Object> runtime() {
        ControllerExtras x = extrasIfMade();
        return x == null ? Map.of() : x.runtime;
    }

    /** @return the global context as the loop reads it (empty if none was set); loop thread */
    Map<String, Object> globalView() {
        ControllerExtras x = extrasIfMade();
        return x == null ? Map.of() : x.globalView();
    }

    /** @return the static entries as the loop reads them (empty if none was set); loop thread */
    Map<String, Object> staticsView() {
        ControllerExtras x = extrasIfMade();
        return x == null ? Map.of() : x.staticsView();
    }

    @Override
    public String toString() {
        return "Controller[" + name + ", " + state() + "]";
    }
}
