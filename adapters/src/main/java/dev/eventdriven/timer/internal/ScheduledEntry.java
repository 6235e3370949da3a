package dev.eventdriven.timer.internal;

import dev.eventdriven.timer.ScheduledAction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled action: a deadline, a tie-breaking sequence number and a one-shot state that the
 * scheduler and {@link #cancel()} race for with a CAS, so that exactly one of them wins.
 */
public final class ScheduledEntry extends IndexedHeap.Entry<ScheduledEntry> implements ScheduledAction {

    /** Who holds the entry in a heap and must drop it when it is cancelled. */
    public interface Owner {
        /**
         * Removes a cancelled entry from the heap (it would otherwise stay until its deadline).
         *
         * @param entry the entry, already CANCELLED
         */
        void removeCancelled(ScheduledEntry entry);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledEntry.class);
    private static final int PENDING = 0;
    private static final int STARTED = 1;
    private static final int CANCELLED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(ScheduledEntry.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long deadline;
    final long seq;
    private final Runnable action;
    private final Owner owner;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    /**
     * Creates an entry.
     *
     * @param deadline the deadline on the owner's clock, in nanoseconds
     * @param seq the owner's sequence number, orders entries with equal deadlines
     * @param action the action
     * @param owner the owner
     */
    public ScheduledEntry(long deadline, long seq, Runnable action, Owner owner) {
        this.deadline = deadline;
        this.seq = seq;
        this.action = action;
        this.owner = owner;
    }

    /**
     * The deadline.
     *
     * @return the deadline on the owner's clock, in nanoseconds
     */
    public long deadline() {
        return deadline;
    }

    /**
     * Runs the action unless it was cancelled; logs what it throws. The scheduler's thread.
     *
     * @return {@code true} if the action was run
     */
    public boolean fire() {
        if (!STATE.compareAndSet(this, PENDING, STARTED)) {
            return false;
        }
        try {
            action.run();
        } catch (Throwable t) {
            // The scheduler thread serves every timer: one failing action must not stop the others.
            LOG.warn("scheduled action {} threw", action, t);
        }
        return true;
    }

    /**
     * Cancels without asking the owner to remove the entry (the owner is dropping it already).
     *
     * @return {@code true} if the entry was pending
     */
    boolean cancelQuietly() {
        return STATE.compareAndSet(this, PENDING, CANCELLED);
    }

    @Override
    public boolean cancel() {
        if (!cancelQuietly()) {
            return false;
        }
        owner.removeCancelled(this);
        return true;
    }

    @Override
    public boolean isCancelled() {
        return (int) STATE.getVolatile(this) == CANCELLED;
    }

    @Override
    public boolean isDone() {
        return (int) STATE.getVolatile(this) != PENDING;
    }

    /**
     * Orders by deadline (wrap-around safe, as {@link System#nanoTime()}), then by sequence.
     *
     * @param other the other entry
     * @return whether this one is due before {@code other}
     */
    @Override
    protected boolean before(ScheduledEntry other) {
        long d = deadline - other.deadline;
        return d < 0 || d == 0 && seq < other.seq;
    }

    @Override
    public String toString() {
        return "ScheduledEntry[deadline=" + deadline + ", action=" + action + "]";
    }
}
