package dev.eventdriven.internal;

import dev.eventdriven.adapter.Adapter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a {@link LoopController} needs only once something beyond dispatching and handling happened:
 * an adapter, a context entry, the mapping manager, a refused dispatch, a shutdown, a blocked-loop
 * watch. Made by the first such thing ({@link LoopController#extras()}), so that an idle controller
 * of a large fleet carries one {@code null} instead of these fields; each part is made when first
 * needed too.
 *
 * <p>Parts that any thread may ask for are published with a CAS (two racing makers agree on the
 * winner's); the context maps are made and filled by the building thread while the controller is NEW,
 * and published to the loop by its start, as the maps themselves always were.
 */
final class ControllerExtras {

    private static final VarHandle ADAPTERS;
    private static final VarHandle OVERFLOW;
    private static final VarHandle SHUTDOWNS;
    private static final VarHandle MAPPING;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            ADAPTERS = l.findVarHandle(ControllerExtras.class, "adapters", DefaultAdapterManager.class);
            OVERFLOW = l.findVarHandle(ControllerExtras.class, "overflow", OverflowGate.class);
            SHUTDOWNS = l.findVarHandle(ControllerExtras.class, "shutdowns", ShutdownSequence.class);
            MAPPING = l.findVarHandle(ControllerExtras.class, "mapping", CopyOnWriteMapping.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code null}: no adapter was ever installed (nor {@code adapters()} asked for). */
    @SuppressWarnings("unused") // written through ADAPTERS
    private volatile DefaultAdapterManager adapters;
    /** {@code null}: nobody asked for the mapping manager yet (the table is the controller's). */
    @SuppressWarnings("unused") // written through MAPPING
    private volatile CopyOnWriteMapping mapping;
    /** {@code null}: no queue refused a dispatch yet. */
    @SuppressWarnings("unused") // written through OVERFLOW
    private volatile OverflowGate overflow;
    /** {@code null}: no shutdown was called yet. */
    @SuppressWarnings("unused") // written through SHUTDOWNS
    private volatile ShutdownSequence shutdowns;
    /** Mutable while NEW, by the building thread only; {@code null} while empty. */
    private Map<String, Object> global;
    /** Mutable while NEW, by the building thread only; {@code null} while empty. */
    private Map<String, Object> statics;
    /** Set by {@code run()} before the loop starts (which publishes it), if not empty. */
    Map<String, Object> runtime = Map.of();
    /**
     * The blocked-loop detector's notes on the loop, made when the detector starts watching it;
     * written by the detector thread.
     */
    volatile BlockedLoopDetector.Watch watch;
    /** Why the controller was shut down, when an adapter said (named by later refusals). */
    volatile String closeReason;

    // ------------------------------------------------------------------ adapters

    /**
     * The adapter manager, made (with the adapters' context) at the first call.
     *
     * @param c the controller
     * @return the manager
     */
    DefaultAdapterManager adapterManager(LoopController c) {
        DefaultAdapterManager m = (DefaultAdapterManager) ADAPTERS.getAcquire(this);
        if (m != null) {
            return m;
        }
        LoopSettings s = c.settings;
        DefaultAdapterManager made = new DefaultAdapterManager(c, new ControllerAdapterContext(c, mapping(c),
                (k, v) -> global().put(k, v), (k, v) -> statics().put(k, v), c::addDispatchRoute,
                c::signalProgress, new OverflowOptions(s.overflowPolicy(), s.blockTimeout()), c::shutdown,
                c::addEventObserver, c::dispatchBatch));
        return LazyParts.publish(ADAPTERS, this, made);
    }

    /** @return the adapter manager, or {@code null} if none was made */
    DefaultAdapterManager adaptersIfMade() {
        return (DefaultAdapterManager) ADAPTERS.getAcquire(this);
    }

    /**
     * Calls a callback on every adapter, if any was installed.
     *
     * @param callback the callback's name
     * @param call the call
     */
    void eachAdapter(String callback, Consumer<Adapter> call) {
        DefaultAdapterManager m = adaptersIfMade();
        if (m != null) {
            m.each(callback, call);
        }
    }

    /**
     * The mapping manager, made at the first call.
     *
     * @param c the controller
     * @return the manager
     */
    CopyOnWriteMapping mapping(LoopController c) {
        CopyOnWriteMapping m = (CopyOnWriteMapping) MAPPING.getAcquire(this);
        return m != null ? m : LazyParts.publish(MAPPING, this, new CopyOnWriteMapping(c));
    }

    // ------------------------------------------------------------------ contexts

    /** @return the global context, made at the first call (building thread, while NEW) */
    Map<String, Object> global() {
        Map<String, Object> g = global;
        if (g == null) {
            global = g = new HashMap<>();
        }
        return g;
    }

    /** @return the static entries, made at the first call (building thread, while NEW) */
    Map<String, Object> statics() {
        Map<String, Object> m = statics;
        if (m == null) {
            statics = m = new HashMap<>();
        }
        return m;
    }

    /** @return the global context as the loop reads it (empty if none was set) */
    Map<String, Object> globalView() {
        Map<String, Object> g = global;
        return g == null ? Map.of() : g;
    }

    /** @return the static entries as the loop reads them (empty if none was set) */
    Map<String, Object> staticsView() {
        Map<String, Object> m = statics;
        return m == null ? Map.of() : m;
    }

    // ------------------------------------------------------------------ refusals, shutdown

    /**
     * The overflow gate, made at the first refused dispatch.
     *
     * @param c the controller
     * @return the gate
     */
    OverflowGate overflowGate(LoopController c) {
        OverflowGate g = (OverflowGate) OVERFLOW.getAcquire(this);
        return g != null ? g : LazyParts.publish(OVERFLOW, this, new OverflowGate(c));
    }

    /** @return the overflow gate, or {@code null} if no dispatch was refused yet */
    OverflowGate overflowIfMade() {
        return (OverflowGate) OVERFLOW.getAcquire(this);
    }

    /**
     * The shutdown sequence, made at the first shutdown call.
     *
     * @param c the controller
     * @return the sequence
     */
    ShutdownSequence shutdowns(LoopController c) {
        ShutdownSequence q = (ShutdownSequence) SHUTDOWNS.getAcquire(this);
        return q != null ? q : LazyParts.publish(SHUTDOWNS, this, new ShutdownSequence(c));
    }
}
