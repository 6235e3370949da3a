package dev.eventdriven.timer;

import dev.eventdriven.internal.Checks;
import dev.eventdriven.timer.internal.IndexedHeap;
import dev.eventdriven.timer.internal.Durations;
import dev.eventdriven.timer.internal.ScheduledEntry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link TimerScheduler} on virtual time, for tests: nothing happens until the test moves the clock,
 * and then every action due runs synchronously on the test's thread, in deadline order. Give it to
 * the timers under test ({@link TimerBuilder#scheduler}) and tick counts become exact:
 * <pre>
 *   VirtualTimeScheduler time = new VirtualTimeScheduler();
 *   Timer timer = Timer.builder().interval(Duration.ofSeconds(1)).scheduler(time).build();
 *   Controller c = Controller.builder("c").adapter(timer).on(SystemEvent.TIMING, ...).build();
 *   c.run();
 *   time.advance(Duration.ofSeconds(10));   // exactly 10 TIMING events dispatched to c
 *   c.awaitDrained(Duration.ofSeconds(5));  // ... and handled
 * </pre>
 * <p>{@link #advance} runs each action with the clock set to its deadline, as a scheduler that is never
 * late would. To test what happens when a scheduler <em>is</em> late (a GC pause, a machine that
 * slept), {@link #jump} moves the clock without running anything, and {@link #runDue()} then runs what
 * is due at the new time.
 * <p><b>Threads.</b> {@code schedule} and {@code cancel} may be called from any thread; the methods
 * that move the clock from one thread at a time (usually the test's). Actions run on the thread that
 * moves the clock; an action must not move the clock itself.
 */
public final class VirtualTimeScheduler implements TimerScheduler {

    private final ReentrantLock lock = new ReentrantLock();
    private final long start;
    // guarded by lock
    private final IndexedHeap<ScheduledEntry> heap = new IndexedHeap<>();
    private long seq;
    private boolean closed;
    /** Volatile: {@link #nanoTime()} is read without the lock by actions and other threads. */
    private volatile long now;

    /** Creates a scheduler whose clock starts at 0. */
    public VirtualTimeScheduler() {
        this(0L);
    }

    /**
     * Creates a scheduler whose clock starts at a given value (e.g. near {@code Long.MAX_VALUE} to check
     * that code survives the wrap-around of {@code nanoTime}).
     *
     * @param startNanos the clock's first value
     */
    public VirtualTimeScheduler(long startNanos) {
        this.start = startNanos;
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /**
     * The virtual time elapsed since this scheduler was created.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return Duration.ofNanos(now - start);
    }

    /**
     * The number of actions scheduled and not yet run or cancelled.
     *
     * @return the count
     */
    public int scheduledCount() {
        lock.lock();
        try {
            return heap.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * How far the clock is from the earliest scheduled action: what {@link #advance} would move to
     * first. The test kit steps through time with it, running handlers at each deadline.
     *
     * @return the time to the next action ({@link Duration#ZERO} if one is due or late), or empty if
     *     nothing is scheduled
     */
    public Optional<Duration> timeToNext() {
        lock.lock();
        try {
            ScheduledEntry e = heap.peek();
            return e == null ? Optional.empty() : Optional.of(Duration.ofNanos(Math.max(0, e.deadline() - now)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ScheduledAction schedule(long deadlineNanos, Runnable action) {
        Checks.notNull("action", action);
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("virtual time scheduler is closed");
            }
            ScheduledEntry e = new ScheduledEntry(deadlineNanos, seq++, action, this::removeCancelled);
            heap.add(e);
            return e;
        } finally {
            lock.unlock();
        }
    }

    private void removeCancelled(ScheduledEntry e) {
        lock.lock();
        try {
            heap.remove(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the clock forward by {@code duration}, running every action due on the way, each with the
     * clock at its own deadline, in deadline order (scheduling order for equal deadlines). Actions
     * scheduled by those actions run too if they fall due before the end. The clock ends at the old
     * time plus {@code duration}.
     *
     * @param duration how far to move, &gt;= 0
     * @return the number of actions run
     * @throws IllegalArgumentException if the duration is null, negative or longer than 100 years
     */
    public int advance(Duration duration) {
        long target = now + Durations.delayNanos("duration", duration);
        int ran = 0;
        for (;;) {
            ScheduledEntry e;
            lock.lock();
            try {
                e = heap.peek();
                if (e == null || e.deadline() - target > 0) {
                    now = target;
                    return ran;
                }
                heap.poll();
                if (e.deadline() - now > 0) {
                    now = e.deadline();
                }
            } finally {
                lock.unlock();
            }
            if (e.fire()) {
                ran++;
            }
        }
    }

    /**
     * Moves the clock forward without running anything: what a scheduler thread that was held up sees.
     * Follow with {@link #runDue()} or {@link #advance}.
     *
     * @param duration how far to move, &gt;= 0
     * @throws IllegalArgumentException if the duration is null, negative or longer than 100 years
     */
    public void jump(Duration duration) {
        long nanos = Durations.delayNanos("duration", duration);
        lock.lock();
        try {
            now = now + nanos;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs every action due at the current time, late ones first, without moving the clock; actions
     * they schedule run too if already due.
     *
     * @return the number of actions run
     */
    public int runDue() {
        return advance(Duration.ZERO);
    }

    /** Cancels every scheduled action; later schedules are refused. */
    @Override
    public void close() {
        List<ScheduledEntry> dropped;
        lock.lock();
        try {
            closed = true;
            dropped = heap.clear();
        } finally {
            lock.unlock();
        }
        for (ScheduledEntry e : dropped) {
            e.cancel();
        }
    }

    @Override
    public String toString() {
        return "VirtualTimeScheduler[elapsed=" + elapsed() + "]";
    }
}
