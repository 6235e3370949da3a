package dev.eventdriven.timer.internal;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.timer.MissedTickPolicy;
import dev.eventdriven.timer.ScheduledAction;
import dev.eventdriven.timer.TimerScheduler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of one timer: at most one tick scheduled at a time, on a grid of slots
 * {@code lastSlot + k * interval}. Each tick computes the next slot from the slot it was due at (never
 * from the time the handlers finished), so the schedule does not drift.
 *
 * <p>All state is guarded by {@code this}. A tick holds the lock while it dispatches, so that once
 * {@code setTiming(null)}, a suspension ({@code follow()}) or {@code close()} returned, no tick of the old schedule is
 * dispatched any more. {@code dispatch} does not block unless the controller has a bounded queue with
 * the BLOCK policy; then the scheduler thread waits at most the controller's block timeout.
 */
public final class TickSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(TickSchedule.class);

    private final String timerName;
    private final Object eventId;
    private final MissedTickPolicy policy;
    private final TimerScheduler scheduler;
    /** The first tick's delay after the start, or -1 for one interval. */
    private final long firstDelayNanos;
    // guarded by this
    private EventProcessor controller;
    private Duration interval;
    private long intervalNanos;
    private boolean started;
    private boolean closed;
    private long lastSlot;
    private Tick currentTick;
    private ScheduledAction current;
    private volatile long ticks;
    private volatile long missed;

    /**
     * Creates a stopped schedule.
     *
     * @param timerName the timer's name, for logs
     * @param eventId the event id of the ticks
     * @param policy the missed-tick policy
     * @param scheduler the scheduler
     * @param interval the first interval, or {@code null}
     * @param firstDelayNanos the first tick's delay after the start, or -1 for one interval
     */
    public TickSchedule(String timerName, Object eventId, MissedTickPolicy policy, TimerScheduler scheduler,
            Duration interval, long firstDelayNanos) {
        this.firstDelayNanos = firstDelayNanos;
        this.timerName = timerName;
        this.eventId = eventId;
        this.policy = policy;
        this.scheduler = scheduler;
        this.interval = interval;
        this.intervalNanos = interval == null ? 0 : interval.toNanos();
    }

    /**
     * Binds the schedule to its controller (once).
     *
     * @param c the controller
     * @throws IllegalStateException if bound already
     */
    public synchronized void bind(EventProcessor c) {
        if (controller != null) {
            throw new IllegalStateException("timer '" + timerName + "' is installed in controller '"
                    + controller.name() + "' already; a timer serves one controller");
        }
        controller = c;
    }

    /** The controller's loop started: the first tick is due one interval from now. */
    public synchronized void start() {
        if (started || closed || controller == null) {
            return;
        }
        started = true;
        lastSlot = scheduler.nanoTime();
        if (interval != null && firstDelayNanos >= 0) {
            lastSlot += firstDelayNanos - intervalNanos; // the slot "before" the first, so the first is due then
        }
        if (interval != null && !controller.isSuspended()) {
            scheduleNext();
        }
    }

    /**
     * Changes the interval: the next tick comes one new interval after the last slot (the last tick,
     * or now if the timer was stopped); {@code null} stops the timer.
     *
     * @param newInterval the interval, already checked, or {@code null}
     */
    public synchronized void setTiming(Duration newInterval) {
        boolean wasStopped = interval == null;
        cancelCurrent();
        interval = newInterval;
        intervalNanos = newInterval == null ? 0 : newInterval.toNanos();
        if (newInterval == null || !started || closed) {
            return;
        }
        if (wasStopped) {
            lastSlot = scheduler.nanoTime();
        }
        if (!controller.isSuspended()) {
            scheduleNext();
        }
    }

    /**
     * The current interval.
     *
     * @return the interval, or {@code null} when stopped
     */
    public synchronized Duration timing() {
        return interval;
    }

    /**
     * The controller was suspended or resumed: follow its state. The state, not the callback, decides,
     * so that callbacks arriving late or out of order cannot leave a running controller without ticks:
     * the last callback sees the last state. While suspended no tick is scheduled; on resume the ticks
     * missed meanwhile are dropped and the grid is kept.
     */
    public synchronized void follow() {
        if (!started || closed || interval == null) {
            return;
        }
        if (controller.isSuspended()) {
            cancelCurrent();
            return;
        }
        if (current != null) {
            return;
        }
        long now = scheduler.nanoTime();
        if (policy == MissedTickPolicy.FIXED_DELAY) {
            lastSlot = now;
        } else {
            long passed = Math.max(0, now - lastSlot) / intervalNanos;
            lastSlot += passed * intervalNanos;
            // lastSlot was ticked (or is the start); the slots after it until now were missed.
            missed += passed;
        }
        scheduleNext();
    }

    /** The controller is closing: the timer stops for good. */
    public synchronized void close() {
        closed = true;
        cancelCurrent();
    }

    /**
     * Whether the timer has stopped for good (its controller closed).
     *
     * @return {@code true} once closed
     */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * The ticks dispatched so far.
     *
     * @return the count
     */
    public long ticks() {
        return ticks;
    }

    /**
     * The grid slots that passed without a tick of their own (missed-tick policy or suspension).
     *
     * @return the count
     */
    public long missedTicks() {
        return missed;
    }

    private void cancelCurrent() {
        if (current != null) {
            current.cancel();
        }
        current = null;
        currentTick = null;
    }

    private void scheduleNext() {
        Tick t = new Tick(lastSlot + intervalNanos);
        currentTick = t;
        // The lock is held: if the deadline has passed already, the tick waits for the assignment.
        current = scheduler.schedule(t.due, t);
    }

    /** Scheduler thread. */
    synchronized void onTick(Tick tick) {
        if (tick != currentTick) {
            return; // cancelled or replaced while it was on its way
        }
        currentTick = null;
        current = null;
        if (closed || interval == null) {
            return;
        }
        if (controller.isSuspended()) {
            // Dropped; the resume callback, which comes after the state change, schedules again.
            return;
        }
        long now = scheduler.nanoTime();
        long late = Math.max(0, now - tick.due);
        long passed = late / intervalNanos;
        boolean fire = true;
        switch (policy) {
            case CATCH_UP -> lastSlot = tick.due;
            case FIRE_ONCE -> {
                lastSlot = tick.due + passed * intervalNanos;
                missed += passed;
            }
            case SKIP -> {
                lastSlot = tick.due + passed * intervalNanos;
                fire = passed == 0;
                missed += fire ? 0 : passed + 1;
            }
            case FIXED_DELAY -> lastSlot = now;
            default -> throw new IllegalStateException("policy: " + policy);
        }
        if (fire && !dispatch()) {
            return;
        }
        scheduleNext();
    }

    private boolean dispatch() {
        try {
            controller.dispatch(eventId, interval);
            ticks++; // single writer: ticks are serialised by the lock
            return true;
        } catch (ControllerClosedException e) {
            LOG.debug("timer '{}' stops: controller '{}' is closed", timerName, controller.name());
            closed = true;
            return false;
        } catch (RejectedEventException e) {
            missed++;
            LOG.warn("timer '{}': controller '{}' refused a tick ({}); the timer goes on", timerName,
                    controller.name(), e.getMessage());
            return true;
        }
    }

    @Override
    public synchronized String toString() {
        return "Timer[" + timerName + ", " + eventId + ", every " + interval + ", " + policy
                + (closed ? ", closed" : current == null ? ", idle" : "") + "]";
    }

    /** One scheduled tick; identity tells a current tick from a stale one. */
    final class Tick implements Runnable {
        final long due;

        Tick(long due) {
            this.due = due;
        }

        @Override
        public void run() {
            onTick(this);
        }

        @Override
        public String toString() {
            return "tick of timer '" + timerName + "'";
        }
    }
}
