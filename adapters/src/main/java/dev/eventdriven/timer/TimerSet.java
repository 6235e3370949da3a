package dev.eventdriven.timer;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.timer.internal.Durations;
import dev.eventdriven.timer.internal.IndexedHeap;
import dev.eventdriven.timer.internal.Periodic;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many periodic timers of one controller (or pool) in one adapter, the cheap way to run thousands of
 * them: each timer is one small entry in the set's own deadline heap, and the set keeps a single
 * action on its {@link TimerScheduler}, for the earliest deadline. When it fires, every tick due is
 * dispatched straight into the controller's queue from the scheduler's thread, in deadline order,
 * and each entry moves to its next slot in place: no allocation and no scheduler lock per tick.
 *
 * <pre>
 *   TimerSet timers = TimerSet.create();
 *   Controller c = Controller.builder("poller").adapter(timers).on("poll", s -&gt; poll(s.value())).build();
 *   c.run();
 *   TimerSet.Entry e = timers.every("poll", Duration.ofMillis(10), Duration.ofMillis(3), "device-7");
 *   e.cancel();
 * </pre>
 *
 * <p><b>Schedule.</b> Fixed rate on a grid, first tick after the entry's first delay; a late tick is
 * sent once and the slots that passed are skipped (the {@link MissedTickPolicy#FIRE_ONCE} rule). The
 * value of a tick is the entry's value, or its interval if none was given.
 * <p><b>Lifecycle.</b> Entries may be added and cancelled at any time from any thread, before or
 * while the controller runs. They tick while it runs: no tick while it is suspended (the slots that
 * pass are dropped), and none after it shut down or after the set was uninstalled. A set serves one
 * controller. Once {@link Entry#cancel()} returns, that entry sends no more ticks.
 * <p><b>Bounded queues.</b> As for {@link Timer}: with {@code OverflowPolicy.BLOCK} a full queue holds
 * the scheduler's thread; a refused tick is counted in {@link #missedTicks()}.
 */
public final class TimerSet implements Adapter {

    private static final Logger LOG = LoggerFactory.getLogger(TimerSet.class);
    /** Ticks sent per scheduler action before it yields the scheduler's thread to other actions. */
    private static final int BATCH = 4096;

    private final String name;
    private final TimerScheduler scheduler;
    // guarded by this
    private final IndexedHeap<Periodic> heap = new IndexedHeap<>();
    private EventProcessor processor;
    private boolean started;
    private boolean closed;
    private ScheduledAction wake;
    private long wakeAt;
    private volatile long ticks;
    private volatile long missed;

    private TimerSet(String name, TimerScheduler scheduler) {
        this.name = name;
        this.scheduler = scheduler;
    }

    /**
     * A set on the shared scheduler, named {@code "TimerSet"}.
     *
     * @return the set, to install in a controller
     */
    public static TimerSet create() {
        return create("TimerSet", TimerScheduler.shared());
    }

    /**
     * A set with a name (the adapter's) on a scheduler (a {@link VirtualTimeScheduler} in tests).
     *
     * @param name the name, not blank
     * @param scheduler the scheduler
     * @return the set
     * @throws IllegalArgumentException if an argument is {@code null} or the name blank
     */
    public static TimerSet create(String name, TimerScheduler scheduler) {
        return new TimerSet(Checks.name(name), Checks.notNull("scheduler", scheduler));
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
            p.due = scheduler.nanoTime() + first;
            heap.add(p);
            if (started && !processor.isSuspended() && heap.peek() == p) {
                wakeAt(p.due);
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
     * The ticks dispatched so far, all timers of the set together.
     *
     * @return the count
     */
    public long ticks() {
        return ticks;
    }

    /**
     * The slots that passed without a tick: late ticks sent once, suspensions, refused ticks.
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
    }

    /** Starts the ticks: the first deadlines count from now. */
    @Override
    public synchronized void run(EventProcessor p) {
        if (started || closed) {
            return;
        }
        started = true;
        long now = scheduler.nanoTime();
        heap.forEach(e -> e.due = now + e.firstDelay);
        heap.rebuild();
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
            heap.forEach(e -> {
                if (e.due - now < 0) {
                    long passed = (now - e.due) / e.interval + 1;
                    e.due += passed * e.interval;
                    missed += passed;
                }
            });
            heap.rebuild();
            Periodic head = heap.peek();
            if (head != null) {
                wakeAt(head.due);
            }
        }
    }

    private void cancelWake() {
        if (wake != null) {
            wake.cancel();
            wake = null;
        }
    }

    private void wakeAt(long deadline) {
        if (wake != null) {
            if (wakeAt - deadline <= 0) {
                return; // it wakes earlier anyway
            }
            wake.cancel();
        }
        wakeAt = deadline;
        ScheduledAction[] self = new ScheduledAction[1];
        Runnable action = () -> fire(self[0]);
        // The lock is held: the action cannot run before self[0] is set.
        self[0] = scheduler.schedule(deadline, action);
        wake = self[0];
    }

    /** Scheduler thread: every tick due, in deadline order, then the next wake. */
    private synchronized void fire(ScheduledAction me) {
        if (wake != me) {
            return; // replaced or cancelled on its way
        }
        wake = null;
        if (closed || processor.isSuspended()) {
            return;
        }
        long now = scheduler.nanoTime();
        int sent = 0;
        Periodic head;
        while ((head = heap.peek()) != null && head.due - now <= 0) {
            if (sent == BATCH) {
                wakeAt(now); // yield the scheduler's thread, come back at once
                return;
            }
            Periodic e = head;
            if (!dispatch(e)) {
                return;
            }
            sent++;
            long passed = (now - e.due) / e.interval; // slots missed beyond this one
            missed += passed;
            e.due += (passed + 1) * e.interval;
            heap.siftDownHead();
        }
        if (head != null) {
            wakeAt(head.due);
        }
    }

    private boolean dispatch(Periodic e) {
        try {
            processor.dispatch(e.eventId, e.value);
            ticks++; // single writer: the lock
            return true;
        } catch (ControllerClosedException closing) {
            LOG.debug("timer set '{}' stops: '{}' is closed", name, processor.name());
            close();
            return false;
        } catch (RejectedEventException refused) {
            missed++;
            LOG.warn("timer set '{}': '{}' refused a tick of {} ({}); the timers go on", name, processor.name(),
                    e.eventId, refused.getMessage());
            return true;
        }
    }

    private synchronized boolean cancel(Periodic e) {
        boolean removed = heap.remove(e);
        if (removed && heap.size() == 0) {
            cancelWake();
        }
        return removed;
    }

    @Override
    public synchronized String toString() {
        return "TimerSet[" + name + ", " + heap.size() + " timers" + (closed ? ", closed" : "") + "]";
    }

    /** One timer of a {@link TimerSet}. */
    public final class Entry {
        private final Periodic p;

        private Entry(Periodic p) {
            this.p = p;
        }

        /**
         * Removes the timer from its set; once this returns it sends no more ticks. Any thread.
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
