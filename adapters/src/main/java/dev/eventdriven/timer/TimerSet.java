package dev.eventdriven.timer;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.timer.internal.Durations;
import dev.eventdriven.timer.internal.Periodic;
import dev.eventdriven.timer.internal.PeriodicHeap;
import dev.eventdriven.timer.internal.TickBatch;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many periodic timers of one controller (or pool) in one adapter, the cheap way to run thousands of
 * them: each timer is one small entry in the set's own deadline heap, and the set keeps a single
 * action on its {@link TimerScheduler}, for its next wake-up. At a wake-up the scheduler's thread takes
 * every tick due from the heap, in deadline order, moves each entry to its next slot in place, and
 * hands the ticks to the controller as <em>one</em> queue entry ({@link AdapterContext#dispatchBatch});
 * the controller's loop then runs the ticks' handlers one after another, each tick an event of its own.
 *
 * <pre>
 *   scheduler thread, at a wake-up:  heap --take every tick due (&lt;= 1024)--&gt; TickBatch --one queue entry--&gt;
 *   controller's loop:               for each tick: listeners, BEFORE, handlers of its id (or OTHER), AFTER
 *   next wake-up:                    max(next deadline, this wake-up + resolution)
 * </pre>
 *
 * <pre>
 *   TimerSet timers = TimerSet.create();
 *   Controller c = Controller.builder("poller").adapter(timers).on("poll", s -&gt; poll(s.value())).build();
 *   c.run();
 *   TimerSet.Entry e = timers.every("poll", Duration.ofMillis(10), Duration.ofMillis(3), "device-7");
 *   e.cancel();
 * </pre>
 *
 * <p><b>Cost.</b> Per tick: one heap step on the scheduler's thread and one handler call on the loop;
 * no allocation, no queue entry and no wake-up of its own. Per wake-up (at most one per
 * {@linkplain TimerSetBuilder#resolution resolution}, 1 ms by default): one scheduler action and one
 * queue entry, which wakes the loop if it sleeps (a few small objects; the batch's array is reused). On a pool, which
 * takes no batches, each tick is dispatched on its own, as before.
 * <p><b>Schedule.</b> Fixed rate on a grid, first tick after the entry's first delay; a late tick is
 * sent once and the slots that passed are skipped (the {@link MissedTickPolicy#FIRE_ONCE} rule). A tick
 * may be late by up to the resolution, never early. The value of a tick is the entry's value, or its
 * interval if none was given. Ticks reach the handlers in the order they were due (ticks due at the
 * same instant in no particular order).
 * <p><b>Events, hooks and counters.</b> Each tick is handled as an event of its own: through the
 * controller's mapping of the moment, with its BEFORE, AFTER and OTHER hooks, listeners and error
 * path; it counts as one handled event in the controller's stats, and event observers and the Flight
 * Recorder see one handled event per tick (its queue wait is its batch's). What counts once per batch
 * is the queue: a batch is one entry of a bounded queue and counts as one queued event until taken;
 * a suspension or graceful shutdown takes effect between batches (a batch once started runs to its
 * end); {@code shutdownNow()} and {@code clean()} hand back each tick of a queued batch as an event.
 * <p><b>Lifecycle.</b> Entries may be added and cancelled at any time from any thread, before or
 * while the controller runs. They tick while it runs: no tick while it is suspended (the slots that
 * pass are dropped; a batch queued before the suspension runs after it, as queued events do), and none
 * after it shut down or after the set was uninstalled. A set serves one controller. Once
 * {@link Entry#cancel()} returns, the entry is taken no more, and its ticks already taken but not yet
 * started on the loop are dropped (on the loop thread, from a handler, that is exact; from another
 * thread a tick whose handlers are starting that very moment still runs).
 * <p><b>Bounded queues.</b> As for {@link Timer}: with {@code OverflowPolicy.BLOCK} a full queue holds
 * the scheduler's thread (not the set: entries may still be added and cancelled meanwhile); a refused
 * batch counts each of its ticks in {@link #missedTicks()}.
 */
public final class TimerSet implements Adapter {

    /** The default {@linkplain TimerSetBuilder#resolution resolution}: 1 ms. */
    public static final Duration DEFAULT_RESOLUTION = Duration.ofMillis(1);

    private static final Logger LOG = LoggerFactory.getLogger(TimerSet.class);
    /** Ticks per batch (one queue entry); more due at once go in the next, right behind. */
    private static final int BATCH = 1024;

    private final String name;
    private final TimerScheduler scheduler;
    private final long resolution;
    /** A drained batch, to fill again (the loop gives it back, the scheduler's thread takes it). */
    private final AtomicReference<TickBatch> spare = new AtomicReference<>();
    // guarded by this
    private final PeriodicHeap heap = new PeriodicHeap();
    private EventProcessor processor;
    private AdapterContext context;
    private boolean started;
    private boolean closed;
    private Wake wake;
    private long wakeAt;
    private long lastWake;
    private volatile long ticks;
    private volatile long missed;

    TimerSet(String name, TimerScheduler scheduler, long resolutionNanos) {
        this.name = name;
        this.scheduler = scheduler;
        this.resolution = resolutionNanos;
    }

    /**
     * A set on the shared scheduler, named {@code "TimerSet"}, with the default resolution.
     *
     * @return the set, to install in a controller
     */
    public static TimerSet create() {
        return builder().build();
    }

    /**
     * A set with a name (the adapter's) on a scheduler (a {@link VirtualTimeScheduler} in tests), with
     * the default resolution.
     *
     * @param name the name, not blank
     * @param scheduler the scheduler
     * @return the set
     * @throws IllegalArgumentException if an argument is {@code null} or the name blank
     */
    public static TimerSet create(String name, TimerScheduler scheduler) {
        return builder().name(name).scheduler(scheduler).build();
    }

    /**
     * Starts building a set (name, scheduler, resolution).
     *
     * @return a builder
     */
    public static TimerSetBuilder builder() {
        return new TimerSetBuilder();
    }

    /**
     * Adds a timer sending {@code eventId} every {@code interval}, the first tick one interval from
     * now (or from {@code run()}, if the controller does not run yet), with the interval as value.
     * Any thread.
     *
     * @param eventId the ticks' event id
     * @param interval the interval, &gt; 0
     * @return the entry
     * @throws IllegalArgumentException if an argument is bad
     * @throws IllegalStateException if the set is closed
     */
    public Entry every(Object eventId, Duration interval) {
        return every(eventId, interval, interval, null);
    }

    /**
     * Adds a timer with a first delay (its phase) and a value. Any thread.
     *
     * @param eventId the ticks' event id
     * @param interval the interval, &gt; 0
     * @param firstDelay the delay of the first tick from now (or from {@code run()}), &gt;= 0
     * @param value the ticks' value, or {@code null} for the interval
     * @return the entry
     * @throws IllegalArgumentException if an argument is bad
     * @throws IllegalStateException if the set is closed
     */
    public Entry every(Object eventId, Duration interval, Duration firstDelay, Object value) {
        Object id = Checks.eventId(eventId);
        long iv = Durations.intervalNanos("interval", interval);
        long first = Durations.delayNanos("firstDelay", firstDelay);
        Periodic p = new Periodic(id, value != null ? value : interval, iv, first);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("timer set '" + name + "' is closed");
            }
            // Before the start, deadlines count from now and are moved to the start by run().
            long due = scheduler.nanoTime() + first;
            heap.add(p, due);
            if (started && !processor.isSuspended() && heap.peek() == p) {
                wakeAt(due - (lastWake + resolution) < 0 ? lastWake + resolution : due);
            }
        }
        return new Entry(p);
    }

    /**
     * The number of timers in the set.
     *
     * @return the count
     */
    public synchronized int size() {
        return heap.size();
    }

    /**
     * The resolution: the least time between two wake-ups ({@link TimerSetBuilder#resolution}).
     *
     * @return the resolution
     */
    public Duration resolution() {
        return Duration.ofNanos(resolution);
    }

    /**
     * The ticks dispatched so far (taken into a batch), all timers of the set together.
     *
     * @return the count
     */
    public long ticks() {
        return ticks;
    }

    /**
     * The slots that passed without a tick: late ticks sent once, suspensions, refused batches.
     *
     * @return the count
     */
    public long missedTicks() {
        return missed;
    }

    @Override
    public String name() {
        return name;
    }

    /** @return {@code true}: a set may be installed into a running controller and uninstalled */
    @Override
    public boolean dynamic() {
        return true;
    }

    @Override
    public synchronized void setup(AdapterContext context) {
        if (processor != null) {
            throw new IllegalStateException("timer set '" + name + "' is installed in '" + processor.name()
                    + "' already; a timer set serves one controller");
        }
        processor = context.processor();
        this.context = context;
    }

    /** Starts the ticks: the first deadlines count from now. */
    @Override
    public synchronized void run(EventProcessor p) {
        if (started || closed) {
            return;
        }
        started = true;
        long now = scheduler.nanoTime();
        lastWake = now - resolution;
        heap.reschedule((e, due) -> now + e.firstDelay);
        follow();
    }

    @Override
    public void suspend(EventProcessor p) {
        synchronized (this) {
            follow();
        }
    }

    @Override
    public void resume(EventProcessor p) {
        synchronized (this) {
            follow();
        }
    }

    @Override
    public synchronized void closing(EventProcessor p) {
        close();
    }

    @Override
    public synchronized void closed(EventProcessor p) {
        close();
    }

    @Override
    public synchronized void removed(EventProcessor p) {
        close();
    }

    private void close() {
        closed = true;
        cancelWake();
    }

    /** Guarded: follows the processor's state (the state decides, not the callback). */
    private void follow() {
        if (!started || closed) {
            return;
        }
        if (processor.isSuspended()) {
            cancelWake();
            return;
        }
        if (wake == null) {
            // Resumed: the slots that passed meanwhile are dropped; the grid is kept.
            long now = scheduler.nanoTime();
            long[] dropped = {0};
            heap.reschedule((e, due) -> {
                if (due - now >= 0) {
                    return due;
                }
                long passed = (now - due) / e.interval + 1;
                dropped[0] += passed;
                return due + passed * e.interval;
            });
            missed += dropped[0];
            if (heap.size() != 0) {
                wakeAt(heap.headDue());
            }
        }
    }

    private void cancelWake() {
        if (wake != null) {
            wake.handle.cancel();
            wake = null;
        }
    }

    private void wakeAt(long deadline) {
        if (wake != null) {
            if (wakeAt - deadline <= 0) {
                return; // it wakes earlier anyway
            }
            wake.handle.cancel();
        }
        // The wake-up is current before it is scheduled: fire() compares under this lock, which is held
        // until the handle is set, so an action that runs at once (a past deadline) finds itself current.
        Wake w = new Wake();
        wake = w;
        wakeAt = deadline;
        try {
            w.handle = scheduler.schedule(deadline, w);
        } catch (RuntimeException refused) {
            wake = null;
            throw refused;
        }
    }

    /** One scheduled wake-up of the set; identity tells the current one from a replaced one. */
    private final class Wake implements Runnable {
        ScheduledAction handle;

        @Override
        public void run() {
            fire(this);
        }

        @Override
        public String toString() {
            return "wake-up of timer set '" + name + "'";
        }
    }

    /** Scheduler thread: takes the ticks due into a batch, arms the next wake, then hands the batch over. */
    private void fire(Wake me) {
        TickBatch batch;
        synchronized (this) {
            if (wake != me) {
                return; // replaced or cancelled on its way
            }
            wake = null;
            if (closed || processor.isSuspended()) {
                return;
            }
            long now = scheduler.nanoTime();
            lastWake = now;
            batch = take(now);
            if (heap.size() != 0) {
                // A full batch comes back at once (behind other actions); else at the next deadline,
                // but at most once per resolution.
                long head = heap.headDue();
                wakeAt(batch.size() == BATCH ? now : head - (now + resolution) < 0 ? now + resolution : head);
            }
            if (batch.size() == 0) {
                return;
            }
            ticks += batch.size(); // single writer: the lock
        }
        // Outside the lock: a BLOCK on a full queue holds this thread, not the set, and the loop, which
        // takes the lock to report dropped ticks, is never held up by it.
        try {
            context.dispatchBatch(batch);
        } catch (ControllerClosedException closing) {
            LOG.debug("timer set '{}' stops: '{}' is closed", name, processor.name());
            synchronized (this) {
                close();
            }
        } catch (RejectedEventException refused) {
            synchronized (this) {
                ticks -= batch.size();
                missed += batch.size();
            }
            LOG.warn("timer set '{}': '{}' refused a batch of {} ticks ({}); the timers go on", name, processor.name(),
                    batch.size(), refused.getMessage());
        }
    }

    /** Guarded: the ticks due at {@code now}, each entry moved to its next slot. */
    private TickBatch take(long now) {
        TickBatch batch = TickBatch.take(Math.min(BATCH, Math.max(1, heap.size())), spare);
        long skipped = 0;
        while (!batch.isFull() && heap.size() != 0) {
            long due = heap.headDue();
            long late = now - due;
            if (late < 0) {
                break;
            }
            Periodic e = heap.peek();
            batch.add(e);
            long interval = e.interval;
            if (late < interval) {
                heap.moveHead(due + interval);
            } else {
                long passed = late / interval; // slots missed beyond this one
                skipped += passed;
                heap.moveHead(due + (passed + 1) * interval);
            }
        }
        missed += skipped; // once per batch: it is volatile
        return batch;
    }

    private synchronized boolean cancel(Periodic e) {
        e.cancelled = true;
        boolean removed = heap.remove(e);
        if (removed && heap.size() == 0) {
            cancelWake();
        }
        return removed;
    }

    @Override
    public synchronized String toString() {
        long now = scheduler.nanoTime();
        String next = closed ? ", closed" : wake == null ? ", no wake-up" : ", wakes in " + (wakeAt - now) + " ns";
        String head = heap.size() == 0 ? "" : ", next due in " + (heap.headDue() - now) + " ns";
        return "TimerSet[" + name + ", " + heap.size() + " timers" + next + head + "]";
    }

    /** One timer of a {@link TimerSet}. */
    public final class Entry {
        private final Periodic p;

        private Entry(Periodic p) {
            this.p = p;
        }

        /**
         * Removes the timer from its set; once this returns it is taken no more, and its ticks taken
         * already but not yet started on the loop are dropped. Any thread.
         *
         * @return {@code true} if it was in the set
         */
        public boolean cancel() {
            return TimerSet.this.cancel(p);
        }

        /**
         * The ticks' event id.
         *
         * @return the id
         */
        public Object eventId() {
            return p.eventId;
        }

        /**
         * The interval.
         *
         * @return the interval
         */
        public Duration interval() {
            return Duration.ofNanos(p.interval);
        }

        @Override
        public String toString() {
            return "TimerSet.Entry[" + p.eventId + ", every " + interval() + "]";
        }
    }
}
