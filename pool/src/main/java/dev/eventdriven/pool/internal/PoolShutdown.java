package dev.eventdriven.pool.internal;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.ControllerState;
import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.Event;
import dev.eventdriven.Pending;
import dev.eventdriven.internal.GuardedFuture;
import dev.eventdriven.internal.Envelope;
import dev.eventdriven.internal.LoopController;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a pool stops and hands events back.
 *
 * <p><b>Graceful:</b> close the shared queue (the marker is the linearization point, see
 * {@link MpmcNodeQueue}), resume suspended workers and wake the parked ones. Each worker keeps taking
 * until its slot is empty and the queue is dry up to the marker, then shuts itself down; its own
 * SHUTDOWN comes after anything dispatched to it directly. Ordered backlogs are finished by the
 * worker that runs each key.
 *
 * <p><b>Forced:</b> close the queue, tell the feeds to take nothing more, stop every worker (each
 * after its current handler) and only then, with no consumer left, hand back the slots, the queue up
 * to the marker and the backlogs. One thread collects at a time; a worker that calls it while
 * another thread collects only stops itself, so that the collector's wait for it cannot deadlock.
 */
final class PoolShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(PoolShutdown.class);

    private final WorkerPool pool;
    private final ReentrantLock collecting = new ReentrantLock();
    /** Events handed back by a stop that no caller received (error policy STOP). */
    private final List<Event> unclaimed = new ArrayList<>();

    PoolShutdown(WorkerPool pool) {
        this.pool = pool;
    }

    void graceful() {
        boolean wasNew;
        synchronized (pool.lifecycle) {
            ControllerState s = pool.state.get();
            if (!s.acceptsEvents()) {
                return;
            }
            wasNew = s == ControllerState.NEW;
            pool.state.set(ControllerState.SHUTTING_DOWN);
            pool.queue.close();
            if (!wasNew) {
                pool.resumeWorkers();
            }
        }
        if (wasNew) {
            // No loop runs: the workers terminate at once; queued events stay for clean().
            for (LoopController w : pool.workers) {
                w.shutdown();
            }
            pool.state();
            pool.wakeAll();
            return;
        }
        pool.wakeAll();
    }

    List<Event> forced() {
        LoopController self = pool.currentWorker();
        synchronized (pool.lifecycle) {
            if (pool.state.get().acceptsEvents()) {
                pool.state.set(ControllerState.SHUTTING_DOWN);
            }
            pool.queue.close();
            pool.markForced();
        }
        pool.wakeAll();
        if (self != null && !collecting.tryLock()) {
            return self.shutdownNow();
        }
        if (self == null) {
            collecting.lock();
        }
        try {
            List<Event> back = new ArrayList<>();
            for (LoopController w : pool.workers) {
                back.addAll(w.shutdownNow());
            }
            // Every worker has ended, or is the caller inside a handler: nobody else consumes now.
            drainStopped(back);
            synchronized (unclaimed) {
                back.addAll(unclaimed);
                unclaimed.clear();
            }
            pool.state();
            pool.progress.signal();
            return back;
        } finally {
            collecting.unlock();
        }
    }

    /** Worker loop thread: applies the pool's error policy after a handler threw. */
    void afterHandlerError(ErrorPolicy policy, Object eventId) {
        if (policy == ErrorPolicy.SHUTDOWN) {
            LOG.warn("pool '{}': error policy SHUTDOWN, shutting down after the failure of event {}", pool.name,
                    eventId);
            graceful();
        } else if (policy == ErrorPolicy.STOP) {
            LOG.warn("pool '{}': error policy STOP, stopping after the failure of event {}", pool.name, eventId);
            stopFromWorker();
        }
    }

    /** Worker loop thread: the error policy STOP. Keeps what is handed back for shutdownNow(). */
    private void stopFromWorker() {
        List<Event> back = forced();
        if (!back.isEmpty()) {
            LOG.info("pool '{}': {} events were not processed; shutdownNow() hands them back", pool.name,
                    back.size());
            synchronized (unclaimed) {
                unclaimed.addAll(back);
            }
        }
    }

    private void drainStopped(List<Event> back) {
        Function<Object, String> why = id -> "pool '" + pool.name + "' was stopped (shutdownNow) before event "
                + id + " ran; the event was handed back";
        for (WorkerFeed f : pool.feeds) {
            PoolNode s = f.takeSlot();
            if (s != null) {
                back.add(handBack(s, why));
            }
        }
        drainClaims(back, why);
        drainQueue(back, why);
        pool.lanes.drainAll(n -> back.add(handBack(n, why)), true);
    }

    List<Event> clean() {
        List<Event> back = new ArrayList<>();
        Function<Object, String> why = id -> "event " + id + " was removed from pool '" + pool.name
                + "' by clean() before it ran; the event was handed back";
        drainClaims(back, why);
        drainQueue(back, why);
        // Lanes whose head a worker runs stay: that worker ends them.
        pool.lanes.drainAll(n -> back.add(handBack(n, why)), false);
        pool.space.signal();
        pool.progress.signal();
        return back;
    }

    /**
     * Takes what the workers claimed and have not started (they were queued before anything still in
     * the queue), in the order they were accepted.
     */
    private void drainClaims(List<Event> back, Function<Object, String> why) {
        List<PoolNode> claimed = new ArrayList<>();
        for (WorkerFeed f : pool.feeds) {
            PoolNode n;
            while ((n = f.takeClaimed(null)) != null) {
                claimed.add(n);
            }
        }
        claimed.sort(Comparator.comparingLong(n -> n.position));
        for (PoolNode n : claimed) {
            handBackTaken(n, back, why);
        }
    }

    /** Takes the queue up to the marker. */
    private void drainQueue(List<Event> back, Function<Object, String> why) {
        PoolNode n;
        while ((n = pool.queue.poll()) != null) {
            handBackTaken(n, back, why);
        }
    }

    /** Hands back an event taken before it started; a key's backlog follows its head, keeping its order. */
    private void handBackTaken(PoolNode n, List<Event> back, Function<Object, String> why) {
        back.add(handBack(n, why));
        if (n.key != null) {
            pool.lanes.remove(n.key, x -> back.add(handBack(x, why)));
        }
    }

    private static Event handBack(PoolNode n, Function<Object, String> why) {
        Envelope e = n;
        GuardedFuture.Completion p = e.pending();
        if (p != null) {
            p.completeExceptionally(new ControllerClosedException(why.apply(e.id())));
        }
        return e.toEvent();
    }
}
