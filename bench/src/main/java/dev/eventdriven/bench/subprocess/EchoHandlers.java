package dev.eventdriven.bench.subprocess;

import dev.eventdriven.mapping.On;

/** The W5 child's mapping: answers an event with its value. Public with a no-arg constructor. */
public final class EchoHandlers {

    /** Creates the handlers (one instance per child worker). */
    public EchoHandlers() {
    }

    /**
     * Echoes the value.
     *
     * @param value the value
     * @return the value
     */
    @On("echo")
    public Object echo(Object value) {
        return value;
    }
}
