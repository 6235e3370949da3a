package dev.eventdriven.internal;

import dev.eventdriven.ControllerState;
import dev.eventdriven.Event;
import dev.eventdriven.EventProcessor;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code close()} of controllers and pools: graceful, a bounded wait, then forced. */
public final class Closing {

    private static final Logger LOG = LoggerFactory.getLogger(Closing.class);

    private Closing() {
    }

    /**
     * Closes a processor.
     *
     * @param p the controller or pool
     * @param timeout how long to wait for the graceful shutdown
     */
    public static void close(EventProcessor p, Duration timeout) {
        ControllerState s = p.state();
        p.shutdown();
        if (s == ControllerState.NEW || s == ControllerState.TERMINATED || p.inLoop()) {
            return;
        }
        if (!p.awaitTermination(timeout)) {
            List<Event> back = p.shutdownNow();
            LOG.warn("'{}' did not shut down within {} of close(); forced it: {} events handed back", p.name(),
                    timeout, back.size());
        }
    }
}
