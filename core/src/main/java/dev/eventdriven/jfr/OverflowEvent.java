package dev.eventdriven.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A dispatch that was not queued: refused ({@code rejected}: a full queue under FAIL, a BLOCK that
 * timed out, a closed controller or pool) or dropped (DROP_NEWEST). Committed on the dispatching
 * thread, with its stack trace, so the recording shows who dispatched.
 */
@Name(OverflowEvent.NAME)
@Label("Dispatch Overflow")
@Category({"EventDriven"})
@Description("A dispatch refused or dropped by a controller or pool")
public final class OverflowEvent extends jdk.jfr.Event {

    /** The event type's name, for recording settings. */
    public static final String NAME = "dev.eventdriven.Overflow";

    /** The {@code action} of a refused dispatch (the dispatch threw). */
    public static final String REJECTED = "rejected";
    /** The {@code action} of a dropped dispatch (DROP_NEWEST; its Pending failed). */
    public static final String DROPPED = "dropped";

    @Label("Processor")
    @Description("The controller or pool that did not queue the event")
    String processor;

    @Label("Event Id")
    String eventId;

    @Label("Action")
    @Description("rejected or dropped")
    String action;

    @Label("Reason")
    String reason;

    @Label("Capacity")
    @Description("The queue's capacity, -1 when unbounded")
    long capacity;

    private OverflowEvent() {
    }

    /**
     * Records an overflow if the event type is enabled.
     *
     * @param processor the controller's or pool's name
     * @param eventId the event id
     * @param action {@link #REJECTED} or {@link #DROPPED}
     * @param reason why, e.g. "queue full (FAIL)" or "closed"
     * @param capacity the queue's capacity ({@link Integer#MAX_VALUE} or more is recorded as unbounded,
     *     {@code -1})
     */
    public static void emit(String processor, Object eventId, String action, String reason, long capacity) {
        OverflowEvent e = new OverflowEvent();
        if (e.isEnabled()) {
            e.processor = processor;
            e.eventId = Emission.text(eventId);
            e.action = action;
            e.reason = Emission.text(reason);
            e.capacity = capacity >= Integer.MAX_VALUE ? -1 : capacity;
            e.commit();
        }
    }
}
