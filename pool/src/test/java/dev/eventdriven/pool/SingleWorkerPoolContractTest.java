package dev.eventdriven.pool;

import dev.eventdriven.EventProcessor;

/** The {@link EventProcessor} contract, run against a {@link ControllerPool} of one worker. */
class SingleWorkerPoolContractTest extends EventProcessorContract {

    @Override
    protected Spec spec(String name) {
        return new BuilderSpec(ControllerPool.builder(name).size(1));
    }
}
