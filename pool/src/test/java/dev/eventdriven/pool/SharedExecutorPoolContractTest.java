package dev.eventdriven.pool;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.mapping.HandlerRegistry;

/**
 * The {@link EventProcessor} contract, run against a {@link ControllerPool} of three workers taking
 * turns on a shared executor group of two threads.
 */
class SharedExecutorPoolContractTest extends SharedExecutorContract {

    @Override
    HandlerRegistry<?> builder(String name) {
        return ControllerPool.builder(name).size(3);
    }
}
