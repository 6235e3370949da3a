package dev.eventdriven.pool.internal;

import dev.eventdriven.internal.CacheLinePadding;
import dev.eventdriven.internal.Envelope;
import dev.eventdriven.internal.EventSource;
import dev.eventdriven.internal.LoopController;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one worker's loop takes from the pool: first its slot (the next event of a key whose lane it
 * runs, during a graceful shutdown), then what it claimed from the shared queue, then the shared
 * queue, and, with nothing there, what another worker claimed and has not started. One feed per
 * worker; {@link #poll} and {@link #completed} run on that worker's loop thread only.
 *
 * <p><b>Claims.</b> A poll of the shared queue may take a run of nodes with one CAS (see
 * {@link MpmcNodeQueue}); those after the first wait in {@link #claimed}, still linked through the
 * queue's next pointers up to {@link #claimLast}. Whoever takes one from there (this worker, an idle
 * worker, {@code clean}, a forced stop) CASes {@code claimed} forward, so each goes to exactly one,
 * and one slow event never holds the ones claimed after it while another worker is idle.
 *
 * <p>For {@code awaitDrained} an event is always visible in at least one place: the shared queue or
 * a backlog, a claim's {@link #floor}, the slot, or a {@link #current}. Every move writes the new
 * place before clearing the old one, and the waiter reads the places in the order events flow
 * through them (every feed's floor before any slot or current: a claimed event moves from one
 * worker's floor to another's current).
 */
final class WorkerFeed extends CacheLinePadding implements EventSource {

    private static final VarHandle CURRENT;
    private static final VarHandle CLAIMED;
    private static final VarHandle FLOOR;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            CURRENT = l.findVarHandle(WorkerFeed.class, "current", PoolNode.class);
            CLAIMED = l.findVarHandle(WorkerFeed.class, "claimed", PoolNode.class);
            FLOOR = l.findVarHandle(WorkerFeed.class, "floor", PoolNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WorkerPool pool;
    /**
     * How many workers share the queue, or 0 when claims are off (see
     * {@link MpmcNodeQueue#poll(WorkerFeed)}).
     */
    final int share;
    /** The next event of a lane this worker runs; written by this worker only. */
    private volatile PoolNode slot;
    /**
     * The event this worker takes or runs now (or is about to take); {@code null} when none. Written
     * with release stores ({@link #current(PoolNode)}): a waiter that reads a newer place or a cleared
     * one sees what came before, and no write here needs to be ordered before a later read, so the
     * full fence of a volatile store (twice per event) is not paid.
     */
    private volatile PoolNode current;
    /** The first claimed event nobody took yet, or {@code null}; CASed forward by every taker. */
    private volatile PoolNode claimed;
    /**
     * The last event of the claim in {@link #claimed}. Written by this worker before it publishes a
     * claim; a taker reads it after {@code claimed}, so it sees this claim's value, or a later one
     * only once {@code claimed} has moved on (and its CAS fails).
     */
    private PoolNode claimLast;
    /**
     * The first event of this worker's latest claim of several, until a poll finds the claim all
     * taken: positions only grow along the queue, so it stands for every event of the claim for
     * {@code awaitDrained}, wherever they are. Release stores, as {@link #current}.
     */
    private volatile PoolNode floor;
    /** Set once this worker began its own graceful stop after the pool's queue ran dry. */
    private volatile boolean stopping;

    WorkerFeed(WorkerPool pool, int share) {
        this.pool = pool;
        this.share = share;
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
        PoolNode n = takeClaimed(this);
        if (n != null) {
            return n;
        }
        if (floor != null) {
            FLOOR.setRelease(this, null); // the claim is all taken: each of its events is done or a current
        }
        n = pool.queue.poll(this);
        if (n == null) {
            n = takeOthersClaims();
        }
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
            // Events other workers claimed are theirs to run.
            stopping = true;
            current(null);
            worker.shutdown();
            return null;
        }
        current(null);
        return null;
    }

    /** An idle worker takes an event another worker claimed and has not started. */
    private PoolNode takeOthersClaims() {
        for (WorkerFeed f : pool.feeds) {
            if (f != this) {
                PoolNode n = f.takeClaimed(this);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    /**
     * Takes the next event of this feed's claim. Any thread; takers race, each event goes to one.
     *
     * @param taker the feed whose current becomes the event before the CAS that takes it, or
     *     {@code null} (clean, a forced stop); after a lost race that ends in {@code null} its current
     *     names an event another worker took, until the rest of the taker's poll sets it again
     * @return the event, or {@code null} if the claim is all taken
     */
    PoolNode takeClaimed(WorkerFeed taker) {
        for (;;) {
            PoolNode x = claimed;
            if (x == null) {
                return null;
            }
            PoolNode rest = x == claimLast ? null : x.next();
            if (taker != null) {
                taker.current(x);
            }
            if (CLAIMED.compareAndSet(this, x, rest)) {
                return x;
            }
        }
    }

    /** @return how many claimed events wait here (a snapshot) */
    int claimedCount() {
        PoolNode x = claimed;
        PoolNode last = claimLast;
        int count = 0;
        while (x != null && count < MpmcNodeQueue.CLAIM_MAX) {
            count++;
            if (x == last) {
                break;
            }
            x = x.next();
        }
        return count;
    }

    private void current(PoolNode n) {
        CURRENT.setRelease(this, n);
    }

    /**
     * Called by the shared queue right before the CAS that takes {@code n} and, if {@code last} is
     * another node, claims the nodes up to it (the CAS orders these writes).
     */
    void claiming(PoolNode n, PoolNode last) {
        current(n);
        if (last != n) {
            FLOOR.setRelease(this, n);
        }
    }

    /**
     * Called by the shared queue after the CAS that claimed {@code first} to {@code last} (the nodes
     * after the one this worker runs first).
     */
    void claimed(PoolNode first, PoolNode last) {
        claimLast = last;
        CLAIMED.setRelease(this, first);
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
        boolean empty = slot == null && pool.queue.isEmpty() && !(pool.queue.isClosed() && !stopping)
                && !pool.anyClaimed();
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
        // Reads the slot before current: events move from the slot to current.
        PoolNode s = slot;
        if (s != null && s.acceptedBy(position, ticket)) {
            return true;
        }
        PoolNode c = current;
        return c != null && c.acceptedBy(position, ticket);
    }

    /**
     * Whether this worker's latest claim may still hold an event accepted by a snapshot
     * (awaitDrained; read for every feed before {@link #holdsUpTo}).
     *
     * @param position the shared queue snapshot
     * @return {@code true} if so
     */
    boolean claimHoldsUpTo(long position) {
        PoolNode f = floor;
        return f != null && f.position <= position;
    }

    /** @return whether the slot holds an event */
    boolean hasSlot() {
        return slot != null;
    }

    /** @return whether claimed events wait here */
    boolean hasClaimed() {
        return claimed != null;
    }
}
