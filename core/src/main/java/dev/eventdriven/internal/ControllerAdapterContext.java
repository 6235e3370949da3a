package dev.eventdriven.internal;

import dev.eventdriven.ControllerState;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.adapter.DispatchRoute;
import dev.eventdriven.adapter.EventBatch;
import dev.eventdriven.adapter.EventObserver;
import java.time.Duration;
import dev.eventdriven.mapping.MappingManager;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What adapters may extend of a controller or pool: contexts and routes only while it is NEW.
 * The owner says where each contribution goes (a pool spreads them over its workers).
 */
public final class ControllerAdapterContext implements AdapterContext {

    private final EventProcessor owner;
    private final MappingManager mapping;
    private final BiConsumer<String, Object> putGlobal;
    private final BiConsumer<String, Object> putStatic;
    private final Consumer<DispatchRoute> addRoute;
    private final Runnable signal;
    private final OverflowOptions overflow;
    private final Consumer<String> shutdown;
    private final Consumer<EventObserver> observers;
    private final Consumer<EventBatch> batches;

    /**
     * Creates the context of an owner.
     *
     * @param owner the controller or pool
     * @param mapping its mapping
     * @param putGlobal adds a global context entry
     * @param putStatic adds a static entry
     * @param addRoute adds a dispatch route
     * @param signal wakes its idle waiters
     * @param overflow its overflow options
     * @param shutdown shuts it down gracefully, naming the reason in later refusals
     */
    public ControllerAdapterContext(EventProcessor owner, MappingManager mapping, BiConsumer<String, Object> putGlobal,
                                    BiConsumer<String, Object> putStatic, Consumer<DispatchRoute> addRoute, Runnable signal,
                                    OverflowOptions overflow, Consumer<String> shutdown) {
        this(owner, mapping, putGlobal, putStatic, addRoute, signal, overflow, shutdown, null);
    }

    /**
     * Creates the context of an owner that times its events for observers.
     *
     * @param owner the controller or pool
     * @param mapping its mapping
     * @param putGlobal adds a global context entry
     * @param putStatic adds a static entry
     * @param addRoute adds a dispatch route
     * @param signal wakes its idle waiters
     * @param overflow its overflow options
     * @param shutdown shuts it down gracefully, naming the reason in later refusals
     * @param observers adds an event observer (to each of its loops), or {@code null} if it cannot
     */
    public ControllerAdapterContext(EventProcessor owner, MappingManager mapping, BiConsumer<String, Object> putGlobal,
                                    BiConsumer<String, Object> putStatic, Consumer<DispatchRoute> addRoute, Runnable signal,
                                    OverflowOptions overflow, Consumer<String> shutdown,
                                    Consumer<EventObserver> observers) {
        this(owner, mapping, putGlobal, putStatic, addRoute, signal, overflow, shutdown, observers, null);
    }

    /**
     * Creates the context of an owner that times its events and takes batches of events as one queue
     * entry (a controller).
     *
     * @param owner the controller or pool
     * @param mapping its mapping
     * @param putGlobal adds a global context entry
     * @param putStatic adds a static entry
     * @param addRoute adds a dispatch route
     * @param signal wakes its idle waiters
     * @param overflow its overflow options
     * @param shutdown shuts it down gracefully, naming the reason in later refusals
     * @param observers adds an event observer (to each of its loops), or {@code null} if it cannot
     * @param batches queues a batch of events, or {@code null} to dispatch a batch's events one by one
     */
    public ControllerAdapterContext(EventProcessor owner, MappingManager mapping, BiConsumer<String, Object> putGlobal,
                                    BiConsumer<String, Object> putStatic, Consumer<DispatchRoute> addRoute, Runnable signal,
                                    OverflowOptions overflow, Consumer<String> shutdown,
                                    Consumer<EventObserver> observers, Consumer<EventBatch> batches) {
        this.batches = batches;
        this.owner = owner;
        this.mapping = mapping;
        this.putGlobal = putGlobal;
        this.putStatic = putStatic;
        this.addRoute = addRoute;
        this.signal = signal;
        this.overflow = overflow;
        this.shutdown = shutdown;
        this.observers = observers;
    }

    @Override
    public EventProcessor processor() {
        return owner;
    }

    @Override
    public MappingManager mapping() {
        return mapping;
    }

    @Override
    public void putGlobal(String key, Object value) {
        requireNew("putGlobal");
        putGlobal.accept(Checks.key(key), value);
    }

    @Override
    public void putStatic(String key, Object value) {
        requireNew("putStatic");
        putStatic.accept(Checks.key(key), value);
    }

    @Override
    public void signal() {
        signal.run();
    }

    @Override
    public void addDispatchRoute(DispatchRoute route) {
        requireNew("addDispatchRoute");
        addRoute.accept(Checks.notNull("route", route));
    }

    @Override
    public OverflowPolicy overflowPolicy() {
        return overflow.policy();
    }

    @Override
    public Duration blockTimeout() {
        return overflow.blockTimeout();
    }

    @Override
    public void shutdown(String reason) {
        Checks.name(reason);
        shutdown.accept(reason);
    }

    @Override
    public void addEventObserver(EventObserver observer) {
        if (observers == null) {
            AdapterContext.super.addEventObserver(observer);
        }
        requireNew("addEventObserver");
        observers.accept(Checks.notNull("observer", observer));
    }

    @Override
    public void dispatchBatch(EventBatch batch) {
        if (batches == null) {
            AdapterContext.super.dispatchBatch(batch);
        } else {
            batches.accept(Checks.notNull("batch", batch));
        }
    }

    private void requireNew(String what) {
        ControllerState s = owner.state();
        if (s != ControllerState.NEW) {
            throw new IllegalControllerStateException(what + " on '" + owner.name()
                    + "': contexts are fixed once it runs (state: " + s + ")", s);
        }
    }
}
