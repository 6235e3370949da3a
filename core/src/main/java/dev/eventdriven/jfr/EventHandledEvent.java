package dev.eventdriven.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/**
 * An event a controller (or a pool's worker) has handled: its duration is the time its handlers took
 * (BEFORE and AFTER hooks included), {@code queueWait} the time from the dispatch to the start of the
 * handlers. Committed on the loop thread.
 *
 * <p>A duration event with a threshold of 10 ms by default, so a default recording holds only the slow
 * events; lower it to see them all. {@code queueWait} is {@code -1} for an event dispatched before
 * the recording (or an observer) started, whose dispatch time was not taken.
 *
 * <p>The library's loop times the event with {@link #begin()} and ends it with
 * {@link #finish(String, Object, long, boolean)}.
 */
@Name(EventHandledEvent.NAME)
@Label("Event Handled")
@Category({"EventDriven"})
@Description("An event taken by a controller's loop and handled; the duration is the handlers' time")
@Threshold("10 ms")
@StackTrace(false)
public final class EventHandledEvent extends jdk.jfr.Event {

    /** The event type's name, for recording settings. */
    public static final String NAME = "dev.eventdriven.EventHandled";

    @Label("Controller")
    @Description("The controller (or pool worker) whose loop handled the event")
    String controller;

    @Label("Event Id")
    String eventId;

    @Label("Queue Wait")
    @Description("From the dispatch to the start of the handlers; -1 when the dispatch was not timed")
    @Timespan(Timespan.NANOSECONDS)
    long queueWait;

    @Label("Failed")
    @Description("Whether a handler threw")
    boolean failed;

    /** Creates an event; call {@link #begin()} when the handlers start. */
    public EventHandledEvent() {
    }

    /**
     * Ends the timing and commits the event if the recording wants it (enabled, over its threshold):
     * the fields are only filled then, so an event under the threshold costs no string. Loop thread.
     *
     * @param controller the controller's name
     * @param eventId the event id (its {@code toString()} is recorded)
     * @param queueWaitNanos the time in the queue, or {@code -1} if unknown
     * @param failed whether a handler threw
     */
    public void finish(String controller, Object eventId, long queueWaitNanos, boolean failed) {
        end();
        if (shouldCommit()) {
            this.controller = controller;
            this.eventId = Emission.text(eventId);
            this.queueWait = queueWaitNanos;
            this.failed = failed;
            commit();
        }
    }
}
