package dev.eventdriven.pool.internal;

import dev.eventdriven.ControllerState;
import dev.eventdriven.LoopThreadBlockingException;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.LoopController;
import java.time.Duration;

/**
 * The blocking waits of a pool. Each first waits for the pool's own condition on the pool's
 * {@link dev.eventdriven.internal.ProgressSignal} (workers signal it when they complete a pool event
 * and before they park), then for the same condition on every worker (their own queues and
 * adapters), all within one deadline. Never on a worker thread: a worker waiting for its own pool
 * could wait for itself.
 */
final class PoolWaits {

    private final WorkerPool pool;

    PoolWaits(WorkerPool pool) {
        this.pool = pool;
    }

    boolean awaitDrained(Duration timeout) {
        long deadline = System.nanoTime() + Checks.timeoutNanos(timeout);
        requireNotWorker("awaitDrained");
        // Snapshot: every event accepted before this call has a queue position or a backlog ticket
        // up to these.
        long position = pool.queue.accepted();
        long ticket = pool.lanes.lastTicket();
        boolean done = pool.progress.await(deadline - System.nanoTime(),
                () -> pool.state() == ControllerState.TERMINATED || drained(position, ticket),
                "awaitDrained of pool '" + pool.name + "'");
        return done && eachWorker(deadline, (w, left) -> w.awaitDrained(left));
    }

    /**
     * The reads follow the way events flow: queue, backlogs, every worker's claim, then each worker's
     * slot and current; every move writes the new place before it clears the old one, so no event is
     * missed.
     */
    private boolean drained(long position, long ticket) {
        if (pool.queue.taken() < position || pool.lanes.holdsTicketUpTo(ticket)) {
            return false;
        }
        for (WorkerFeed f : pool.feeds) {
            if (f.claimHoldsUpTo(position)) {
                return false;
            }
        }
        for (WorkerFeed f : pool.feeds) {
            if (f.holdsUpTo(position, ticket)) {
                return false;
            }
        }
        return true;
    }

    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + Checks.timeoutNanos(timeout);
        requireNotWorker("awaitIdle");
        boolean done = pool.progress.await(deadline - System.nanoTime(), pool::isIdle,
                "awaitIdle of pool '" + pool.name + "'");
        return done && eachWorker(deadline, (w, left) -> w.awaitIdle(left));
    }

    boolean awaitTermination(Duration timeout) {
        long deadline = System.nanoTime() + Checks.timeoutNanos(timeout);
        requireNotWorker("awaitTermination");
        return eachWorker(deadline, (w, left) -> w.awaitTermination(left))
                && pool.state() == ControllerState.TERMINATED;
    }

    private interface WorkerWait {
        boolean await(LoopController worker, Duration left);
    }

    private boolean eachWorker(long deadline, WorkerWait wait) {
        for (LoopController w : pool.workers) {
            if (!wait.await(w, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    private void requireNotWorker(String what) {
        if (pool.inLoop()) {
            throw new LoopThreadBlockingException(what + " called on a worker thread of pool '" + pool.name
                    + "': it would wait for itself");
        }
    }
}
