package dev.eventdriven.internal;

import dev.eventdriven.ControllerState;
import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.Event;
import dev.eventdriven.EventHandler;
import dev.eventdriven.HandlerFailure;
import dev.eventdriven.Pending;
import dev.eventdriven.SubmittedTask;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.jfr.HandlerFailedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The loop of one controller: takes envelopes one at a time and runs their handlers on the loop
 * thread. Only the loop thread touches the fields here, except the counters, which other threads
 * read without locking for {@code stats()}.
 *
 * <pre>
 *   poll own queue --&gt; poll shared source (pool) --&gt; none: spin (10 µs by default), then park (producers unpark)
 *        |
 *        v
 *   forward to listeners --&gt; BEFORE --&gt; handlers (or OTHER / task) --&gt; AFTER --&gt; Pending
 *                                           | throws
 *                                           v
 *                      log + adapters' exception() + ERROR handlers + Pending fails + policy
 * </pre>
 *
 * <p><b>On a shared executor group</b> the same steps run in turns ({@link #turn()}): a turn takes at
 * most one batch, then hands the loop back to the group (more to do) or announces the controller idle
 * and ends (after spinning as a loop thread would, while no other turn waits for the group; see
 * {@code awaitWorkInTurn}). Announcing is the park of this mode: the idle flag is set, the queue and control word are
 * checked again, and a producer that finds the flag set takes it with a CAS and hands a new turn in.
 * So at most one turn runs at a time, and the flag's write and CAS order one turn's end before the
 * next one's start (happens-before across the group's threads). After announcing, a turn touches
 * nothing of the controller: the next turn may already run elsewhere.
 */
final class EventLoop extends CacheLinePadding implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    /** MDC key holding the controller name while a handler runs. */
    static final String MDC_CONTROLLER = "controller";
    /** MDC key holding the event id while a handler runs. */
    static final String MDC_EVENT = "eventId";

    private static final EventHandler[] RUN_TASK = {EventLoop::runTask};

    /** Spins between two polls (and clock reads) of an idle loop: about 1 µs. */
    private static final int SPINS_PER_ROUND = 32;

    private final LoopController c;
    private final int batchSize;
    /**
     * How long an idle loop keeps polling before it parks. Parking costs a producer an unpark system
     * call and the loop a wake-up of several µs (more on a virtual machine), and a producer in the
     * middle of a burst, or a caller sending its next request right after a reply, comes back within
     * that time; spinning about as long as one park/unpark round costs bounds the waste at that cost.
     */
    private final long idleSpinNanos;
    private final ErrorPolicy errorPolicy;
    /**
     * The queue as this loop consumes it: the controller's, or (a compact queue on a shared group,
     * after {@link #BUSY_AFTER_EVENTS} events) the busy view {@link MpscEnvelopeQueue#busy} gives.
     */
    private MpscEnvelopeQueue q;
    /**
     * Events a shared controller's loop takes from its compact queue before it moves to the busy view:
     * a controller woken for one event (a tick, a request among a million) makes no 400-byte view.
     */
    private static final int BUSY_AFTER_EVENTS = 32;
    /** Events taken through the compact queue itself since this loop was made. */
    private int leanEvents;
    private Object mdcEventId;
    private Object lastId;
    private HandlerTable lastTable;
    private EventHandler[] lastHandlers;

    long handled;
    long handledFromSource;
    long failed;
    long busyNanos;
    long handedBack;
    long cancelled;
    private boolean stopAfterEvent;

    EventLoop(LoopController controller) {
        this.c = controller;
        LoopSettings s = controller.settings;
        this.batchSize = s.batchSize();
        this.idleSpinNanos = s.idleSpinNanos();
        this.errorPolicy = s.errorPolicy();
        this.q = controller.queue;
        Totals t = controller.totals; // a loop made after a released one goes on counting from its totals
        if (t != null) {
            handled = t.handled;
            handledFromSource = t.handledFromSource;
            failed = t.failed;
            busyNanos = t.busyNanos;
            handedBack = t.handedBack;
            cancelled = t.cancelled;
        }
    }

    /** The loop thread's body, or one turn on a shared executor group. */
    @Override
    public void run() {
        if (c.group != null) {
            turn();
        } else {
            runOnOwnThread();
        }
    }

    private void runOnOwnThread() {
        c.session.bindToThread();
        MDC.put(MDC_CONTROLLER, c.name);
        try {
            loop();
        } catch (Throwable t) {
            LOG.error("controller '{}': the loop failed; the controller stops", c.name, t);
        } finally {
            terminate();
        }
    }

    private void loop() {
        int inBatch = 0;
        boolean spinning = false;
        long idleSince = 0;
        long batchStart = System.nanoTime();
        for (;;) {
            if (c.control() != 0 && handleControl()) {
                return;
            }
            Envelope e = q.poll();
            EventSource src = null;
            if (e == null && c.source != null) {
                e = c.source.poll(c);
                src = c.source;
            }
            if (e == null) {
                long now = System.nanoTime();
                if (!spinning) {
                    spinning = true;
                    idleSince = now;
                }
                if (now - idleSince < idleSpinNanos) {
                    spinBriefly();
                    continue;
                }
                spinning = false;
                busyNanos += idleSince - batchStart;
                inBatch = 0;
                park();
                batchStart = System.nanoTime();
                continue;
            }
            spinning = false;
            if (src == null && e.isCloseMarker()) {
                if (takeShutdown(e)) {
                    return;
                }
                continue;
            }
            if (src == null) {
                c.signalSpace();
            }
            process(e);
            inBatch += batchTail;
            batchTail = 0;
            if (src == null) {
                q.publishConsumed(e.seq);
                e.clear(); // finished: the stub must not keep the event's value alive
            } else {
                handledFromSource++;
                src.completed(c, e);
            }
            c.signalProgress();
            if (stopAfterEvent) {
                return;
            }
            if (++inBatch >= batchSize) {
                long now = System.nanoTime();
                busyNanos += now - batchStart;
                batchStart = now;
                inBatch = 0;
            }
        }
    }

    // ------------------------------------------------------------------ turns on a shared group

    /** When the running turn started (the blocked-loop detector tells turns apart by it). */
    long turnStart;
    private int turnSlot = -1;

    /** One turn on the shared group: at most one batch, then yield, go idle or end the loop. */
    private void turn() {
        beginTurn();
        boolean end;
        try {
            end = takeBatch();
        } catch (Throwable t) {
            LOG.error("controller '{}': the loop failed; the controller stops", c.name, t);
            end = true;
        }
        if (end) {
            busyNanos += System.nanoTime() - turnStart;
            terminate();
        }
    }

    private void beginTurn() {
        turnStart = System.nanoTime();
        c.loopThread = Thread.currentThread();
        turnSlot = c.group.turnStarted(c);
        c.session().bindToThread(); // the first turn makes the session
        q = c.queue.consumerView();
        MDC.put(MDC_CONTROLLER, c.name);
        mdcEventId = null; // the thread's MDC was another controller's: put the event id again
    }

    /** Ends the turn's hold on the thread; after this a forced stop no longer interrupts it. */
    private void endTurn() {
        busyNanos += System.nanoTime() - turnStart;
        MDC.remove(MDC_EVENT);
        MDC.remove(MDC_CONTROLLER);
        LoopSession.rebind(null);
        synchronized (c.startLock()) { // interruptLoop's monitor
            c.loopThread = null;
        }
        c.group.turnEnded(turnSlot);
        turnSlot = -1;
        Thread.interrupted(); // an interrupt aimed at this turn must not reach the next one on this thread
    }

    /**
     * @return {@code true} if the loop must end; {@code false} if the turn has ended itself (yielded or
     *     went idle), after which nothing of the controller may be touched
     */
    private boolean takeBatch() {
        int inBatch = 0;
        for (;;) {
            int ctl = c.control();
            if (ctl != 0) {
                if ((ctl & LoopController.CTL_STOP) != 0) {
                    return true;
                }
                if ((ctl & LoopController.CTL_CLEAN) != 0) {
                    serveClean();
                    continue;
                }
                if (goIdle()) {
                    return false; // suspended: resume() hands a turn in
                }
                continue;
            }
            Envelope e = q.poll();
            EventSource src = null;
            if (e == null && c.source != null) {
                e = c.source.poll(c);
                src = c.source;
            }
            if (e == null) {
                if (awaitWorkInTurn() || !goIdle()) {
                    continue;
                }
                return false;
            }
            if (src == null && e.isCloseMarker()) {
                if (takeShutdown(e)) {
                    return true;
                }
                continue;
            }
            if (src == null) {
                c.signalSpace();
            }
            process(e);
            inBatch += batchTail; // a batch's events count toward the turn's share
            batchTail = 0;
            if (src == null) {
                q.publishConsumed(e.seq);
                e.clear();
            } else {
                handledFromSource++;
                src.completed(c, e);
            }
            c.signalProgress();
            if (stopAfterEvent) {
                return true;
            }
            if (q == c.queue && ++leanEvents >= BUSY_AFTER_EVENTS) {
                q = c.queue.busy(); // a run of events, not a single one: worth the padded view
            }
            if (++inBatch >= batchSize) {
                // Yield: the back of the group's line, behind the controllers that waited meanwhile.
                endTurn();
                c.group.execute(this);
                return false;
            }
        }
    }

    /**
     * Before a turn that found nothing announces its controller idle: while no other controller's turn
     * waits for the group's threads, polls a little longer (as a loop thread does before it parks), so
     * a producer in the middle of a burst, or a caller sending its next request right after a reply,
     * finds the turn still running instead of handing a new one in (an idle flag's CAS, a hand-in, a
     * wake-up of the group's thread). Gives up at once when another turn waits: the spin never delays
     * another controller.
     *
     * @return {@code true} if something may have arrived (the caller polls again)
     */
    private boolean awaitWorkInTurn() {
        if (idleSpinNanos <= 0 || c.group.turnsWaiting()) {
            return false;
        }
        long start = System.nanoTime();
        do {
            spinBriefly();
            if (q.hasNext() || c.control() != 0 || (c.source != null && !c.source.isEmpty(c))) {
                return true;
            }
        } while (!c.group.turnsWaiting() && System.nanoTime() - start < idleSpinNanos);
        return false;
    }

    /**
     * Announces the controller idle (nothing to take, or suspended) and ends the turn, unless work
     * arrived meanwhile and nobody else took the flag, in which case the turn goes on.
     *
     * @return {@code true} if the turn has ended
     */
    private boolean goIdle() {
        endTurn();
        // An idle controller keeps no loop or session: the next turn makes them (see releaseLoop).
        LoopSession s = c.releaseLoop(this);
        int stamp = c.markParked();
        int ctl = c.control();
        boolean rest = ctl == 0 ? c.queue.isEmpty() && (c.source == null || c.source.isEmpty(c))
                : ctl == LoopController.CTL_SUSPEND;
        if (rest) {
            c.signalProgress(); // thread-safe, and touches no state of the loop
            return true;
        }
        if (!c.unmarkParked(stamp)) {
            // A producer took the flag: its turn is on its way, with a loop of its own, or has run and
            // gone idle again (the flag's stamp tells that from our own announcement).
            return true;
        }
        c.reattachLoop(this, s);
        beginTurn();
        return false;
    }

    private void serveClean() {
        c.clearControl(LoopController.CTL_CLEAN);
        CompletableFuture<List<Event>> req = c.shutdowns().cleanRequest;
        List<Event> back = c.shutdowns().cleanOnLoop();
        if (req != null) {
            req.complete(back);
        }
    }

    // ------------------------------------------------------------------ thread mode

    /**
     * Serves control requests: stop, clean, suspend (parks until resumed, still serving clean and
     * stop meanwhile).
     *
     * @return {@code true} if the loop must stop
     */
    private boolean handleControl() {
        for (;;) {
            int ctl = c.control();
            if ((ctl & LoopController.CTL_STOP) != 0) {
                return true;
            }
            if ((ctl & LoopController.CTL_CLEAN) != 0) {
                c.clearControl(LoopController.CTL_CLEAN);
                CompletableFuture<List<Event>> req = c.shutdowns().cleanRequest;
                List<Event> back = c.shutdowns().cleanOnLoop();
                if (req != null) {
                    req.complete(back);
                }
                continue;
            }
            if ((ctl & LoopController.CTL_SUSPEND) == 0) {
                return false;
            }
            c.markParked();
            c.signalProgress();
            if (c.control() == LoopController.CTL_SUSPEND) {
                LockSupport.park(this);
            }
            c.unmarkParkedAwake();
        }
    }

    /**
     * Waits a little for work while spinning, watching only the head's link (written once per
     * append) and the control word: polling the queue itself would read the producers' tail on every
     * turn and take its cache line away from each dispatch's CAS. Returns early when something may
     * have arrived; the caller then polls its queue and the shared source, which also checks the
     * clock, every round.
     */
    private void spinBriefly() {
        for (int i = 0; i < SPINS_PER_ROUND; i++) {
            if (q.hasNext() || c.control() != 0) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    private void park() {
        c.markParked();
        // Re-check after announcing: a producer that appended before seeing the flag is seen here.
        if (q.isEmpty() && (c.source == null || c.source.isEmpty(c)) && c.control() == 0) {
            c.signalProgress();
            LockSupport.park(this);
        }
        c.unmarkParkedAwake();
    }

    /** @return {@code true} if the shutdown stands and the loop ends */
    private boolean takeShutdown(Envelope marker) {
        Envelope.CloseMarker m = (Envelope.CloseMarker) marker.extra;
        if (m.forced) {
            return true;
        }
        HandlerTable table = c.table;
        EventHandler[] hs = table.get(SystemEvent.SHUTDOWN);
        boolean skipped = runEvent(marker, SystemEvent.SHUTDOWN, null, hs == null ? HandlerTable.NONE : hs, table,
                m.pending);
        q.publishConsumed(marker.seq);
        c.signalProgress();
        if (skipped && !stopAfterEvent) {
            c.shutdowns().cancelShutdown(marker);
            return false;
        }
        return true;
    }

    private void process(Envelope e) {
        if (e.id == Envelope.BATCH) {
            runBatch(e);
            return;
        }
        Object id = e.id;
        Object value = e.value;
        HandlerTable table = c.table;
        Listeners ls = c.listeners;
        if (ls != null && !ls.isEmpty()) {
            ls.forward(e);
        }
        EventHandler[] hs;
        Object handlerId = id;
        if (id == SystemEvent.SUBMIT) {
            hs = handlersOf(SystemEvent.SUBMIT, table);
            if (hs == null) {
                hs = RUN_TASK;
            } else if (!(value instanceof SubmittedTask)) {
                value = new SubmittedTask(value, List.of());
            }
        } else {
            hs = handlersOf(id, table);
            if (hs == null) {
                if (id instanceof SystemEvent) {
                    hs = HandlerTable.NONE;
                } else {
                    hs = table.other;
                    handlerId = SystemEvent.OTHER;
                }
            }
        }
        GuardedFuture.Completion pending = e.pending();
        if (pending != null) {
            if (!pending.take()) {
                handled++; // taken, and counted as cancelled: its handlers never run
                cancelled++;
                return;
            }
            if (hs.length != 0 && returnsNothing(hs[0])) {
                pending.firstReturnsNothing();
            }
        }
        if (c.observed()) {
            c.probe().observe(this, e, handlerId, value, hs, table, pending);
        } else {
            runEvent(e, handlerId, value, hs, table, pending);
        }
    }

    // ------------------------------------------------------------------ batches

    /** The events of the batch just run beyond the first (what a turn adds to its count); 0 otherwise. */
    private int batchTail;
    private final BatchRunner batches = new BatchRunner(this);

    private void runBatch(Envelope e) {
        batchTail = Math.max(0, batches.run(e) - 1);
    }

    /**
     * Handles one event of a batch (loop thread, from {@link BatchRunner}): as a queued envelope is.
     *
     * @param stand the batch's stand-in envelope, carrying the event
     * @return {@code true} if the loop goes on; {@code false} once it must stop
     */
    boolean processBatched(Envelope stand) {
        process(stand);
        return !stopAfterEvent && (c.control() & LoopController.CTL_STOP) == 0;
    }

    /** @return the controller's name, for the batch runner's logs */
    String controllerName() {
        return c.name;
    }

    /**
     * Keeps events a stopping loop did not handle for {@code shutdownNow()} (loop thread).
     *
     * @param rest the events
     */
    void handBack(List<Event> rest) {
        handedBack += rest.size();
        c.shutdowns().keepHandedBack(rest);
    }

    /**
     * The handlers of an id, remembering the last lookup: a loop mostly sees runs of the same id
     * object, and the identity check saves a hash lookup per event. A new table (the mapping changed)
     * or another id object misses.
     */
    private EventHandler[] handlersOf(Object id, HandlerTable table) {
        if (id == lastId && table == lastTable) {
            return lastHandlers;
        }
        EventHandler[] hs = table.get(id);
        lastId = id;
        lastTable = table;
        lastHandlers = hs;
        return hs;
    }

    /** @return whether the event was skipped */
    boolean runEvent(Envelope e, Object handlerId, Object value, EventHandler[] hs, HandlerTable table,
                             GuardedFuture.Completion pending) {
        LoopSession s = c.session;
        EventHandler running = null;
        List<Object> returns = pending != null || table.after.length != 0 ? new ArrayList<>(hs.length) : null;
        s.begin(e, handlerId, value);
        handled++;
        if (e.id != mdcEventId) {
            mdcEventId = e.id;
            MDC.put(MDC_EVENT, String.valueOf(e.id));
        }
        try {
            for (EventHandler h : table.before) {
                running = h;
                h.handle(s);
                if (s.skipped()) {
                    break;
                }
            }
            if (!s.skipped()) {
                for (EventHandler h : hs) {
                    running = h;
                    Object r = h.handle(s);
                    if (returns != null) {
                        returns.add(r);
                    }
                    if (s.skipped()) {
                        break;
                    }
                }
            }
            if (!s.skipped() && table.after.length != 0) {
                s.returns(returns);
                for (EventHandler h : table.after) {
                    running = h;
                    h.handle(s);
                    if (s.skipped()) {
                        break;
                    }
                }
            }
            if (pending != null) {
                AsyncReturns.complete(pending, returns);
            }
            return s.skipped();
        } catch (Throwable t) {
            failed(e, value, t, pending, table, running);
            return false;
        } finally {
            s.end();
        }
    }

    /**
     * Names a handler for failure reports: an annotated method or a typed handler says where it comes
     * from; a lambda is named by its class (which names the class that declared it).
     */
    static String describe(EventHandler h) {
        if (h == null) {
            return "a handler";
        }
        if (h == RUN_TASK[0]) {
            return "the submitted task";
        }
        try {
            if (h.getClass().getMethod("toString").getDeclaringClass() != Object.class) {
                return h.toString();
            }
        } catch (NoSuchMethodException impossible) {
            // every class has toString()
        }
        return "handler " + h.getClass().getName();
    }

    private static boolean returnsNothing(EventHandler h) {
        return h instanceof dev.eventdriven.EventAction || h instanceof TypedHandler<?> t && t.returnsNothing();
    }

    /** Loop thread: copies the counters into the totals a released loop leaves (see {@code releaseLoop}). */
    void saveTo(Totals t) {
        t.handled = handled;
        t.handledFromSource = handledFromSource;
        t.failed = failed;
        t.busyNanos = busyNanos;
        t.handedBack = handedBack;
        t.cancelled = cancelled;
    }

    /** The counters of a shared group's controller whose loop was released while it idles. */
    static final class Totals {
        long handled;
        long handledFromSource;
        long failed;
        long busyNanos;
        long handedBack;
        long cancelled;
    }

    /** Names the loop's turns (a test kit's queue shows them). */
    @Override
    public String toString() {
        return "turn of '" + c.name + "'";
    }

    /** @return how many events the loop has started (the blocked-loop detector samples it) */
    long takenCount() {
        return handled;
    }

    private static Object runTask(dev.eventdriven.Session session) throws Exception {
        Object task = session.value();
        if (task instanceof Runnable r) {
            r.run();
            return null;
        }
        if (task instanceof Callable<?> callable) {
            return callable.call();
        }
        if (task instanceof SubmittedTask st) {
            return st.call();
        }
        throw new IllegalArgumentException(Checks.message("SUBMIT value", task,
                "a Runnable, Callable or SubmittedTask"));
    }

    private void failed(Envelope e, Object value, Throwable t, GuardedFuture.Completion pending, HandlerTable table,
                        EventHandler handler) {
        failed++;
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        HandlerFailure failure = new HandlerFailure(e.id, value, t, c.name, describe(handler),
                pending != null && pending.getNumberOfDependents() > 0);
        try {
            c.settings.errorHandler().handle(failure);
        } catch (RuntimeException | LinkageError | AssertionError nested) {
            LOG.error("controller '{}': the error handler {} threw on the failure of event {} (failure: {})", c.name,
                    c.settings.errorHandler(), e.id, t, nested);
        }
        HandlerFailedEvent.emit(c.name, e.id, failure.handler(), t);
        c.adapterException(c.session, t);
        if (pending != null) {
            pending.completeExceptionally(t);
        }
        EventHandler[] errorHandlers = table.get(SystemEvent.ERROR);
        if (errorHandlers != null && e.id != SystemEvent.ERROR) {
            LoopSession s = c.session;
            s.begin(e, SystemEvent.ERROR, failure);
            for (EventHandler h : errorHandlers) {
                try {
                    h.handle(s);
                } catch (Throwable nested) {
                    LOG.error("controller '{}': an ERROR handler threw while handling the failure of event {}",
                            c.name, e.id, nested);
                }
            }
        }
        if (errorPolicy == ErrorPolicy.SHUTDOWN) {
            LOG.warn("controller '{}': error policy SHUTDOWN, shutting down after the failure of event {}",
                    c.name, e.id);
            c.shutdown();
        } else if (errorPolicy == ErrorPolicy.STOP) {
            LOG.warn("controller '{}': error policy STOP, stopping after the failure of event {}", c.name, e.id);
            stopAfterEvent = true;
        }
    }

    private void terminate() {
        Thread.interrupted(); // a forced stop may have interrupted a handler; the cleanup must not see it
        try {
            if (c.state() != ControllerState.TERMINATED) {
                c.shutdowns().shutdownStateForStop();
            }
            List<Event> back = c.shutdowns().drainHandingBack();
            c.shutdowns().keepHandedBack(back);
            if (!back.isEmpty()) {
                LOG.info("controller '{}': {} queued events were not processed and are handed back", c.name,
                        back.size());
            }
            c.eachAdapter("closing", a -> a.closing(c));
            c.eachAdapter("closed", a -> a.closed(c));
        } finally {
            MDC.remove(MDC_EVENT);
            MDC.remove(MDC_CONTROLLER);
            LoopSession.rebind(null);
            if (c.group != null) {
                synchronized (c.startLock()) { // interruptLoop's monitor
                    c.loopThread = null;
                }
                c.group.turnEnded(turnSlot);
                turnSlot = -1;
                Thread.interrupted();
                c.group.deregister();
                c.releaseLoop(this); // the counters stay for stats(); the loop and session go
            }
            c.shutdowns().terminated();
        }
    }
}
