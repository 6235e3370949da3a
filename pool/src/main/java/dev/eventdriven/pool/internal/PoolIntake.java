package dev.eventdriven.pool.internal;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.LoopThreadBlockingException;
import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.Pending;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.jfr.OverflowEvent;
import dev.eventdriven.internal.GuardedFuture;
import dev.eventdriven.internal.Envelope;
import dev.eventdriven.internal.LoopController;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The dispatch path of a pool: accept a node (shared queue, or the key's lane), apply the overflow
 * policy, wake one parked worker. No lock is taken for an unordered event; an ordered one holds its
 * key's bin lock for the append. Any thread.
 *
 * <p>Wake-ups are coalesced: a worker's parked flag is read before it is CASed, so a busy pool costs
 * a few volatile reads per dispatch and no unpark; of several parked workers only one is woken per
 * event, the scan starting at a random worker so that wake-ups spread.
 */
final class PoolIntake {

    private final WorkerPool pool;
    private final long capacity;
    private final OverflowPolicy overflowPolicy;
    private final long blockTimeoutNanos;
    final LongAdder dropped = new LongAdder();
    final LongAdder rejected = new LongAdder();

    PoolIntake(WorkerPool pool, PoolSettings settings) {
        this.pool = pool;
        this.capacity = settings.queueCapacity();
        this.overflowPolicy = settings.overflowPolicy();
        this.blockTimeoutNanos = settings.blockTimeout().toNanos();
    }

    /**
     * Accepts an event or throws.
     *
     * @param n the node, not yet shared
     * @throws ControllerClosedException after shutdown
     * @throws RejectedEventException if full (FAIL, or BLOCK timed out)
     * @throws LoopThreadBlockingException if full under BLOCK on a worker thread
     */
    void enqueue(PoolNode n) {
        int r = offer(n);
        if (r != MpmcNodeQueue.OK && !overflowOrClosed(n, r)) {
            return;
        }
        wakeOne();
    }

    private int offer(PoolNode n) {
        if (n.key != null) {
            return pool.lanes.offer(n, pool.queue, capacity);
        }
        // Backlogged events count against the bound too; read once, so the bound is approximate
        // while ordered events are dispatched concurrently.
        long room = capacity == MpmcNodeQueue.UNBOUNDED ? capacity : capacity - pool.lanes.backlogSize();
        return room <= 0 ? MpmcNodeQueue.FULL : pool.queue.offer(n, room);
    }

    /** @return {@code true} if the event was accepted after all, {@code false} if dropped */
    private boolean overflowOrClosed(PoolNode n, int result) {
        Envelope e = n;
        if (result == MpmcNodeQueue.FULL) {
            switch (overflowPolicy) {
                case DROP_NEWEST -> {
                    dropped.increment();
                    OverflowEvent.emit(pool.name, e.id(), OverflowEvent.DROPPED, "queue full (DROP_NEWEST)", capacity);
                    GuardedFuture.Completion p = e.pending();
                    if (p != null) {
                        p.completeExceptionally(new RejectedEventException(full(e) + "; dropped (DROP_NEWEST)"));
                    }
                    return false;
                }
                case FAIL -> {
                    rejected.increment();
                    OverflowEvent.emit(pool.name, e.id(), OverflowEvent.REJECTED, "queue full (FAIL)", capacity);
                    throw new RejectedEventException(full(e) + " (overflow policy FAIL)");
                }
                case BLOCK -> result = blockForRoom(n);
                default -> throw new AssertionError(overflowPolicy);
            }
            if (result == MpmcNodeQueue.OK) {
                return true;
            }
        }
        rejected.increment();
        OverflowEvent.emit(pool.name, e.id(), OverflowEvent.REJECTED, "closed (" + pool.state() + ")", capacity);
        String reason = pool.closeReason;
        throw new ControllerClosedException("pool '" + pool.name + "' is " + pool.state()
                + ": event " + e.id() + " refused (" + (reason == null ? "dispatch after shutdown" : reason) + ")");
    }

    private String full(Envelope e) {
        return "pool '" + pool.name + "': queue full (capacity " + capacity + "), event " + e.id();
    }

    private int blockForRoom(PoolNode n) {
        if (pool.inLoop()) {
            rejected.increment();
            OverflowEvent.emit(pool.name, n.id(), OverflowEvent.REJECTED, "queue full, BLOCK on a worker thread",
                    capacity);
            throw new LoopThreadBlockingException(full(n)
                    + ": a worker thread cannot block waiting for room in its own pool");
        }
        int[] result = {MpmcNodeQueue.FULL};
        boolean done = pool.space.await(blockTimeoutNanos, () -> {
            result[0] = offer(n);
            return result[0] != MpmcNodeQueue.FULL;
        }, "dispatch to pool '" + pool.name + "' waiting for room");
        if (!done) {
            rejected.increment();
            OverflowEvent.emit(pool.name, n.id(), OverflowEvent.REJECTED, "queue full (BLOCK timed out)", capacity);
            throw new RejectedEventException(full(n) + ": no room within "
                    + Duration.ofNanos(blockTimeoutNanos) + " (overflow policy BLOCK)");
        }
        return result[0];
    }

    private void wakeOne() {
        LoopController[] ws = pool.workers;
        int n = ws.length;
        int start = n == 1 ? 0 : ThreadLocalRandom.current().nextInt(n);
        for (int i = 0; i < n; i++) {
            int k = start + i;
            if (ws[k >= n ? k - n : k].wakeIfParked()) {
                return;
            }
        }
    }

    /** Worker loop thread: an event left the shared queue or a backlog; a producer may wait for room. */
    void tookFromQueue() {
        if (capacity != MpmcNodeQueue.UNBOUNDED) {
            pool.space.signal();
        }
    }
}
