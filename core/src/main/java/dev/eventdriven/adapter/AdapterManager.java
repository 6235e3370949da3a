package dev.eventdriven.adapter;

import java.util.List;
import java.util.Optional;

/** The adapters installed in a controller. Thread-safe. */
public interface AdapterManager {

    /**
     * Installs an adapter, its missing dependencies first. Only before {@code run()}.
     *
     * @param adapter the adapter
     * @throws IllegalArgumentException if it is unique and one of its class is installed, or a
     *     dependency cannot be created
     * @throws dev.eventdriven.IllegalControllerStateException if the controller is not NEW
     */
    void install(Adapter adapter);

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
