package dev.eventdriven.internal;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * An executor that one thread runs by hand (a test's, through the test kit), for a shared group whose
 * turns must run on that thread, one at a time, when the test says. A blocking wait of the library
 * (a Pending's {@code await}/{@code get}/{@code join}, {@code awaitDrained}, {@code awaitIdle},
 * {@code awaitTermination}, {@code shutdownNow}, {@code close}) called on the driving thread runs the
 * queued turns until its condition holds, instead of parking for work that only this thread would
 * run: a test may write {@code c.request("x").await(d)} as against a real controller.
 */
public abstract class DrivenExecutor implements Executor {

    private static final ThreadLocal<DrivenExecutor> DRIVER = new ThreadLocal<>();

    /** For subclasses. */
    protected DrivenExecutor() {
    }

    /**
     * Runs the next queued task on the calling thread.
     *
     * @return {@code false} if none was queued
     */
    public abstract boolean runNext();

    /**
     * Runs a turn on the driving thread. A turn may run inside another one's handler (a handler that
     * waits for another controller of the same driven group runs that controller's turns): the outer
     * turn's session and MDC are put back afterwards, so the outer handler goes on as it was.
     *
     * @param turn the turn
     */
    protected final void runTurn(Runnable turn) {
        LoopSession outer = LoopSession.boundToThread();
        java.util.Map<String, String> mdc = outer == null ? null : org.slf4j.MDC.getCopyOfContextMap();
        try {
            turn.run();
        } finally {
            if (outer != null) {
                LoopSession.rebind(outer);
                if (mdc != null) {
                    org.slf4j.MDC.setContextMap(mdc);
                }
            }
        }
    }

    /** Makes the calling thread this executor's driver: its blocking waits run the queued tasks. */
    protected final void bindToCurrentThread() {
        DRIVER.set(this);
    }

    /** The calling thread stops driving this executor. */
    protected final void unbindFromCurrentThread() {
        if (DRIVER.get() == this) {
            DRIVER.remove();
        }
    }

    /**
     * On a driving thread, runs queued tasks until the condition holds or none is left; elsewhere does
     * nothing (the caller then waits as usual).
     *
     * @param condition what the caller waits for
     */
    public static void pumpUntil(BooleanSupplier condition) {
        DrivenExecutor d = DRIVER.get();
        if (d == null) {
            return;
        }
        while (!condition.getAsBoolean() && d.runNext()) {
            // one task at a time, the condition checked after each
        }
    }
}
