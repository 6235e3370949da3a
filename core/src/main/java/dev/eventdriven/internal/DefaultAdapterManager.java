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
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Installs adapters (dependencies first), finds them, and calls their callbacks safely. */
public final class DefaultAdapterManager implements AdapterManager {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAdapterManager.class);

    private final EventProcessor controller;
    private final AdapterContext context;
    /**
     * Installation order; O(1) appends (a copy-on-write list made n installs O(n²)), safe iteration.
     * Made at the first install: most controllers of a large fleet have no adapter.
     */
    private volatile Queue<Adapter> adapters;
    private static final Queue<Adapter> NONE = new java.util.ArrayDeque<>(0);

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
    public void install(Adapter adapter) {
        Checks.notNull("adapter", adapter);
        List<Adapter> added = new ArrayList<>(1);
        synchronized (this) {
            ControllerState state = controller.state();
            boolean running = state == ControllerState.RUNNING || state == ControllerState.SUSPENDED;
            if (state != ControllerState.NEW && !(running && adapter.dynamic())) {
                throw new IllegalControllerStateException("install adapter " + adapter.name() + " into '"
                        + controller.name() + "': " + (running ? "it is not dynamic, and such adapters are installed"
                        + " before run()" : "adapters are installed before run() or, if dynamic, while it runs")
                        + " (state: " + state + ")", state);
            }
            install(adapter, new ArrayDeque<>(), running ? added : null);
        }
        // Installed into a running processor: the start callbacks now, outside the manager's lock.
        for (Adapter a : added) {
            a.running(controller);
            a.run(controller);
        }
    }

    @Override
    public boolean uninstall(Adapter adapter) {
        Checks.notNull("adapter", adapter);
        if (!adapter.dynamic()) {
            throw new IllegalArgumentException(Checks.message("adapter", adapter.name(),
                    "a dynamic adapter (this one stays until its processor closes)"));
        }
        boolean removed;
        synchronized (this) {
            removed = list().remove(adapter);
        }
        if (removed) {
            adapter.removed(controller);
        }
        return removed;
    }

    private void install(Adapter adapter, Deque<Class<?>> path, List<Adapter> added) {
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
                Adapter d = instantiate(dep, adapter);
                if (added != null && !d.dynamic()) {
                    throw new IllegalControllerStateException("install adapter " + adapter.name() + " into '"
                            + controller.name() + "': its dependency " + d.name() + " is not dynamic and the"
                            + " processor runs", controller.state());
                }
                install(d, path, added);
            }
        }
        path.pop();
        adapter.setup(context);
        if (adapters == null) {
            adapters = new ConcurrentLinkedQueue<>();
        }
        adapters.add(adapter);
        if (added != null) {
            added.add(adapter);
        }
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

    /** @return the adapters, or an empty queue before the first install (never modified) */
    private Queue<Adapter> list() {
        Queue<Adapter> q = adapters;
        return q != null ? q : NONE;
    }

    @Override
    public Optional<Adapter> get(String name) {
        return list().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    @Override
    public <T extends Adapter> Optional<T> get(Class<T> type) {
        return list().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public List<Adapter> all() {
        return List.copyOf(list());
    }

    /** @return whether every adapter is idle */
    public boolean allIdle() {
        for (Adapter a : list()) {
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
        for (Adapter a : list()) {
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
        for (Adapter a : list()) {
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
