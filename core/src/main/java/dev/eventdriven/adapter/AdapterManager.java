package dev.eventdriven.adapter;

import java.util.List;
import java.util.Optional;

/** The adapters installed in a controller. Thread-safe. */
public interface AdapterManager {

    /**
     * Installs an adapter, its missing dependencies first: before {@code run()}, or while the
     * processor runs (RUNNING or SUSPENDED) if the adapter and its dependencies are
     * {@linkplain Adapter#dynamic() dynamic}, in which case its {@code setup}, {@code running} and
     * {@code run} callbacks are called at once on this thread. O(1) for an adapter that is neither
     * unique nor has dependencies, so that many timers install in linear time. Any thread.
     *
     * @param adapter the adapter
     * @throws IllegalArgumentException if it is unique and one of its class is installed, or a
     *     dependency cannot be created
     * @throws dev.eventdriven.IllegalControllerStateException if the controller is not NEW and the
     *     adapter is not dynamic, or the controller is shutting down or terminated
     */
    void install(Adapter adapter);

    /**
     * Removes a {@linkplain Adapter#dynamic() dynamic} adapter installed in this processor and calls
     * its {@link Adapter#removed} callback. Any thread.
     *
     * @param adapter the adapter
     * @return {@code true} if it was installed here and is removed now
     * @throws IllegalArgumentException if the adapter is not dynamic
     */
    boolean uninstall(Adapter adapter);

    /**
     * Finds an installed adapter by name.
     *
     * @param name the name ({@link Adapter#name()})
     * @return the first adapter with that name
     */
    Optional<Adapter> get(String name);

    /**
     * Finds an installed adapter by type.
     *
     * @param type the type
     * @param <T> the type
     * @return the first adapter of that type
     */
    <T extends Adapter> Optional<T> get(Class<T> type);

    /**
     * The installed adapters in installation order.
     *
     * @return an unmodifiable list
     */
    List<Adapter> all();
}
