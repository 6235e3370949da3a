package dev.eventdriven.internal;

import dev.eventdriven.ExecutorGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The machinery of an {@code ExecutorGroup}: where the turns of its controllers run, and how many of
 * them are alive (a shut-down group ends its threads once the last one has terminated).
 *
 * <p>A turn is a controller's {@link EventLoop} handed to {@link #execute}: it runs at most one batch
 * of events and then either hands itself back (more work: it goes to the back of the line, which is
 * what makes the group fair) or marks its controller idle, after which the next dispatch hands it in
 * again. At most one turn of a controller is ever queued or running: the controller's idle flag is
 * taken with a CAS by whoever schedules it.
 */
public final class GroupExecutor {

    /** Set once by {@link ExecutorGroup}'s initialiser: the way from the public type to this one. */
    private static volatile Function<ExecutorGroup, GroupExecutor> access;

    private final String name;
    private final int size;
    private final Executor executor;
    /** The threads this group owns, or {@code null} for a group on the caller's executor. */
    private final ThreadPoolExecutor owned;
    private final AtomicInteger live = new AtomicInteger();
    /**
     * The controller whose turn each of the group's own threads runs now, or {@code null}: the
     * blocked-loop detector samples these slots instead of watching every controller of the group
     * (a million idle controllers cost it nothing). {@code null} for a group on the caller's
     * executor, whose threads are not known; its controllers are watched one by one.
     */
    final java.util.concurrent.atomic.AtomicReferenceArray<LoopController> turns;
    /** The smallest blocked-loop threshold of the controllers started on the group (guarded by lock). */
    volatile long minThresholdNanos = Long.MAX_VALUE;
    /** The slot of a thread of an owned group: which group, which index. */
    private static final ThreadLocal<Object[]> SLOT = new ThreadLocal<>();
    /** The threads made so far (at most {@code size}, or a few more if one died): joined at the end. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    // guarded by lock
    private boolean shutdown;

    /**
     * A group with threads of its own.
     *
     * @param name the group's name; its threads are {@code <name>-<n>}
     * @param size the number of threads
     * @param factory where the threads come from
     * @param daemon whether the threads are daemon threads
     */
    public GroupExecutor(String name, int size, ThreadFactory factory, boolean daemon) {
        this.name = name;
        this.size = size;
        AtomicInteger n = new AtomicInteger();
        this.turns = new java.util.concurrent.atomic.AtomicReferenceArray<>(size);
        ThreadFactory named = r -> {
            // A replacement thread (after one died) may share a slot: detection only, never ordering.
            Object[] slot = {this, n.get() % size};
            Thread t = factory.newThread(() -> {
                SLOT.set(slot);
                r.run();
            });
            if (t == null) {
                throw new RejectedExecutionException("executor group '" + name + "': the thread factory returned null");
            }
            t.setName(name + "-" + n.incrementAndGet());
            if (daemon && !t.isDaemon()) {
                t.setDaemon(true);
            }
            threads.add(t);
            return t;
        };
        this.owned = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), named);
        this.executor = owned;
    }

    /**
     * A group whose turns run on an executor the caller owns (and shuts down).
     *
     * @param name the group's name
     * @param executor runs each turn once, on any thread
     */
    public GroupExecutor(String name, Executor executor) {
        this.name = name;
        this.size = 0;
        this.owned = null;
        this.executor = executor;
        this.turns = null;
    }

    /**
     * Lets {@link ExecutorGroup} hand out its machinery to the library's modules (once).
     *
     * @param accessor from a group to its machinery
     */
    public static void access(Function<ExecutorGroup, GroupExecutor> accessor) {
        if (access == null) {
            access = accessor;
        }
    }

    /**
     * The machinery of a group.
     *
     * @param group the group (its class is initialised: it has an instance)
     * @return its machinery
     */
    public static GroupExecutor of(ExecutorGroup group) {
        return access.apply(group);
    }

    /** @return the group's name */
    public String name() {
        return name;
    }

    /** @return the number of threads, 0 for a group on the caller's executor */
    public int size() {
        return size;
    }

    /**
     * Hands a turn in. Any thread.
     *
     * @param turn the turn
     */
    void execute(Runnable turn) {
        executor.execute(turn);
    }

    /**
     * Whether a turn waits for one of the group's threads (a snapshot). For a group on the caller's
     * executor, whose queue is not known: always {@code true}, so no turn waits for more work there.
     *
     * @return {@code true} if a turn is queued, or the queue is not the group's own
     */
    boolean turnsWaiting() {
        return owned == null || !owned.getQueue().isEmpty();
    }

    /**
     * A controller starts on this group.
     *
     * @param controller its name, for the refusal
     * @throws RejectedExecutionException if the group is shut down
     */
    void register(String controller, long blockedThresholdNanos) {
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("run controller '" + controller + "': executor group '" + name
                        + "' is shut down");
            }
            live.incrementAndGet();
            if (blockedThresholdNanos > 0 && blockedThresholdNanos < minThresholdNanos) {
                minThresholdNanos = blockedThresholdNanos;
            }
        }
    }

    /**
     * A turn of a controller starts on the calling thread.
     *
     * @param c the controller
     * @return the slot to clear at the turn's end, or -1 if this thread has none
     */
    int turnStarted(LoopController c) {
        if (turns == null) {
            return -1;
        }
        Object[] slot = SLOT.get();
        if (slot == null || slot[0] != this) {
            return -1;
        }
        int i = (Integer) slot[1];
        turns.setRelease(i, c);
        return i;
    }

    /**
     * The turn in a slot ended.
     *
     * @param slot what {@link #turnStarted} returned
     */
    void turnEnded(int slot) {
        if (slot >= 0) {
            turns.setRelease(slot, null);
        }
    }

    /** @return whether the blocked-loop detector can sample this group's turns (its own threads) */
    boolean watchesTurns() {
        return turns != null;
    }

    /** @return whether the group's own threads have ended (never for a group on the caller's executor) */
    boolean isTerminated() {
        return owned != null && owned.isTerminated();
    }

    /** A controller of this group has terminated (its last turn). */
    void deregister() {
        synchronized (lock) {
            if (live.decrementAndGet() == 0 && shutdown && owned != null) {
                owned.shutdown();
            }
        }
    }

    /** @return the number of controllers running on the group */
    public int liveControllers() {
        return live.get();
    }

    /** No new controller may start; the threads end once the running ones have terminated. */
    public void shutdown() {
        synchronized (lock) {
            shutdown = true;
            if (live.get() == 0 && owned != null) {
                owned.shutdown();
            }
        }
    }

    /** @return whether {@link #shutdown()} was called */
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    /**
     * Waits until the group is shut down, its controllers have terminated and its threads have ended.
     *
     * @param timeout the most to wait
     * @return {@code true} if so
     * @throws InterruptedException if interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long nanos = Checks.timeoutNanos(timeout);
        if (owned != null) {
            long deadline = System.nanoTime() + nanos;
            if (!owned.awaitTermination(nanos, TimeUnit.NANOSECONDS)) {
                return false;
            }
            // The pool says terminated while its last thread is still on its way out: wait for the threads.
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(t, left);
                }
                if (t.isAlive()) {
                    return false;
                }
            }
            return true;
        }
        // The caller's executor is the caller's to end: wait for this group's controllers only.
        long deadline = System.nanoTime() + nanos;
        while (!(isShutdown() && live.get() == 0)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(1)));
        }
        return true;
    }
}
