package dev.eventdriven.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The blocked-loop detector found a handler running past its controller's
 * {@code blockedLoopThreshold} (once per event, as its WARN log). Committed on the detector thread; the
 * blocked thread's stack is in {@code stackTop} (its first frames) and in the log.
 */
@Name(BlockedLoopEvent.NAME)
@Label("Blocked Loop")
@Category({"EventDriven"})
@Description("A handler has run past the controller's blocked-loop threshold")
@StackTrace(false)
public final class BlockedLoopEvent extends jdk.jfr.Event {

    /** The event type's name, for recording settings. */
    public static final String NAME = "dev.eventdriven.BlockedLoop";

    /** How many frames of the blocked thread's stack {@code stackTop} keeps. */
    static final int FRAMES = 8;

    @Label("Controller")
    String controller;

    @Label("Event Id")
    String eventId;

    @Label("Loop Thread")
    @Description("The name of the blocked loop thread")
    String loopThread;

    @Label("Blocked For")
    @Timespan(Timespan.NANOSECONDS)
    long blockedFor;

    @Label("Threshold")
    @Timespan(Timespan.NANOSECONDS)
    long threshold;

    @Label("Stack Top")
    @Description("The first frames of the blocked thread's stack, innermost first")
    String stackTop;

    private BlockedLoopEvent() {
    }

    /**
     * Records a blocked loop if the event type is enabled.
     *
     * @param controller the controller's name
     * @param eventId the event whose handler blocks
     * @param loopThread the loop thread's name
     * @param blockedNanos how long the handler has run
     * @param thresholdNanos the controller's threshold
     * @param stack the loop thread's stack, innermost first (may be empty)
     */
    public static void emit(String controller, Object eventId, String loopThread, long blockedNanos,
                            long thresholdNanos, StackTraceElement[] stack) {
        BlockedLoopEvent e = new BlockedLoopEvent();
        if (e.isEnabled()) {
            e.controller = controller;
            e.eventId = Emission.text(eventId);
            e.loopThread = loopThread;
            e.blockedFor = blockedNanos;
            e.threshold = thresholdNanos;
            StringBuilder top = new StringBuilder();
            for (int i = 0; stack != null && i < Math.min(FRAMES, stack.length); i++) {
                top.append(i == 0 ? "" : "\n").append(stack[i]);
            }
            e.stackTop = top.toString();
            e.commit();
        }
    }
}
