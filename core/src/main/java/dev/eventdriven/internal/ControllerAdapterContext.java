package dev.eventdriven.internal;

import dev.eventdriven.ControllerState;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.adapter.DispatchValidator;
import dev.eventdriven.mapping.MappingManager;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What adapters may extend of a controller or pool: contexts and validators only while it is NEW.
 * The owner says where each contribution goes (a pool spreads them over its workers).
 */
public final class ControllerAdapterContext implements AdapterContext {

    private final EventProcessor owner;
    private final MappingManager mapping;
    private final BiConsumer<String, Object> putGlobal;
    private final BiConsumer<String, Object> putStatic;
    private final Consumer<DispatchValidator> addValidator;
    private final Runnable signal;

    /**
     * Creates the context of an owner.
     *
     * @param owner the controller or pool
     * @param mapping its mapping
     * @param putGlobal adds a global context entry
     * @param putStatic adds a static entry
     * @param addValidator adds a dispatch validator
     * @param signal wakes its idle waiters
     */
    public ControllerAdapterContext(EventProcessor owner, MappingManager mapping, BiConsumer<String, Object> putGlobal,
                                    BiConsumer<String, Object> putStatic, Consumer<DispatchValidator> addValidator,
                                    Runnable signal) {
        this.owner = owner;
        this.mapping = mapping;
        this.putGlobal = putGlobal;
        this.putStatic = putStatic;
        this.addValidator = addValidator;
        this.signal = signal;
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
    public void addDispatchValidator(DispatchValidator validator) {
        requireNew("addDispatchValidator");
        addValidator.accept(Checks.notNull("validator", validator));
    }

    private void requireNew(String what) {
        ControllerState s = owner.state();
        if (s != ControllerState.NEW) {
            throw new IllegalControllerStateException(what + " on '" + owner.name()
                    + "': contexts are fixed once it runs (state: " + s + ")", s);
        }
    }
}
