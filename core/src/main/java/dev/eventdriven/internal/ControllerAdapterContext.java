package dev.eventdriven.internal;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerState;
import dev.eventdriven.IllegalControllerStateException;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.adapter.DispatchValidator;
import dev.eventdriven.mapping.MappingManager;

/** What adapters may extend of a {@link LoopController}: contexts and validators only while it is NEW. */
final class ControllerAdapterContext implements AdapterContext {

    private final LoopController c;

    ControllerAdapterContext(LoopController controller) {
        this.c = controller;
    }

    @Override
    public Controller controller() {
        return c;
    }

    @Override
    public MappingManager mapping() {
        return c.mapping;
    }

    @Override
    public void putGlobal(String key, Object value) {
        requireNew("putGlobal");
        c.global.put(Checks.key(key), value);
    }

    @Override
    public void putStatic(String key, Object value) {
        requireNew("putStatic");
        c.statics.put(Checks.key(key), value);
    }

    @Override
    public void signal() {
        c.progress.signal();
    }

    @Override
    public void addDispatchValidator(DispatchValidator validator) {
        requireNew("addDispatchValidator");
        Checks.notNull("validator", validator);
        DispatchValidator[] next = java.util.Arrays.copyOf(c.validators, c.validators.length + 1);
        next[c.validators.length] = validator;
        c.validators = next;
    }

    private void requireNew(String what) {
        ControllerState s = c.state();
        if (s != ControllerState.NEW) {
            throw new IllegalControllerStateException(what + " on controller '" + c.name
                    + "': contexts are fixed once it runs (state: " + s + ")", s);
        }
    }
}
