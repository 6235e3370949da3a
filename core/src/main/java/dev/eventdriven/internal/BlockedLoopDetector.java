package dev.eventdriven.internal;

import dev.eventdriven.jfr.BlockedLoopEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches running loops for a handler that runs past its controller's threshold (as Vert.x's
 * blocked-thread checker does) and reports it once per event: a WARN log with the loop thread's
 * stack trace, and the controller's {@code blocked} counter.
 *
 * <p>It costs the loop nothing per event: it samples what the loop maintains anyway, the count of
 * events taken (incremented as each event starts) and the parked flag. A loop that is not parked
 * and whose count has not moved for longer than the threshold is inside one event's handlers. One
 * daemon thread, {@code eventdriven-blocked-loop-detector}, serves every loop of the JVM; it is
 * started with the first loop that has a threshold and ends when none is left.
 */
final class BlockedLoopDetector implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockedLoopDetector.class);
    private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final BlockedLoopDetector INSTANCE = new BlockedLoopDetector();

    private final Set<LoopController> loops = ConcurrentHashMap.newKeySet();
    /** Shared executor groups whose running turns are sampled (their controllers are not in {@link #loops}). */
    private final Set<GroupExecutor> groups = ConcurrentHashMap.newKeySet();
    private Thread thread;

    private BlockedLoopDetector() {
    }

    static void watch(LoopController c) {
        ControllerExtras x = c.extras();
        if (x.watch == null) {
            x.watch = new Watch(); // before the set publishes it to the detector thread
        }
        INSTANCE.add(c);
    }

    static void watch(GroupExecutor g) {
        if (!INSTANCE.groups.contains(g)) {
            INSTANCE.addGroup(g);
        }
    }

    private synchronized void addGroup(GroupExecutor g) {
        groups.add(g);
        startOrWake();
    }

    static void unwatch(LoopController c) {
        INSTANCE.loops.remove(c);
    }

    private synchronized void add(LoopController c) {
        loops.add(c);
        startOrWake();
    }

    private void startOrWake() {
        if (thread == null) {
            Thread t = new Thread(this, "eventdriven-blocked-loop-detector");
            t.setDaemon(true);
            thread = t;
            t.start();
        } else {
            LockSupport.unpark(thread);
        }
    }

    private synchronized boolean stopIfIdle() {
        if (loops.isEmpty() && groups.isEmpty()) {
            thread = null;
            return true;
        }
        return false;
    }

    @Override
    public void run() {
        for (;;) {
            if (stopIfIdle()) {
                return;
            }
            long now = System.nanoTime();
            long period = Long.MAX_VALUE;
            for (LoopController c : loops) {
                if (c.state() == dev.eventdriven.ControllerState.TERMINATED) {
                    loops.remove(c); // its loop thread ended without a word (it unwatches itself first)
                    continue;
                }
                period = Math.min(period, c.settings.blockedThresholdNanos() / 4);
                check(c, now);
            }
            for (GroupExecutor g : groups) {
                if (g.isTerminated()) {
                    groups.remove(g);
                    continue;
                }
                period = Math.min(period, g.minThresholdNanos / 4);
                for (int i = 0; i < g.turns.length(); i++) {
                    LoopController c = g.turns.getAcquire(i);
                    if (c != null && c.settings.blockedThresholdNanos() > 0) {
                        ControllerExtras x = c.extras();
                        if (x.watch == null) {
                            x.watch = new Watch(); // the detector thread is the only writer
                        }
                        check(c, now);
                    }
                }
            }
            if (period == Long.MAX_VALUE) {
                continue; // nothing watched any more: stop (or see the loop that was just added)
            }
            LockSupport.parkNanos(this, Math.max(MIN_PERIOD_NANOS, period));
        }
    }

    private static void check(LoopController c, long now) {
        EventLoop loop = c.loopIfMade();
        Watch w = c.extras().watch;
        if (loop == null) {
            return; // no turn was ever handed in: no handler ran
        }
        long taken = loop.takenCount();
        long turn = loop.turnStart; // a racy read, as of the count: a new turn only resets the watch
        // Between two turns on a shared group (no loop thread) the controller runs no handler either.
        if (taken != w.taken || turn != w.turn || c.isParked() || c.loopThread == null) {
            w.taken = taken;
            w.turn = turn;
            w.since = now;
            return;
        }
        long ranNanos = now - w.since;
        if (ranNanos < c.settings.blockedThresholdNanos() || w.reported == taken) {
            return;
        }
        w.reported = taken;
        Thread t = c.loopThread;
        if (t == null || !t.isAlive()) {
            return;
        }
        LoopSession s = c.session; // a racy read, as of the event id itself
        Object eventId = s == null ? null : s.eventId();
        BlockedLoopTrace trace = new BlockedLoopTrace("the stack of " + t.getName() + " now");
        trace.setStackTrace(t.getStackTrace());
        BlockedLoopEvent.emit(c.name, eventId, t.getName(), ranNanos, c.settings.blockedThresholdNanos(), trace.getStackTrace());
        // Counted once the stack is taken and the event emitted: whoever sees the count (and then lets the
        // handler go) finds the report complete, with the blocked stack, not the loop's idle one.
        w.reports++; // the detector thread is the only writer
        LOG.warn("controller '{}': a handler of event {} has blocked the loop thread {} for {} ms (threshold {} ms);"
                        + " is it waiting for another controller, or for its own result?", c.name, eventId,
                t.getName(), TimeUnit.NANOSECONDS.toMillis(ranNanos),
                TimeUnit.NANOSECONDS.toMillis(c.settings.blockedThresholdNanos()), trace);
    }

    /** What the detector knows of one loop; written by the detector thread only. */
    static final class Watch {
        long taken = -1;
        long since;
        long reported = -1;
        long turn;
        /** Reports made; read by {@code stats()} on any thread. */
        volatile long reports;
    }

    /** Carries the blocked loop thread's stack trace into the log. */
    static final class BlockedLoopTrace extends Exception {
        private static final long serialVersionUID = 1L;

        BlockedLoopTrace(String message) {
            super(message, null, false, true);
        }
    }
}
