package dev.eventdriven.internal;

import dev.eventdriven.adapter.Adapter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The parts of a {@link LoopController} that are made when first needed, and the controller's name
 * and settings, behind the padding of a loop thread's controller (its fields start two cache lines
 * in, see {@link CacheLinePadding}). Package machinery; public only because the controller is.
 */
public abstract class LoopParts extends CacheLinePadding {

    private static final VarHandle LOOP;
    private static final VarHandle EXTRAS;
    private static final VarHandle LISTENERS;
    private static final VarHandle PROGRESS;
    private static final VarHandle ROUTES;
    private static final VarHandle PROBE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            LOOP = l.findVarHandle(LoopParts.class, "loop", EventLoop.class);
            EXTRAS = l.findVarHandle(LoopParts.class, "extras", ControllerExtras.class);
            LISTENERS = l.findVarHandle(LoopParts.class, "listeners", Listeners.class);
            PROGRESS = l.findVarHandle(LoopParts.class, "progress", ProgressSignal.class);
            ROUTES = l.findVarHandle(LoopParts.class, "routes", DispatchRoutes.class);
            PROBE = l.findVarHandle(LoopParts.class, "probe", LoopProbe.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        FlightRecordings.watch(); // the probe, which would start the watch, is made only when needed
    }

    /*
     * Footprint. A fleet of idle controllers on a shared group may count a million, so a controller
     * holds only what every controller needs; the rest is made when first needed and published with
     * a CAS ({@link LazyParts#publish}: two racing makers agree on the winner's):
     *   loop, session     - on a shared group, by the first turn (with a loop thread: at once); given
     *                       back when the controller idles again, its counters kept in totals
     *   onLoop            - the guard of results, by the first request
     *   listeners, routes - by the first listening / route
     *   progress          - by the first wait (awaitIdle, awaitTermination, ...); unwaited, no signal
     *   probe             - by the first observer, or the first event seen while a recording runs
     *   extras            - by the first adapter, context entry, mapping(), refusal, shutdown or
     *                       watch (see ControllerExtras, whose parts are made when needed in turn)
     * The options shared by controllers built alike are one interned LoopSettings. The fields read
     * by every dispatch or every event stay here, one load away.
     */

    final String name;
    /** The options that do not vary between controllers built alike (interned). */
    final LoopSettings settings;
    @SuppressWarnings("unused") // written through LISTENERS
    volatile Listeners listeners;
    @SuppressWarnings("unused") // written through PROGRESS
    private volatile ProgressSignal progress;
    /** The loop; on a shared group made when the first turn is handed in. */
    @SuppressWarnings("unused") // written through LOOP
    private volatile EventLoop loop;
    @SuppressWarnings("unused") // written through EXTRAS
    private volatile ControllerExtras extras;
    /** The counters of a released loop (shared group; written by the turn, published by the release). */
    EventLoop.Totals totals;
    private java.util.function.BooleanSupplier onLoop;
    @SuppressWarnings("unused") // written through ROUTES
    private volatile DispatchRoutes routes;
    /** Times events for the Flight Recorder and the event observers, only while either looks. */
    @SuppressWarnings("unused") // written through PROBE
    private volatile LoopProbe probe;

    LoopParts(String name, LoopSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    private LoopController self() {
        return (LoopController) this;
    }

    /** With a loop thread of its own: the loop at once, laid out next to the controller. */
    final void makeLoop() {
        LOOP.setRelease(this, new EventLoop(self()));
    }

    /** @return the dispatch routes, or {@code null} while none was added */
    final DispatchRoutes routes() {
        return routes;
    }

    /** @return the loop, made now if this is the first turn on a shared group; any thread */
    EventLoop loop() {
        EventLoop l = (EventLoop) LOOP.getAcquire(this);
        return l != null ? l : LazyParts.publish(LOOP, this, new EventLoop(self()));
    }

    /** @return the loop, or {@code null} if none is attached (no turn ran, or it went idle); any thread */
    EventLoop loopIfMade() {
        return (EventLoop) LOOP.getAcquire(this);
    }

    /**
     * Shared group, loop thread, at the end of a turn that leaves the controller idle (or terminated),
     * before it announces that: the loop and the session go, the loop's counters stay in
     * {@link #totals} (a new loop starts from them). So a controller that has handled events and is
     * idle again costs what a new one does, plus its totals; the next turn makes a new loop.
     *
     * @param l the loop, attached
     * @return the session it had, for {@link #reattachLoop} if the turn goes on after all
     */
    final LoopSession releaseLoop(EventLoop l) {
        EventLoop.Totals t = totals;
        if (t == null) {
            totals = t = new EventLoop.Totals();
        }
        l.saveTo(t);
        LoopController c = self();
        LoopSession s = c.session;
        c.session = null;
        c.queue.idle();
        LOOP.setVolatile(this, null); // publishes the totals to whoever makes the next loop, or reads stats
        return s;
    }

    /**
     * The turn that released its loop goes on after all (work came, and it took its idle flag back).
     *
     * @param l the loop
     * @param s the session it had
     */
    final void reattachLoop(EventLoop l, LoopSession s) {
        self().session = s;
        LOOP.setVolatile(this, l);
    }

    /**
     * The guard that refuses a result's blocking waits on this loop thread: made at the first request,
     * a benign race (the lambda's captured field is final).
     *
     * @return the guard
     */
    final java.util.function.BooleanSupplier onLoop() {
        java.util.function.BooleanSupplier g = onLoop;
        if (g == null) {
            onLoop = g = self()::inLoop;
        }
        return g;
    }

    /** @return the extras, made at the first call; any thread */
    ControllerExtras extras() {
        ControllerExtras x = (ControllerExtras) EXTRAS.getAcquire(this);
        return x != null ? x : LazyParts.publish(EXTRAS, this, new ControllerExtras());
    }

    /** @return the extras, or {@code null} if nothing needed them yet */
    ControllerExtras extrasIfMade() {
        return (ControllerExtras) EXTRAS.getAcquire(this);
    }

    /** @return the adapter manager, made (with the adapters' context) at the first call */
    DefaultAdapterManager adapterManager() {
        return extras().adapterManager(self());
    }

    /**
     * Calls a callback on every adapter (see {@link DefaultAdapterManager#each}); none if none was installed.
     *
     * @param callback the callback's name
     * @param call the call
     */
    void eachAdapter(String callback, java.util.function.Consumer<Adapter> call) {
        ControllerExtras x = extrasIfMade();
        if (x != null) {
            x.eachAdapter(callback, call);
        }
    }

    /** @return whether every adapter is idle (true without adapters) */
    final boolean adaptersIdle() {
        ControllerExtras x = extrasIfMade();
        DefaultAdapterManager m = x == null ? null : x.adaptersIfMade();
        return m == null || m.allIdle();
    }

    /**
     * Tells the adapters of a handler failure. Loop thread.
     *
     * @param s the failed event's session
     * @param error what the handler threw
     */
    void adapterException(LoopSession s, Throwable error) {
        ControllerExtras x = extrasIfMade();
        DefaultAdapterManager m = x == null ? null : x.adaptersIfMade();
        if (m != null) {
            m.exception(s, error);
        }
    }

    /** @return the listenings, made at the first call */
    final Listeners listeners() {
        Listeners ls = listeners;
        return ls != null ? ls : LazyParts.publish(LISTENERS, this, new Listeners(name));
    }

    /** @return whether someone listens now */
    boolean hasListeners() {
        Listeners ls = listeners;
        return ls != null && !ls.isEmpty();
    }

    /** @return the progress signal, made by the first waiter */
    ProgressSignal progress() {
        ProgressSignal p = (ProgressSignal) PROGRESS.getAcquire(this);
        return p != null ? p : LazyParts.publish(PROGRESS, this, new ProgressSignal());
    }

    /**
     * Wakes the waiters for progress, if any. Any thread; with nobody ever waiting, one volatile read.
     * A waiter makes the signal (a volatile write) before it checks its condition, and the loop
     * publishes its progress before it reads the field here: one of the two sees the other.
     */
    void signalProgress() {
        ProgressSignal p = (ProgressSignal) PROGRESS.getVolatile(this);
        if (p != null) {
            p.signal();
        }
    }

    /** @return the overflow gate, made at the first refused dispatch */
    OverflowGate overflowGate() {
        return extras().overflowGate(self());
    }

    /** Loop thread: room was made in a bounded queue; wakes the producers that BLOCK for it. */
    void signalSpace() {
        if (settings.bounded()) {
            signalSpaceWaiters();
        }
    }

    /** Wakes the producers waiting for room (BLOCK), if any waited ever. */
    void signalSpaceWaiters() {
        ControllerExtras x = extrasIfMade();
        OverflowGate g = x == null ? null : x.overflowIfMade();
        if (g != null) {
            g.space.signal();
        }
    }

    /** @return the shutdown sequence, made at the first shutdown call */
    ShutdownSequence shutdowns() {
        return extras().shutdowns(self());
    }

    /**
     * Adds a dispatch route (an adapter's, while NEW); the routes are made for the first.
     *
     * @param route the route
     */
    void addDispatchRoute(dev.eventdriven.adapter.DispatchRoute route) {
        routesForAdding().add(route);
    }

    /** @return the routes, made for the first route an adapter adds */
    final DispatchRoutes routesForAdding() {
        DispatchRoutes r = routes;
        return r != null ? r : LazyParts.publish(ROUTES, this, new DispatchRoutes());
    }

    /** @return the probe, made for the first observer or the first event timed for a recording */
    LoopProbe probe() {
        LoopProbe p = probe;
        return p != null ? p : LazyParts.publish(PROBE, this, new LoopProbe(name));
    }

    /** @return whether events are timed now (a recording runs, or an observer looks); any thread */
    boolean observed() {
        if (FlightRecordings.running) {
            return true;
        }
        LoopProbe p = probe;
        return p != null && p.active();
    }
}
