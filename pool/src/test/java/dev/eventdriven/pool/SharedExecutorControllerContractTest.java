package dev.eventdriven.pool;

import dev.eventdriven.Controller;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.mapping.HandlerRegistry;

/** The {@link EventProcessor} contract, run against a {@link Controller} on a shared executor group. */
class SharedExecutorControllerContractTest extends SharedExecutorContract {

    @Override
    HandlerRegistry<?> builder(String name) {
        return Controller.builder(name);
    }
}
