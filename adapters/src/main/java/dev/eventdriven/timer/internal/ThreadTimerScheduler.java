package dev.eventdriven.timer.internal;

import dev.eventdriven.internal.Checks;
import dev.eventdriven.timer.ScheduledAction;
import dev.eventdriven.timer.TimerScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time scheduler: a deadline heap under one lock and one thread that parks until the earliest
 * deadline. A schedule that becomes the new earliest deadline unparks the thread; a park that returns
 * early (an unpark meant for an older deadline, a spurious wake-up) only costs one more look at the
 * heap. The thread is started lazily and ends after {@code keepAliveNanos} with an empty heap, so a
 * scheduler nobody uses holds no thread.
 */
public final class ThreadTimerScheduler implements TimerScheduler, ScheduledEntry.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadTimerScheduler.class);
    /** Due entries taken per lock acquisition: bounds the time others wait for the lock. */
    private static final int BATCH = 256;

    private final String name;
    private final ThreadFactory threadFactory;
    private final long keepAliveNanos;
    private final boolean closable;
    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final IndexedHeap<ScheduledEntry> heap = new IndexedHeap<>();
    private Thread worker;
    /** Volatile too: the thread reads it between actions, outside the lock. */
    private volatile boolean closed;
    private long seq;

    /**
     * Creates a scheduler; its thread starts with the first schedule.
     *
     * @param name the thread's name
     * @param threadFactory the thread factory
     * @param keepAliveNanos how long the thread idles before it ends
     * @param closable {@code false} for the shared scheduler, whose {@code close()} does nothing
     */
    public ThreadTimerScheduler(String name, ThreadFactory threadFactory, long keepAliveNanos, boolean closable) {
        this.name = name;
        this.threadFactory = threadFactory;
        this.keepAliveNanos = keepAliveNanos;
        this.closable = closable;
    }

    /**
     * The shared scheduler, created on first use.
     *
     * @return the shared scheduler
     */
    public static TimerScheduler shared() {
        return SharedHolder.SHARED;
    }

    /**
     * The default thread factory: daemon platform threads, so that timers never keep a JVM alive.
     *
     * @param task the thread's task
     * @return a daemon thread
     */
    public static Thread daemonThread(Runnable task) {
        Thread t = new Thread(task);
        t.setDaemon(true);
        return t;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public ScheduledAction schedule(long deadlineNanos, Runnable action) {
        Checks.notNull("action", action);
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("timer scheduler '" + name + "' is closed");
            }
            ScheduledEntry e = new ScheduledEntry(deadlineNanos, seq++, action, this);
            heap.add(e);
            if (worker == null) {
                startWorker(e);
            } else if (heap.peek() == e) {
                // Only a new earliest deadline needs the thread: it parks until the old head otherwise.
                LockSupport.unpark(worker);
            }
            return e;
        } finally {
            lock.unlock();
        }
    }

    private void startWorker(ScheduledEntry first) {
        // The caller gets an exception instead of a handle: the entry must not run later behind its back.
        Thread t;
        try {
            t = threadFactory.newThread(this::work);
        } catch (RuntimeException e) {
            heap.remove(first);
            throw new RejectedExecutionException("timer scheduler '" + name + "': the thread factory threw", e);
        }
        if (t == null) {
            heap.remove(first);
            throw new RejectedExecutionException("timer scheduler '" + name + "': the thread factory returned null");
        }
        t.setName(name);
        try {
            t.start();
        } catch (IllegalThreadStateException e) {
            heap.remove(first);
            throw new RejectedExecutionException("timer scheduler '" + name + "': the factory's thread did not start",
                    e);
        }
        worker = t;
    }

    @Override
    public void removeCancelled(ScheduledEntry entry) {
        lock.lock();
        try {
            heap.remove(entry);
            // No unpark: the thread wakes for the old head, finds a later one and parks again.
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        List<ScheduledEntry> due = new ArrayList<>();
        long idleSince = System.nanoTime();
        for (;;) {
            long parkNanos;
            lock.lock();
            try {
                if (closed) {
                    exitWorker();
                    return;
                }
                long now = nanoTime();
                ScheduledEntry head = heap.peek();
                while (head != null && head.deadline - now <= 0 && due.size() < BATCH) {
                    due.add(heap.poll());
                    head = heap.peek();
                }
                if (!due.isEmpty()) {
                    parkNanos = 0;
                } else if (head != null) {
                    parkNanos = head.deadline - now;
                    idleSince = now;
                } else {
                    long idle = now - idleSince;
                    if (idle >= keepAliveNanos) {
                        exitWorker();
                        return;
                    }
                    parkNanos = keepAliveNanos - idle;
                }
            } finally {
                lock.unlock();
            }
            if (!due.isEmpty()) {
                // Outside the lock: actions schedule their next tick, and cancels must not wait on them.
                for (ScheduledEntry e : due) {
                    if (closed) {
                        e.cancelQuietly();
                    } else {
                        e.fire();
                    }
                }
                due.clear();
                idleSince = nanoTime();
            } else {
                // An action may leave the interrupt flag set; parkNanos would then return at once, forever.
                // Nobody interrupts this thread on purpose (close() unparks it), so the flag is dropped.
                Thread.interrupted();
                LockSupport.parkNanos(this, parkNanos);
            }
        }
    }

    private void exitWorker() {
        if (worker == Thread.currentThread()) {
            worker = null;
        }
        LOG.debug("timer scheduler '{}': thread ends", name);
    }

    @Override
    public void close() {
        if (!closable) {
            return;
        }
        List<ScheduledEntry> dropped;
        Thread t;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            dropped = heap.clear();
            t = worker;
        } finally {
            lock.unlock();
        }
        for (ScheduledEntry e : dropped) {
            e.cancelQuietly();
        }
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(t);
        boolean interrupted = false;
        try {
            while (t.isAlive()) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(1));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                LockSupport.unpark(t);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "TimerScheduler[" + name + "]";
    }

    /** Lazy holder: no scheduler object and no thread until a timer needs one. */
    private static final class SharedHolder {
        static final TimerScheduler SHARED = new ThreadTimerScheduler("eventdriven-timer",
                ThreadTimerScheduler::daemonThread, TimeUnit.SECONDS.toNanos(1), false);
    }
}
