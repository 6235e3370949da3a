package dev.eventdriven.pool.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Per-key ordering: events dispatched with the same key run one at a time, in dispatch order, while
 * different keys run in parallel.
 *
 * <p>A key has a lane while one of its events is outstanding. The first event of a lane (its
 * <em>head</em>) goes through the shared queue like any event; events dispatched while the lane
 * exists wait in the lane's backlog instead. When the worker that ran the head completes it, the next
 * backlog event becomes the head and is appended to the shared queue again (so a busy key waits its
 * turn behind other work instead of holding a worker); once the queue is closed it goes to that
 * worker's {@link WorkerFeed} slot instead, to be finished during a graceful shutdown. With no
 * backlog the lane ends. So at any moment a key has exactly one head: in the shared queue, in a
 * worker's slot, or running on a worker.
 *
 * <p>Deciding "new head or backlog" happens at dispatch under the key's bin lock of a
 * {@link ConcurrentHashMap} (a lock per hash bin, held for a few instructions, never a global lock),
 * so the order of two dispatches with the same key is the order of their lock acquisitions. The
 * decision cannot be made when a worker takes the event: two workers taking two events of one key
 * could reach the lane in the opposite order.
 */
final class OrderingLanes {

    /** One key's lane. The backlog is guarded by the map's bin lock for the key. */
    private static final class Lane {
        final ArrayDeque<PoolNode> backlog = new ArrayDeque<>(4);
        /** Ticket of the first backlog event, or MAX; read without the lock by awaitDrained. */
        volatile long backlogTicket = Long.MAX_VALUE;
        /** Ticket of the head if it came from the backlog, or MAX; read by awaitDrained. */
        volatile long headTicket = Long.MAX_VALUE;

        void refreshBacklogTicket() {
            PoolNode f = backlog.peekFirst();
            backlogTicket = f == null ? Long.MAX_VALUE : f.ticket;
        }
    }

    private final ConcurrentHashMap<Object, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicLong tickets = new AtomicLong();
    private final LongAdder backlogSize = new LongAdder();
    private final LongAdder requeued = new LongAdder();

    /**
     * Accepts an ordered event: as the head of a new lane (appended to the shared queue, under the
     * bin lock so that no later event of the key can overtake it) or into the backlog.
     *
     * @param n the node, with its key
     * @param queue the shared queue
     * @param capacity the pool's bound on queued events
     * @return an {@link MpmcNodeQueue} result
     */
    int offer(PoolNode n, MpmcNodeQueue queue, long capacity) {
        int[] result = {MpmcNodeQueue.OK};
        lanes.compute(n.key, (k, lane) -> {
            if (lane == null) {
                long room = capacity == MpmcNodeQueue.UNBOUNDED ? capacity : capacity - backlogSize.sum();
                result[0] = room <= 0 ? MpmcNodeQueue.FULL : queue.offer(n, room);
                return result[0] == MpmcNodeQueue.OK ? new Lane() : null;
            }
            // The close check under the bin lock orders this append against the drain of a forced
            // shutdown, which takes the same lock after the marker is in: either the drain sees
            // this event, or this check sees the marker.
            if (queue.isClosed()) {
                result[0] = MpmcNodeQueue.CLOSED;
            } else if (capacity != MpmcNodeQueue.UNBOUNDED && queue.size() + backlogSize.sum() >= capacity) {
                result[0] = MpmcNodeQueue.FULL;
            } else {
                n.ticket = tickets.incrementAndGet();
                lane.backlog.addLast(n);
                backlogSize.increment();
                if (lane.backlog.size() == 1) {
                    lane.refreshBacklogTicket();
                }
            }
            return lane;
        });
        return result[0];
    }

    /**
     * Worker loop thread: the head of {@code key}'s lane completed. The next backlog event becomes
     * the head: appended to the shared queue, or to {@code feed}'s slot once the queue is closed.
     * With no backlog the lane ends.
     *
     * @param key the key
     * @param queue the shared queue
     * @param feed the worker's feed
     */
    void release(Object key, MpmcNodeQueue queue, WorkerFeed feed) {
        lanes.computeIfPresent(key, (k, lane) -> {
            PoolNode next = lane.backlog.pollFirst();
            if (next == null) {
                return null;
            }
            backlogSize.decrement();
            // Published before the backlog forgets it: awaitDrained always finds it in the lane.
            lane.headTicket = next.ticket;
            lane.refreshBacklogTicket();
            // Unbounded: the event was accepted already; it only changes place.
            if (queue.offer(next, MpmcNodeQueue.UNBOUNDED) == MpmcNodeQueue.OK) {
                requeued.increment();
            } else {
                feed.slot(next);
            }
            return lane;
        });
    }

    /**
     * Ends a lane whose head was taken out of the shared queue (clean, forced shutdown) and hands its
     * backlog to {@code sink}, in order.
     *
     * @param key the key
     * @param sink receives the backlog
     */
    void remove(Object key, Consumer<PoolNode> sink) {
        lanes.computeIfPresent(key, (k, lane) -> {
            drainBacklog(lane, sink);
            return null;
        });
    }

    /**
     * Empties every backlog into {@code sink}; lanes whose head still runs stay (their worker ends
     * them), or are removed too when {@code removeLanes} (no worker runs any more).
     *
     * @param sink receives the events, each key's in order
     * @param removeLanes whether to remove the lanes as well
     */
    void drainAll(Consumer<PoolNode> sink, boolean removeLanes) {
        for (Object key : List.copyOf(lanes.keySet())) {
            lanes.computeIfPresent(key, (k, lane) -> {
                drainBacklog(lane, sink);
                return removeLanes ? null : lane;
            });
        }
    }

    private void drainBacklog(Lane lane, Consumer<PoolNode> sink) {
        PoolNode n;
        while ((n = lane.backlog.pollFirst()) != null) {
            backlogSize.decrement();
            sink.accept(n);
        }
        lane.refreshBacklogTicket();
    }

    /**
     * Whether a backlog holds an event with a ticket up to {@code ticket} (awaitDrained). A lane
     * present during the whole scan is seen; one created meanwhile holds only later events.
     *
     * @param ticket the snapshot
     * @return {@code true} if such an event waits
     */
    boolean holdsTicketUpTo(long ticket) {
        for (Lane lane : lanes.values()) {
            if (lane.backlogTicket <= ticket || lane.headTicket <= ticket) {
                return true;
            }
        }
        return false;
    }

    /** @return the last ticket handed out (events accepted into backlogs so far) */
    long lastTicket() {
        return tickets.get();
    }

    /** @return how many backlog events were appended to the shared queue as their lane's head */
    long requeued() {
        return requeued.sum();
    }

    /** @return events waiting in backlogs (a snapshot) */
    long backlogSize() {
        return backlogSize.sum();
    }
}
