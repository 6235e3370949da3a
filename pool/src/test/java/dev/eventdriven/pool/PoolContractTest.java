package dev.eventdriven.pool;

import dev.eventdriven.EventProcessor;

/** The {@link EventProcessor} contract, run against a {@link ControllerPool} of three workers. */
class PoolContractTest extends EventProcessorContract {

    @Override
    protected Spec spec(String name) {
        return new BuilderSpec(ControllerPool.builder(name).size(3));
    }
}
