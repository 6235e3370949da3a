package dev.eventdriven.internal;

import dev.eventdriven.EventDrivenException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lets threads wait for a condition that a loop makes true, without costing the loop anything while
 * nobody waits: the loop calls {@link #signal()}, which only reads a counter unless a waiter is
 * registered.
 *
 * <p>Visibility: the loop publishes its progress (a volatile write) before {@code signal()} reads
 * the waiter count; a waiter registers (a volatile write) before it checks the condition. One of the
 * two sees the other, so no wake-up is lost. Waits are also sliced (10 ms) as a safety net.
 */
public final class ProgressSignal {

    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final java.lang.invoke.VarHandle WAITERS;

    static {
        try {
            WAITERS = java.lang.invoke.MethodHandles.lookup().findVarHandle(ProgressSignal.class, "waiters", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through WAITERS
    private volatile int waiters;

    /** Creates a signal. */
    public ProgressSignal() {
    }

    /** Wakes the waiters, if any. Any thread; cheap when nobody waits. */
    public void signal() {
        if ((int) WAITERS.getVolatile(this) != 0) {
            synchronized (this) { // its own monitor: a lock object would cost every controller 16 bytes
                notifyAll();
            }
        }
    }

    /**
     * Waits until {@code condition} holds or the time runs out.
     *
     * @param timeoutNanos the most to wait
     * @param condition checked under the signal's lock after every wake-up
     * @param what names the wait, for the interruption message
     * @return {@code true} if the condition holds
     */
    public boolean await(long timeoutNanos, BooleanSupplier condition, String what) {
        if (condition.getAsBoolean()) {
            return true;
        }
        DrivenExecutor.pumpUntil(condition); // a test driving the loops by hand runs them here
        if (condition.getAsBoolean()) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        WAITERS.getAndAdd(this, 1);
        try {
            synchronized (this) { // its own monitor: a lock object would cost every controller 16 bytes
                while (!condition.getAsBoolean()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, SLICE_NANOS));
                }
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventDrivenException("interrupted in " + what, e);
        } finally {
            WAITERS.getAndAdd(this, -1);
        }
    }

    /**
     * Waits until {@code condition} holds, however long, through interrupts: an interrupt is kept
     * and the thread's flag set again before returning.
     *
     * @param condition checked under the signal's lock after every wake-up
     */
    public void awaitUninterruptibly(BooleanSupplier condition) {
        if (condition.getAsBoolean()) {
            return;
        }
        boolean interrupted = false;
        WAITERS.getAndAdd(this, 1);
        try {
            synchronized (this) {
                while (!condition.getAsBoolean()) {
                    try {
                        wait(TimeUnit.NANOSECONDS.toMillis(SLICE_NANOS));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            WAITERS.getAndAdd(this, -1);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
