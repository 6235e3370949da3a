package dev.eventdriven.internal;

import dev.eventdriven.EventHandler;
import dev.eventdriven.adapter.EventObserver;
import dev.eventdriven.jfr.EventHandledEvent;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one instrumentation point of a controller's loop, serving both the Flight Recorder
 * ({@link EventHandledEvent}) and the {@link EventObserver}s of adapters (metrics). Unobserved (no
 * observer, no recording running), a dispatch and an event each pay one flag read and one array
 * length read: no clock read, no allocation.
 *
 * <pre>
 *   dispatch: active()? stamp the envelope with nanoTime (into its extras)
 *   loop:     active()? observe(): t0, [JFR begin], runEvent, t1, [JFR finish], observers.handled(...)
 *                     : runEvent
 * </pre>
 */
final class LoopProbe {

    private static final Logger LOG = LoggerFactory.getLogger(LoopProbe.class);
    private static final EventObserver[] NONE = new EventObserver[0];

    static {
        FlightRecordings.watch();
    }

    private final String controller;
    /**
     * Set while NEW only (the loop thread's start publishes it to the loop); a dispatching thread that
     * reads it stale merely leaves one event untimed.
     */
    private EventObserver[] observers = NONE;
    private boolean warned;

    LoopProbe(String controller) {
        this.controller = controller;
    }

    /** @return whether events are timed now; any thread */
    boolean active() {
        return FlightRecordings.running || observers.length != 0;
    }

    /** Dispatching thread: stamps the envelope when observed. */
    void stamp(Envelope e) {
        if (active()) {
            e.stamp(System.nanoTime());
        }
    }

    synchronized void add(EventObserver observer) {
        EventObserver[] next = Arrays.copyOf(observers, observers.length + 1);
        next[observers.length] = observer;
        observers = next;
    }

    /** Loop thread: runs the event's handlers, timed. */
    void observe(EventLoop loop, Envelope e, Object handlerId, Object value, EventHandler[] hs, HandlerTable table,
                 GuardedFuture.Completion pending) {
        EventHandledEvent jfr = FlightRecordings.running ? new EventHandledEvent() : null;
        long failedBefore = loop.failed;
        long start = System.nanoTime();
        if (jfr != null) {
            jfr.begin();
        }
        loop.runEvent(e, handlerId, value, hs, table, pending);
        long took = System.nanoTime() - start;
        boolean failed = loop.failed != failedBefore;
        long at = e.dispatchedAt();
        long wait = at == Envelope.NOT_STAMPED ? -1 : Math.max(0, start - at);
        if (jfr != null) {
            jfr.finish(controller, e.id, wait, failed);
        }
        for (EventObserver o : observers) {
            try {
                o.handled(controller, e.id, wait, took, failed);
            } catch (RuntimeException x) {
                if (!warned) {
                    warned = true; // once per loop: an observer that throws would flood the log
                    LOG.warn("controller '{}': the event observer {} threw (reported once)", controller, o, x);
                }
            }
        }
    }
}
