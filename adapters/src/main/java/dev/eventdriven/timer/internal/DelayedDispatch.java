package dev.eventdriven.timer.internal;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.RejectedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The action of {@code dispatchLater}: one dispatch from the scheduler's thread. */
public final class DelayedDispatch implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DelayedDispatch.class);

    private final Dispatcher dispatcher;
    private final Object eventId;
    private final Object value;

    /**
     * Creates the action.
     *
     * @param dispatcher where to dispatch
     * @param eventId the event id
     * @param value the value
     */
    public DelayedDispatch(Dispatcher dispatcher, Object eventId, Object value) {
        this.dispatcher = dispatcher;
        this.eventId = eventId;
        this.value = value;
    }

    @Override
    public void run() {
        try {
            dispatcher.dispatch(eventId, value);
        } catch (ControllerClosedException closed) {
            LOG.debug("delayed event {} dropped: '{}' is closed", eventId, dispatcher.name());
        } catch (RejectedEventException full) {
            LOG.warn("delayed event {} dropped: '{}' refused it ({})", eventId, dispatcher.name(), full.getMessage());
        }
    }

    @Override
    public String toString() {
        return "dispatchLater(" + dispatcher.name() + ", " + eventId + ")";
    }
}
