package dev.eventdriven.subprocess.internal;

import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.subprocess.ChildProcessException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The window of calls in flight to one child: at most {@code maxCalls} sent and not yet answered,
 * holding at most {@code maxBytes} of frames, so that a flood of calls (or of large values) cannot
 * fill the child's heap. A call bigger than the byte window alone is let through when nothing else
 * is in flight. Closed when the child dies: waiting callers then fail with the child's death.
 */
final class CallWindow {

    private final int maxCalls;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private int calls;
    private long bytes;
    private ChildProcessException closed;

    CallWindow(int maxCalls, long maxBytes) {
        this.maxCalls = maxCalls;
        this.maxBytes = maxBytes;
    }

    private boolean fits(int frame) {
        return calls < maxCalls && (bytes + frame <= maxBytes || calls == 0);
    }

    /**
     * Takes room for one call of {@code frame} bytes, applying {@code policy} when the window is full.
     *
     * @param frame the frame's size
     * @param policy what a full window does
     * @param blockTimeout how long BLOCK waits
     * @param what the call, for messages
     * @return {@code false} if the call is dropped (DROP_NEWEST): nothing was taken
     * @throws RejectedEventException if FAIL finds the window full, or BLOCK waited in vain
     * @throws ChildProcessException if the child is gone
     */
    boolean acquire(int frame, OverflowPolicy policy, Duration blockTimeout, String what) {
        lock.lock();
        try {
            if (closed != null) {
                throw closed;
            }
            if (!fits(frame)) {
                if (policy == OverflowPolicy.FAIL) {
                    throw new RejectedEventException(full(what) + " (overflow policy FAIL)");
                }
                if (policy == OverflowPolicy.DROP_NEWEST) {
                    return false;
                }
                long left = blockTimeout.toNanos();
                while (!fits(frame) && closed == null) {
                    if (left <= 0) {
                        throw new RejectedEventException(full(what) + ": no room within " + blockTimeout
                                + " (overflow policy BLOCK)");
                    }
                    try {
                        left = room.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RejectedEventException(full(what) + ": interrupted while waiting for room");
                    }
                }
                if (closed != null) {
                    throw closed;
                }
            }
            calls++;
            bytes += frame;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the room of one answered (or failed) call. */
    void release(int frame) {
        lock.lock();
        try {
            calls--;
            bytes -= frame;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The child is gone: every waiter fails with {@code cause}, later acquires too. */
    void close(ChildProcessException cause) {
        lock.lock();
        try {
            closed = cause;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private String full(String what) {
        return what + ": the window of calls in flight to the child is full (" + calls + " of " + maxCalls
                + " calls, " + bytes + " of " + maxBytes + " bytes)";
    }

    @Override
    public String toString() {
        return "CallWindow[" + calls + "/" + maxCalls + " calls, " + bytes + "/" + maxBytes + " bytes]";
    }
}
