package dev.eventdriven.internal;

import dev.eventdriven.EventDrivenException;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.Pending;
import dev.eventdriven.PendingTimeoutException;
import dev.eventdriven.TypeMismatchException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The read-only {@link Pending} over a {@link GuardedFuture}: every composition returns another view
 * of the same event, so no caller ever holds something that completes it.
 *
 * @param <T> the result type
 */
public final class PendingView<T> implements Pending<T> {

    private final GuardedFuture<T> f;
    private final GuardedFuture.Completion root;

    PendingView(GuardedFuture<T> future, GuardedFuture.Completion root) {
        this.f = future;
        this.root = root;
    }

    /**
     * Whether this is an event's own result whose first handler returns nothing (an action), as
     * typed access reports it; a bridge carries it to the remote caller's result.
     *
     * @return {@code true} if the first handler is an action
     */
    public boolean firstReturnsNothing() {
        return f == root && root.firstReturnsNothing;
    }

    private <U> PendingView<U> derive(CompletableFuture<U> next) {
        return new PendingView<>((GuardedFuture<U>) next, root);
    }

    @Override
    public Object eventId() {
        return f.eventId;
    }

    @Override
    public T await(Duration timeout) {
        long nanos = Checks.timeoutNanos(timeout);
        try {
            return f.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new PendingTimeoutException("event " + f.eventId + ": no result within " + timeout);
        } catch (ExecutionException e) {
            throw new EventFailedException("event " + f.eventId + " failed: " + e.getCause(), e.getCause());
        } catch (CancellationException e) {
            throw new EventFailedException("event " + f.eventId + " was cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventDrivenException("interrupted while waiting for event " + f.eventId, e);
        }
    }

    @Override
    public T join() {
        return f.join();
    }

    @Override
    public <R> Pending<R> first(Class<R> type) {
        Checks.notNull("type", type);
        Object id = f.eventId;
        boolean ownList = f == root;
        return derive(f.thenApply(v -> {
            Object first = v instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : v;
            if (first == null && ownList && root.firstReturnsNothing && type != Void.class) {
                throw new TypeMismatchException("event " + id + ": the first handler returns nothing (expected: a "
                        + type.getName() + "); a one-line lambda whose body is a call, s -> compute(s), is taken"
                        + " as an EventAction and its value dropped: write s -> { return compute(s); }");
            }
            if (first != null && !type.isInstance(first)) {
                throw new TypeMismatchException("event " + id + ": the first result is a "
                        + first.getClass().getName() + " (expected: " + type.getName() + ")");
            }
            return type.cast(first);
        }));
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        return f.copy();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return root.tryCancel();
    }

    @Override
    public boolean isCancelled() {
        return f.isCancelled();
    }

    @Override
    public boolean isCompletedExceptionally() {
        return f.isCompletedExceptionally();
    }

    @Override
    public boolean isDone() {
        return f.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return f.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return f.get(timeout, unit);
    }

    /**
     * Whether a stage or a waiter depends on this result (the error handler logs the failure of
     * an observed result at a lower level).
     *
     * @return {@code true} if something waits for it
     */
    public boolean isObserved() {
        return f.getNumberOfDependents() > 0;
    }

    @Override
    public <U> Pending<U> thenApply(Function<? super T, ? extends U> fn) {
        return derive(f.thenApply(fn));
    }

    @Override
    public <U> Pending<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
        return derive(f.thenApplyAsync(fn));
    }

    @Override
    public <U> Pending<U> thenApplyAsync(Function<? super T, ? extends U> fn, Executor executor) {
        return derive(f.thenApplyAsync(fn, executor));
    }

    @Override
    public Pending<Void> thenAccept(Consumer<? super T> action) {
        return derive(f.thenAccept(action));
    }

    @Override
    public Pending<Void> thenAcceptAsync(Consumer<? super T> action) {
        return derive(f.thenAcceptAsync(action));
    }

    @Override
    public Pending<Void> thenAcceptAsync(Consumer<? super T> action, Executor executor) {
        return derive(f.thenAcceptAsync(action, executor));
    }

    @Override
    public Pending<Void> thenRun(Runnable action) {
        return derive(f.thenRun(action));
    }

    @Override
    public Pending<Void> thenRunAsync(Runnable action) {
        return derive(f.thenRunAsync(action));
    }

    @Override
    public Pending<Void> thenRunAsync(Runnable action, Executor executor) {
        return derive(f.thenRunAsync(action, executor));
    }

    @Override
    public <U, V> Pending<V> thenCombine(CompletionStage<? extends U> other,
                                         BiFunction<? super T, ? super U, ? extends V> fn) {
        return derive(f.thenCombine(other, fn));
    }

    @Override
    public <U, V> Pending<V> thenCombineAsync(CompletionStage<? extends U> other,
                                              BiFunction<? super T, ? super U, ? extends V> fn) {
        return derive(f.thenCombineAsync(other, fn));
    }

    @Override
    public <U, V> Pending<V> thenCombineAsync(CompletionStage<? extends U> other,
                                              BiFunction<? super T, ? super U, ? extends V> fn, Executor executor) {
        return derive(f.thenCombineAsync(other, fn, executor));
    }

    @Override
    public <U> Pending<Void> thenAcceptBoth(CompletionStage<? extends U> other,
                                            BiConsumer<? super T, ? super U> action) {
        return derive(f.thenAcceptBoth(other, action));
    }

    @Override
    public <U> Pending<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
                                                 BiConsumer<? super T, ? super U> action) {
        return derive(f.thenAcceptBothAsync(other, action));
    }

    @Override
    public <U> Pending<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
                                                 BiConsumer<? super T, ? super U> action, Executor executor) {
        return derive(f.thenAcceptBothAsync(other, action, executor));
    }

    @Override
    public Pending<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return derive(f.runAfterBoth(other, action));
    }

    @Override
    public Pending<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
        return derive(f.runAfterBothAsync(other, action));
    }

    @Override
    public Pending<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return derive(f.runAfterBothAsync(other, action, executor));
    }

    @Override
    public <U> Pending<U> applyToEither(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return derive(f.applyToEither(other, fn));
    }

    @Override
    public <U> Pending<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return derive(f.applyToEitherAsync(other, fn));
    }

    @Override
    public <U> Pending<U> applyToEitherAsync(CompletionStage<? extends T> other, Function<? super T, U> fn,
                                             Executor executor) {
        return derive(f.applyToEitherAsync(other, fn, executor));
    }

    @Override
    public Pending<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return derive(f.acceptEither(other, action));
    }

    @Override
    public Pending<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return derive(f.acceptEitherAsync(other, action));
    }

    @Override
    public Pending<Void> acceptEitherAsync(CompletionStage<? extends T> other, Consumer<? super T> action,
                                           Executor executor) {
        return derive(f.acceptEitherAsync(other, action, executor));
    }

    @Override
    public Pending<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
        return derive(f.runAfterEither(other, action));
    }

    @Override
    public Pending<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
        return derive(f.runAfterEitherAsync(other, action));
    }

    @Override
    public Pending<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action, Executor executor) {
        return derive(f.runAfterEitherAsync(other, action, executor));
    }

    @Override
    public <U> Pending<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return derive(f.thenCompose(fn));
    }

    @Override
    public <U> Pending<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn) {
        return derive(f.thenComposeAsync(fn));
    }

    @Override
    public <U> Pending<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn,
                                           Executor executor) {
        return derive(f.thenComposeAsync(fn, executor));
    }

    @Override
    public <U> Pending<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return derive(f.handle(fn));
    }

    @Override
    public <U> Pending<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
        return derive(f.handleAsync(fn));
    }

    @Override
    public <U> Pending<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn, Executor executor) {
        return derive(f.handleAsync(fn, executor));
    }

    @Override
    public Pending<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return derive(f.whenComplete(action));
    }

    @Override
    public Pending<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
        return derive(f.whenCompleteAsync(action));
    }

    @Override
    public Pending<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action, Executor executor) {
        return derive(f.whenCompleteAsync(action, executor));
    }

    @Override
    public Pending<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return derive(f.exceptionally(fn));
    }

    @Override
    public String toString() {
        return f.toString();
    }
}
