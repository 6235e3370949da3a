package dev.eventdriven.internal;

import dev.eventdriven.LoopThreadBlockingException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The future behind a {@link dev.eventdriven.Pending} and every stage derived from it: blocking on
 * it from the loop thread that must complete it throws instead of deadlocking. Never handed to users
 * as such: they get a {@link PendingView}, or a copy from {@code toCompletableFuture()}.
 *
 * @param <T> the result type
 */
public class GuardedFuture<T> extends CompletableFuture<T> {

    final Object eventId;
    private final BooleanSupplier onOwnLoop;

    /**
     * Creates a future.
     *
     * @param eventId the event it belongs to (used in messages)
     * @param onOwnLoop tells whether the calling thread is the loop thread that must complete it
     */
    public GuardedFuture(Object eventId, BooleanSupplier onOwnLoop) {
        this.eventId = eventId;
        this.onOwnLoop = onOwnLoop;
    }

    final void checkNotOnLoop(String what) {
        if (!isDone() && onOwnLoop.getAsBoolean()) {
            throw new LoopThreadBlockingException(what + " on the result of event " + eventId
                    + " from the loop thread that must produce it would deadlock;"
                    + " compose with thenAccept/whenComplete instead");
        }
        if (!isDone()) {
            DrivenExecutor.pumpUntil(this::isDone); // a test driving the loops by hand runs them here
        }
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        checkNotOnLoop("get()");
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        checkNotOnLoop("get(timeout)");
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        checkNotOnLoop("join()");
        return super.join();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new GuardedFuture<>(eventId, onOwnLoop);
    }

    @Override
    public String toString() {
        return "Pending[" + eventId + ", " + super.toString() + "]";
    }

    /**
     * The completer of one event's result: held by the envelope, completed by the loop (or failed by
     * a hand-back), and claimed by the loop before the handlers run so that a cancellation either
     * wins before any handler starts or is refused.
     */
    public static final class Completion extends GuardedFuture<List<Object>> {

        private static final java.lang.invoke.VarHandle CLAIM;
        private static final int OPEN = 0;
        private static final int TAKEN = 1;
        private static final int CANCELLED = 2;

        static {
            try {
                CLAIM = java.lang.invoke.MethodHandles.lookup().findVarHandle(Completion.class, "claim", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // accessed through CLAIM
        private volatile int claim;
        /**
         * Whether the first handler is an action (a lambda that returns nothing): typed access then
         * says so instead of handing out a silent {@code null}. Written by the loop before it
         * completes the result, so completion publishes it.
         */
        boolean firstReturnsNothing;
        private final PendingView<List<Object>> view;

        /**
         * Creates the completer of an event's result.
         *
         * @param eventId the event
         * @param onOwnLoop tells whether the calling thread is the loop thread that must complete it
         */
        public Completion(Object eventId, BooleanSupplier onOwnLoop) {
            super(eventId, onOwnLoop);
            this.view = new PendingView<>(this, this);
        }

        /**
         * The read-only result handed to the caller.
         *
         * @return the view
         */
        public PendingView<List<Object>> view() {
            return view;
        }

        /** Loop thread, before completion: the first handler returns nothing. */
        public void firstReturnsNothing() {
            firstReturnsNothing = true;
        }

        /**
         * Claims the event for its handlers. Loop thread, before the first handler.
         *
         * @return {@code false} if the event was cancelled: its handlers must not run
         */
        public boolean take() {
            return (int) CLAIM.compareAndExchange(this, OPEN, TAKEN) != CANCELLED;
        }

        boolean tryCancel() {
            if (CLAIM.compareAndSet(this, OPEN, CANCELLED)) {
                return super.cancel(false); // false if a hand-back failed it already
            }
            return isCancelled();
        }

        /** Only through the view: a completer is never cancelled behind the claim's back. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return tryCancel();
        }
    }
}
