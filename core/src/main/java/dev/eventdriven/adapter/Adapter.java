package dev.eventdriven.adapter;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.Session;
import java.util.List;
import java.util.Map;

/**
 * Plug-in behaviour for a controller or a pool (an {@link EventProcessor}): timers, child processes,
 * metrics. An adapter installed on a pool sees the pool: its callbacks get the pool, its
 * contributions (handlers, contexts, validators) apply to every worker, and {@code exception} hears
 * of every worker's failures. Every callback has a no-op
 * default. A callback that throws is logged and does not break the controller.
 *
 * <p>Order of callbacks: {@link #setup} when installed (build time) &rarr; {@link #running} before
 * the loop thread starts &rarr; {@link #run} after it started &rarr; ({@link #suspend},
 * {@link #resume}, {@link #exception})* &rarr; {@link #closing} when the shutdown is taken &rarr;
 * {@link #closed} when the loop has ended.
 *
 * <p><b>Installed while running.</b> An adapter whose {@link #dynamic()} says so may also be
 * installed into a running controller or pool ({@link AdapterManager#install}): it then gets
 * {@link #setup}, {@link #running} and {@link #run} at once, on the installing thread, and follows
 * the processor from there. It may be removed again ({@link AdapterManager#uninstall}), which calls
 * {@link #removed}. A {@code Timer} is dynamic.
 */
public interface Adapter {

    /**
     * The name the adapter is found by ({@link AdapterManager#get(String)}). Default: the simple class
     * name.
     *
     * @return the name
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Whether at most one adapter of this class may be installed in a controller.
     *
     * @return {@code true} if unique; default {@code false}
     */
    default boolean unique() {
        return false;
    }

    /**
     * Adapters to install first. Each is created through its public no-arg constructor unless one of
     * its type is installed already.
     *
     * @return the dependencies; default none
     */
    default List<Class<? extends Adapter>> dependencies() {
        return List.of();
    }

    /**
     * Whether the adapter may be installed into a running controller or pool, and removed from it.
     * Such an adapter must not rely on contributions that only a NEW processor takes (global context
     * and static entries are fixed once it runs).
     *
     * @return {@code true} if so; default {@code false}
     */
    default boolean dynamic() {
        return false;
    }

    /**
     * Removed from its processor by {@link AdapterManager#uninstall}: stop whatever it does for it.
     * Caller of {@code uninstall}; not called when the processor closes ({@link #closed} is).
     *
     * @param processor the controller or pool
     */
    default void removed(EventProcessor processor) {
    }

    /**
     * Installed: contribute handlers, global context and static entries. Called on the building
     * thread before the controller is returned.
     *
     * @param context what the adapter may extend
     */
    default void setup(AdapterContext context) {
    }

    /**
     * The loop thread is about to start. Caller of {@code run()}. Unlike the other callbacks, this one
     * may refuse the start by throwing: {@code run()} then throws that exception, the adapters after
     * this one are not called, and the controller or pool ends TERMINATED as one that never ran (its
     * queued events left for {@code clean()}; adapters get {@link #closed}).
     *
     * @param processor the controller or pool
     */
    default void running(EventProcessor processor) {
    }

    /**
     * The loop thread has started. Caller of {@code run()}.
     *
     * @param processor the controller or pool
     */
    default void run(EventProcessor processor) {
    }

    /**
     * The controller was suspended. Caller of {@code suspend()}.
     *
     * @param processor the controller or pool
     */
    default void suspend(EventProcessor processor) {
    }

    /**
     * The controller was resumed. Caller of {@code resume()}.
     *
     * @param processor the controller or pool
     */
    default void resume(EventProcessor processor) {
    }

    /**
     * A handler threw. Loop thread.
     *
     * @param session the session of the failed event
     * @param error what the handler threw
     */
    default void exception(Session session, Throwable error) {
    }

    /**
     * The shutdown has been taken (after the SHUTDOWN handlers, or at a forced stop): the loop is about
     * to end; events still queued are handed back right after. Loop thread.
     *
     * @param processor the controller or pool
     */
    default void closing(EventProcessor processor) {
    }

    /**
     * The loop has ended; the controller is about to become TERMINATED. Loop thread.
     *
     * @param processor the controller or pool
     */
    default void closed(EventProcessor processor) {
    }

    /**
     * Whether the adapter has no work in flight. {@code awaitIdle} and {@code awaitDrained} wait for
     * every adapter to be idle; an adapter that becomes idle calls {@link AdapterContext#signal()}.
     *
     * @return {@code true} by default
     */
    default boolean isIdle() {
        return true;
    }

    /**
     * A few live facts about the adapter for pictures and diagnostics (a timer's interval, a child
     * process's pid), in display order; shown by {@link dev.eventdriven.topology.Topology}. Any thread;
     * must not block.
     *
     * @return the facts; none by default
     */
    default Map<String, Object> describe() {
        return Map.of();
    }
}
