package dev.eventdriven.pool.internal;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.Session;
import dev.eventdriven.adapter.Adapter;

/**
 * Installed in every worker: tells the pool about handler errors (the pool's error policy) and
 * about the end of the worker's loop. Workers themselves always continue after an error, so that an
 * error in one worker never stops another unless the pool's policy says so.
 */
final class WorkerHooks implements Adapter {

    private final WorkerPool pool;

    WorkerHooks(WorkerPool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "pool-worker";
    }

    @Override
    public boolean unique() {
        return true;
    }

    @Override
    public void exception(Session session, Throwable error) {
        pool.workerFailed(session, error);
    }

    @Override
    public void closed(EventProcessor processor) {
        pool.workerClosed();
    }
}
