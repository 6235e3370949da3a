package dev.eventdriven;

import dev.eventdriven.internal.LoggingErrorHandler;

/**
 * What a controller or pool does with a handler's failure, besides failing the event's
 * {@link Pending} and dispatching ERROR (as the Disruptor's {@code ExceptionHandler}). Set it with
 * the builders' {@code errorHandler(…)}; the default, {@link #logging()}, logs each failure once.
 *
 * <p>Called on the loop thread of the failed event, before its Pending fails and before the ERROR
 * handlers run; it must not block. An error handler that throws is logged and does not break the
 * loop.
 */
@FunctionalInterface
public interface ErrorHandler {

    /**
     * Handles one failure.
     *
     * @param failure the event, the handler, what it threw, and whether a caller observes the result
     */
    void handle(HandlerFailure failure);

    /**
     * The default: logs once per failure through slf4j (logger {@code dev.eventdriven.errors}),
     * naming the controller, the event id and the handler, with the stack trace: at ERROR, or at
     * DEBUG when the failed result has a dependent stage or a waiter
     * ({@link HandlerFailure#observed()}), since the caller then handles it.
     *
     * @return the logging error handler
     */
    static ErrorHandler logging() {
        return LoggingErrorHandler.INSTANCE;
    }
}
