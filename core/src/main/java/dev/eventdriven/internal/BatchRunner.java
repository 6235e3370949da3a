package dev.eventdriven.internal;

import dev.eventdriven.Event;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.adapter.EventBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the batch envelopes of one loop ({@link EventBatch}): the batch hands its events to this sink
 * one after another, and each is handled at once as a queued envelope would be, through one reused
 * stand-in envelope that carries its id and value and the batch's dispatch time (its queue wait, when
 * the loop is observed). Once the loop must stop (error policy STOP, a forced shutdown), the sink says
 * so and the events the batch still hands over are kept for {@code shutdownNow()} instead of handled.
 * Loop thread only.
 */
final class BatchRunner implements EventBatch.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final EventLoop loop;
    private final Envelope stand = new Envelope(null, null, null);
    /** The batch envelope being run, or {@code null} between batches. */
    private Envelope batch;
    private int count;
    /** The events handed over after the loop had to stop, or {@code null} while it goes on. */
    private List<Event> rest;
    private boolean warned;

    BatchRunner(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Runs a batch envelope to its end.
     *
     * @param e the envelope, whose value is the batch
     * @return the number of events handled
     */
    int run(Envelope e) {
        EventBatch b = (EventBatch) e.value;
        batch = e;
        count = 0;
        try {
            b.drainTo(this);
        } catch (RuntimeException | LinkageError | AssertionError t) {
            // Not a handler's failure (those take the error path inside): the batch's own code threw.
            LOG.error("controller '{}': the event batch {} threw; the loop goes on", loop.controllerName(), b, t);
        } finally {
            batch = null;
            stand.clear();
            List<Event> r = rest;
            if (r != null) {
                rest = null;
                loop.handBack(r);
            }
        }
        return count;
    }

    @Override
    public boolean accept(Object eventId, Object value) {
        Envelope b = batch;
        if (b == null) {
            throw new IllegalStateException("controller '" + loop.controllerName()
                    + "': a batch's sink used after the batch");
        }
        if (eventId == null || eventId == SystemEvent.SHUTDOWN || eventId instanceof SystemEvent se && se.isHook()) {
            if (!warned) {
                warned = true; // once per loop: a batch that does it once does it for every event
                LOG.warn("controller '{}': an event batch handed over the event id {}, not an event; skipped"
                        + " (reported once)", loop.controllerName(), eventId);
            }
            return rest == null;
        }
        if (rest != null) {
            rest.add(new Event(eventId, value, Map.of(), List.of()));
            return false;
        }
        Envelope it = stand;
        it.id = eventId;
        it.value = value;
        it.extra = b.extra; // the batch's dispatch time, when timed
        count++;
        boolean goOn = loop.processBatched(it);
        it.id = null;
        it.value = null;
        if (!goOn) {
            rest = new ArrayList<>();
        }
        return goOn;
    }
}
