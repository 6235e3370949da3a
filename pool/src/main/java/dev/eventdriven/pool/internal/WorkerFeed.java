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
 * {@link MpmcNodeQueue}); those after the first wait here, still linked through the queue's next
 * pointers from {@link #claimFirst}. Their queue positions run on by one, so the claim is a range of
 * positions, and {@link #claimNext} names the next one to take. Whoever takes one (this worker, an
 * idle worker, {@code clean}, a forced stop) CASes {@code claimNext} forward, so each goes to exactly
 * one, and one slow event never holds the ones claimed after it while another worker is idle.
 *
 * <p>For {@code awaitDrained} an event is always visible in at least one place: the shared queue or
 * a backlog, a claim's {@link #floor}, the slot, or a {@link #current}. Every move writes the new
 * place before clearing the old one, and the waiter reads the places in the order events flow
 * through them (every feed's floor before any slot or current: a claimed event moves from one
 * worker's floor to another's current).
 *
 * <p><b>Numbers, not references.</b> What changes per event ({@link #current}, {@link #claimNext})
 * and per claim ({@link #floor}) is kept as queue positions and tickets: a reference to a young node
 * stored into this long-lived object pays a GC write barrier on every store (under G1 a StoreLoad
 * fence), and these stores are on every event's path. Only {@link #claimFirst} is a reference,
 * written once per claim. (W4, heaps pre-touched: the workers ran at 87% of the workload's bound
 * under G1 and at 93% under the Parallel collector, whose barrier has no fence; with numbers, at
 * 91–98% under G1.)
 */
final class WorkerFeed extends CacheLinePadding implements EventSource {

    private static final VarHandle CURRENT;
    private static final VarHandle CLAIM_NEXT;
    private static final VarHandle CLAIM_FIRST;
    private static final VarHandle FLOOR;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            CURRENT = l.findVarHandle(WorkerFeed.class, "current", long.class);
            CLAIM_NEXT = l.findVarHandle(WorkerFeed.class, "claimNext", long.class);
            CLAIM_FIRST = l.findVarHandle(WorkerFeed.class, "claimFirst", PoolNode.class);
            FLOOR = l.findVarHandle(WorkerFeed.class, "floor", long.class);
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
     * The event this worker takes or runs now (or is about to take), as its {@link PoolNode#mark()};
     * 0 when none. Written with release stores ({@link #current(long)}): a waiter that reads a newer
     * place or a cleared one sees what came before, and no write here needs to be ordered before a
     * later read, so the full fence of a volatile store (twice per event) is not paid.
     */
    private volatile long current;
    /** The position of the first claimed event nobody took yet, or 0; CASed forward by every taker. */
    private volatile long claimNext;
    /**
     * The first event of the latest claim, or {@code null} once this worker found it all taken;
     * written (with {@link #claimEnd}) by this worker before it publishes the claim in
     * {@link #claimNext}, and only once the claim before is all taken. A taker
     * that reads a newer claim's values than its {@code claimNext} finds its position outside them;
     * one whose CAS succeeds read this claim's, since {@code claimNext} never comes back to a position.
     */
    private PoolNode claimFirst;
    /** The position of the latest claim's last event (see {@link #claimFirst}). */
    private long claimEnd;
    /**
     * The position of the first event of this worker's latest claim of several, or 0 once a poll
     * finds the claim all taken: positions only grow along the queue, so it stands for every event of
     * the claim for {@code awaitDrained}, wherever they are. Release stores, as {@link #current}.
     */
    private volatile long floor;
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
            current(s.mark());
            slot = null;
            return s;
        }
        PoolNode n = takeClaimed(this);
        if (n != null) {
            return n;
        }
        if (floor != 0) {
            // The claim is all taken: each of its events is done or a current. Forget its nodes too,
            // or an idle pool would keep the values of up to a claim of handled events reachable.
            FLOOR.setRelease(this, 0L);
            CLAIM_FIRST.setRelease(this, null);
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
            current(0);
            worker.shutdown();
            return null;
        }
        current(0);
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
            long next = claimNext;
            if (next == 0) {
                return null;
            }
            PoolNode x = (PoolNode) CLAIM_FIRST.getAcquire(this);
            long end = claimEnd;
            if (x == null || next < x.position || next > end) {
                continue; // a newer claim's values, or none: claimNext has moved on meanwhile
            }
            for (long p = x.position; p < next; p++) {
                x = x.next();
            }
            if (taker != null) {
                taker.current(x.mark());
            }
            if (CLAIM_NEXT.compareAndSet(this, next, next == end ? 0L : next + 1)) {
                return x;
            }
        }
    }

    /** @return how many claimed events wait here (a snapshot) */
    int claimedCount() {
        long next = claimNext;
        return next == 0 ? 0 : (int) Math.max(0, claimEnd - next + 1);
    }

    private void current(long mark) {
        CURRENT.setRelease(this, mark);
    }

    /**
     * Called by the shared queue right before the CAS that takes {@code n} and, if {@code last} is
     * another node, claims the nodes up to it (the CAS orders these writes).
     */
    void claiming(PoolNode n, PoolNode last) {
        current(n.mark());
        if (last != n) {
            FLOOR.setRelease(this, n.position);
        }
    }

    /**
     * Called by the shared queue after the CAS that claimed {@code first} to {@code last} (the nodes
     * after the one this worker runs first, with consecutive positions).
     */
    void claimed(PoolNode first, PoolNode last) {
        CLAIM_FIRST.setRelease(this, first);
        claimEnd = last.position;
        CLAIM_NEXT.setRelease(this, first.position);
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
        PoolNode n = (PoolNode) envelope;
        if (n.key != null) {
            pool.lanes.release(n.key, pool.queue, this);
            pool.intake.tookFromQueue();
        }
        current(0);
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
        if (s != null && PoolNode.acceptedBy(s.mark(), position, ticket)) {
            return true;
        }
        return PoolNode.acceptedBy(current, position, ticket);
    }

    /**
     * Whether this worker's latest claim may still hold an event accepted by a snapshot
     * (awaitDrained; read for every feed before {@link #holdsUpTo}).
     *
     * @param position the shared queue snapshot
     * @return {@code true} if so
     */
    boolean claimHoldsUpTo(long position) {
        long f = floor;
        return f != 0 && f <= position;
    }

    /** @return whether the slot holds an event */
    boolean hasSlot() {
        return slot != null;
    }

    /** @return whether claimed events wait here */
    boolean hasClaimed() {
        return claimNext != 0;
    }
}
