package dev.eventdriven.pool;

import dev.eventdriven.Controller;
import dev.eventdriven.EventProcessor;

/** The {@link EventProcessor} contract, run against a {@link Controller}. */
class ControllerContractTest extends EventProcessorContract {

    @Override
    protected Spec spec(String name) {
        return new BuilderSpec(Controller.builder(name));
    }
}
