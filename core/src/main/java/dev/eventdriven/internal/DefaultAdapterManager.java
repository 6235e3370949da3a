package dev.eventdriven.internal;

import dev.eventdriven.ControllerState;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.Session;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.adapter.AdapterManager;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Installs adapters (dependencies first), finds them, and calls their callbacks safely. */
public final class DefaultAdapterManager implements AdapterManager {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAdapterManager.class);

    private final EventProcessor controller;
    private final AdapterContext context;
    private final List<Adapter> adapters = new CopyOnWriteArrayList<>();

    /**
     * Creates the adapter manager of a controller or pool.
     *
     * @param controller the owner
     * @param context what its adapters may extend
     */
    public DefaultAdapterManager(EventProcessor controller, AdapterContext context) {
        this.controller = controller;
        this.context = context;
    }

    @Override
    public synchronized void install(Adapter adapter) {
        Checks.notNull("adapter", adapter);
        ControllerState state = controller.state();
        if (state != ControllerState.NEW) {
            throw new IllegalControllerStateException("install adapter " + adapter.name() + " into '"
                    + controller.name() + "': adapters are installed before run() (state: " + state + ")", state);
        }
        install(adapter, new ArrayDeque<>());
    }

    private void install(Adapter adapter, Deque<Class<?>> path) {
        if (path.contains(adapter.getClass())) {
            throw new IllegalArgumentException(Checks.message("adapter dependencies", path,
                    "no cycle; " + adapter.getClass().getName() + " depends on itself"));
        }
        if (adapter.unique() && get(adapter.getClass()).isPresent()) {
            throw new IllegalArgumentException(Checks.message("adapter", adapter.name(),
                    "at most one " + adapter.getClass().getName() + " per controller (it is unique)"));
        }
        path.push(adapter.getClass());
        for (Class<? extends Adapter> dep : adapter.dependencies()) {
            if (get(dep).isEmpty()) {
                install(instantiate(dep, adapter), path);
            }
        }
        path.pop();
        adapter.setup(context);
        adapters.add(adapter);
    }

    private static Adapter instantiate(Class<? extends Adapter> type, Adapter dependent) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException(Checks.message("dependency of " + dependent.name(), type.getName(),
                    "an adapter class with a public no-arg constructor"), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("dependency " + type.getName() + " of " + dependent.name()
                    + " failed to construct: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public Optional<Adapter> get(String name) {
        return adapters.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    @Override
    public <T extends Adapter> Optional<T> get(Class<T> type) {
        return adapters.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public List<Adapter> all() {
        return List.copyOf(adapters);
    }

    /** @return whether every adapter is idle */
    public boolean allIdle() {
        for (Adapter a : adapters) {
            try {
                if (!a.isIdle()) {
                    return false;
                }
            } catch (RuntimeException e) {
                LOG.warn("adapter {} of '{}' threw in isIdle()", a.name(), controller.name(), e);
            }
        }
        return true;
    }

    /**
     * Calls a callback on every adapter, logging (not propagating) what one throws.
     *
     * @param callback the callback's name, for the log
     * @param call the call
     */
    public void each(String callback, Consumer<Adapter> call) {
        for (Adapter a : adapters) {
            try {
                call.accept(a);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                LOG.warn("adapter {} of '{}' threw in {}()", a.name(), controller.name(), callback, e);
            }
        }
    }

    /**
     * Calls every adapter's {@code running} callback; the first that throws refuses the start, and
     * its exception propagates (the adapters after it are not called).
     *
     * @param owner the controller or pool about to start
     * @throws RuntimeException what the refusing adapter threw
     */
    public void running(EventProcessor owner) {
        for (Adapter a : adapters) {
            try {
                a.running(owner);
            } catch (RuntimeException e) {
                LOG.warn("adapter {} refused the start of '{}': {}", a.name(), owner.name(), e.toString());
                throw e;
            }
        }
    }

    /**
     * Tells every adapter of a handler failure.
     *
     * @param session the failed event's session
     * @param error what the handler threw
     */
    public void exception(Session session, Throwable error) {
        each("exception", a -> a.exception(session, error));
    }
}
