package dev.eventdriven.pool.internal;

import dev.eventdriven.internal.CacheLinePadding;
import dev.eventdriven.internal.Envelope;
import dev.eventdriven.internal.EventSource;
import dev.eventdriven.internal.LoopController;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one worker's loop takes from the pool: first its slot (the next event of a key whose lane it
 * runs, during a graceful shutdown), then the shared queue. One feed per worker; {@link #poll} and
 * {@link #completed} run on that worker's loop thread only.
 *
 * <p>For {@code awaitDrained} an event is always visible in at least one place: the shared queue or
 * a backlog, the slot, or {@link #current}. Every move writes the new place before clearing the old
 * one, and the waiter reads the places in the order events flow through them.
 */
final class WorkerFeed extends CacheLinePadding implements EventSource {

    private static final VarHandle CURRENT;

    static {
        try {
            CURRENT = MethodHandles.lookup().findVarHandle(WorkerFeed.class, "current", PoolNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WorkerPool pool;
    /** The next event of a lane this worker runs; written by this worker only. */
    private volatile PoolNode slot;
    /**
     * The event this worker takes or runs now (or is about to take); {@code null} when none. Written
     * with release stores ({@link #current(PoolNode)}): a waiter that reads a newer place or a cleared
     * one sees what came before, and no write here needs to be ordered before a later read, so the
     * full fence of a volatile store (twice per event) is not paid.
     */
    private volatile PoolNode current;
    /** Set once this worker began its own graceful stop after the pool's queue ran dry. */
    private volatile boolean stopping;

    WorkerFeed(WorkerPool pool) {
        this.pool = pool;
    }

    @Override
    public Envelope poll(LoopController worker) {
        if (pool.forced()) {
            // A forced stop hands back what is still queued; taking more would only delay it.
            return null;
        }
        PoolNode s = slot;
        if (s != null) {
            current(s);
            slot = null;
            return s;
        }
        PoolNode n = pool.queue.poll(this);
        if (n != null) {
            pool.intake.tookFromQueue();
            return n;
        }
        if (pool.queue.isClosed() && !stopping) {
            // The poll above may predate the last appends before the marker: poll again now that
            // nothing can be appended any more, or several workers could all stop and strand them.
            n = pool.queue.poll(this);
            if (n != null) {
                pool.intake.tookFromQueue();
                return n;
            }
            // Graceful pool shutdown and nothing left for this worker: it stops itself, after
            // whatever was dispatched to it directly (its own queue comes before its SHUTDOWN).
            stopping = true;
            current(null);
            worker.shutdown();
            return null;
        }
        current(null);
        return null;
    }

    private void current(PoolNode n) {
        CURRENT.setRelease(this, n);
    }

    /** Called by the shared queue right before the CAS that takes {@code n} (which orders this write). */
    void claiming(PoolNode n) {
        current(n);
    }

    /**
     * Lane release: the worker's next event. Called under the key's bin lock.
     *
     * @param n the node
     */
    void slot(PoolNode n) {
        slot = n;
    }

    @Override
    public boolean isEmpty(LoopController worker) {
        if (pool.forced()) {
            return true;
        }
        boolean empty = slot == null && pool.queue.isEmpty() && !(pool.queue.isClosed() && !stopping);
        if (empty) {
            // The worker is about to park: awaitIdle waiters may now be satisfied.
            pool.progress.signal();
        }
        return empty;
    }

    @Override
    public void completed(LoopController worker, Envelope envelope) {
        PoolNode n = current;
        if (n != null && n.key != null) {
            pool.lanes.release(n.key, pool.queue, this);
            pool.intake.tookFromQueue();
        }
        current(null);
        pool.progress.signal();
    }

    /**
     * Takes the slot's event away (forced shutdown, once this worker no longer runs, or from its own
     * loop thread).
     *
     * @return the node or {@code null}
     */
    PoolNode takeSlot() {
        PoolNode s = slot;
        slot = null;
        return s;
    }

    /**
     * Whether this worker still holds or runs an event accepted by a snapshot (awaitDrained).
     *
     * @param position the shared queue snapshot
     * @param ticket the backlog snapshot
     * @return {@code true} if so
     */
    boolean holdsUpTo(long position, long ticket) {
        PoolNode s = slot;
        if (s != null && s.acceptedBy(position, ticket)) {
            return true;
        }
        PoolNode c = current;
        return c != null && c.acceptedBy(position, ticket);
    }

    /** @return whether the slot holds an event */
    boolean hasSlot() {
        return slot != null;
    }
}
