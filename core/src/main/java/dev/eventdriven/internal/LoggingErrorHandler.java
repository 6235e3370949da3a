package dev.eventdriven.internal;

import dev.eventdriven.ErrorHandler;
import dev.eventdriven.HandlerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link ErrorHandler}: one log event per failure, quieter when a caller handles it. */
public final class LoggingErrorHandler implements ErrorHandler {

    /** The one instance. */
    public static final LoggingErrorHandler INSTANCE = new LoggingErrorHandler();

    private static final Logger LOG = LoggerFactory.getLogger("dev.eventdriven.errors");

    private LoggingErrorHandler() {
    }

    @Override
    public void handle(HandlerFailure f) {
        if (f.observed()) {
            LOG.debug("controller '{}': {} of event {} threw; the caller observes the result", f.controller(),
                    f.handler(), f.eventId(), f.error());
        } else {
            LOG.error("controller '{}': {} of event {} threw", f.controller(), f.handler(), f.eventId(), f.error());
        }
    }

    @Override
    public String toString() {
        return "ErrorHandler.logging()";
    }
}
