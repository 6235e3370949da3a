package dev.eventdriven.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A handler threw (the failure the error handler and the ERROR handlers also see). Loop thread. */
@Name(HandlerFailedEvent.NAME)
@Label("Handler Failed")
@Category({"EventDriven"})
@Description("A handler threw while handling an event")
@StackTrace(false)
public final class HandlerFailedEvent extends jdk.jfr.Event {

    /** The event type's name, for recording settings. */
    public static final String NAME = "dev.eventdriven.HandlerFailed";

    @Label("Controller")
    String controller;

    @Label("Event Id")
    String eventId;

    @Label("Handler")
    @Description("Which handler threw: an annotated method, a typed handler's registration site, a lambda's class")
    String handler;

    @Label("Exception")
    @Description("The class of what the handler threw")
    String exception;

    @Label("Message")
    String message;

    private HandlerFailedEvent() {
    }

    /**
     * Records a failure if the event type is enabled.
     *
     * @param controller the controller's name
     * @param eventId the event id
     * @param handler the handler's description
     * @param error what it threw
     */
    public static void emit(String controller, Object eventId, String handler, Throwable error) {
        HandlerFailedEvent e = new HandlerFailedEvent();
        if (e.isEnabled()) {
            e.controller = controller;
            e.eventId = Emission.text(eventId);
            e.handler = Emission.text(handler);
            e.exception = Emission.errorType(error);
            e.message = Emission.errorMessage(error);
            e.commit();
        }
    }
}
