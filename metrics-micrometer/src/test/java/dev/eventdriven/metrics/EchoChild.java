package dev.eventdriven.metrics;

import dev.eventdriven.Session;
import dev.eventdriven.mapping.On;

/** The handlers of the child process in {@link ChildProcessMetricsTest}. */
public class EchoChild {

    /** Creates the handlers (the child makes one per worker). */
    public EchoChild() {
    }

    /**
     * Echoes the value.
     *
     * @param s the session
     * @return the value
     */
    @On("echo")
    public Object echo(Session s) {
        return s.value();
    }
}
