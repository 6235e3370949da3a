package dev.eventdriven;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The result of an event or task: completes with the list of the handlers' return values, in
 * registration order, or exceptionally with what went wrong (the handler's exception; a
 * {@link ControllerClosedException} for an event that will never run; a {@link RejectedEventException}
 * for a dropped one).
 *
 * <p>It is a {@link CompletableFuture}: join it, compose it, or wait with a timeout. Blocking on it
 * from the loop thread that must complete it throws {@link LoopThreadBlockingException} instead of
 * deadlocking; stages derived from it carry the same guard.
 *
 * <p>Completion happens on the loop thread right after the event's AFTER handlers; whatever a
 * handler did happens-before the completion is seen by a waiter. A handler may return a
 * {@link java.util.concurrent.CompletionStage} for a result that arrives later: the Pending then
 * completes when that stage does, with the stage's value in the list (or with its failure).
 */
public final class Pending extends CompletableFuture<List<Object>> {

    private final Object eventId;
    private final BooleanSupplier onOwnLoop;

    /**
     * Creates a pending result. Called by dispatchers (controllers, pools, adapters), not by users.
     *
     * @param eventId the event it belongs to (used in messages)
     * @param onOwnLoop tells whether the calling thread is a loop thread that must complete this
     */
    public Pending(Object eventId, BooleanSupplier onOwnLoop) {
        this.eventId = eventId;
        this.onOwnLoop = onOwnLoop;
    }

    /**
     * The id of the event this result belongs to.
     *
     * @return the event id
     */
    public Object eventId() {
        return eventId;
    }

    /**
     * Waits for the result.
     *
     * @param timeout how long to wait at most
     * @return the handlers' return values
     * @throws PendingTimeoutException if the time ran out
     * @throws EventFailedException if the event failed; the cause says why
     * @throws LoopThreadBlockingException if called from the loop thread that must complete it
     */
    public List<Object> await(Duration timeout) {
        try {
            return get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new PendingTimeoutException("event " + eventId + ": no result within " + timeout);
        } catch (ExecutionException e) {
            throw new EventFailedException("event " + eventId + " failed: " + e.getCause(), e.getCause());
        } catch (CancellationException e) {
            throw new EventFailedException("event " + eventId + " was cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventDrivenException("interrupted while waiting for event " + eventId, e);
        }
    }

    /**
     * Waits for the result and returns its first element: the result of a submitted task, or of
     * the first handler.
     *
     * @param timeout how long to wait at most
     * @return the first return value, or {@code null} if there is none
     * @throws PendingTimeoutException if the time ran out
     * @throws EventFailedException if the event failed
     */
    public Object awaitFirst(Duration timeout) {
        List<Object> all = await(timeout);
        return all.isEmpty() ? null : all.get(0);
    }

    private void checkNotOnLoop(String what) {
        if (!isDone() && onOwnLoop.getAsBoolean()) {
            throw new LoopThreadBlockingException(what + " on the result of event " + eventId
                    + " from the loop thread that must produce it would deadlock;"
                    + " compose with thenAccept/whenComplete instead");
        }
    }

    /**
     * Waits for the result.
     *
     * @throws LoopThreadBlockingException if called from the loop thread that must complete it
     */
    @Override
    public List<Object> get() throws InterruptedException, ExecutionException {
        checkNotOnLoop("get()");
        return super.get();
    }

    /**
     * Waits for the result, at most the given time.
     *
     * @throws LoopThreadBlockingException if called from the loop thread that must complete it
     */
    @Override
    public List<Object> get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        checkNotOnLoop("get(timeout)");
        return super.get(timeout, unit);
    }

    /**
     * Waits for the result.
     *
     * @throws LoopThreadBlockingException if called from the loop thread that must complete it
     * @throws CompletionException if the event failed
     */
    @Override
    public List<Object> join() {
        checkNotOnLoop("join()");
        return super.join();
    }

    /** Stages derived from a pending carry its loop-thread guard. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new GuardedFuture<>(this);
    }

    @Override
    public String toString() {
        return "Pending[" + eventId + ", " + super.toString() + "]";
    }

    /** A stage derived from a {@link Pending}: same guard against blocking on the loop thread. */
    private static final class GuardedFuture<U> extends CompletableFuture<U> {
        private final Pending origin;

        GuardedFuture(Pending origin) {
            this.origin = origin;
        }

        private void check(String what) {
            if (!isDone()) {
                origin.checkNotOnLoop(what);
            }
        }

        @Override
        public U get() throws InterruptedException, ExecutionException {
            check("get()");
            return super.get();
        }

        @Override
        public U get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            check("get(timeout)");
            return super.get(timeout, unit);
        }

        @Override
        public U join() {
            check("join()");
            return super.join();
        }

        @Override
        public <V> CompletableFuture<V> newIncompleteFuture() {
            return new GuardedFuture<>(origin);
        }
    }
}
