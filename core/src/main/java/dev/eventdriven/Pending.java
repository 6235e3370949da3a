package dev.eventdriven;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * The result of an event or task, read-only for its holder: it can be composed
 * ({@link CompletionStage}), waited for ({@link #await(Duration)}, {@link Future#get}) and cancelled
 * (see {@link #cancel(boolean)}), but only the library completes it. The result of
 * {@code request}/{@code submit} is the list of the handlers' return values, in registration order;
 * {@link #first(Class)} gives the first of them as a typed result. It fails with what went wrong: the
 * handler's exception; a {@link ControllerClosedException} for an event that will never run; a
 * {@link RejectedEventException} for a dropped one.
 *
 * <p><b>Threads.</b> Completion happens on the loop thread right after the event's AFTER handlers;
 * whatever a handler did happens-before the completion is seen by a waiter. Every method may be
 * called from any thread. A handler may return a {@link CompletionStage} for a result that arrives
 * later: the result then completes when that stage does, with the stage's value in the list.
 *
 * <p><b>Guarded waits.</b> {@link #await}, {@link #get()}, {@link #get(long, java.util.concurrent.TimeUnit)}
 * and {@link #join()} on a result that is not done, from the loop thread that must produce it, throw
 * {@link LoopThreadBlockingException} instead of deadlocking; stages derived from it ({@code thenApply},
 * {@link #first}, …) and the future of {@link #toCompletableFuture()} carry the same guard. What the
 * guard cannot see: a wait on another controller's result from a handler (A waits for B while B waits
 * for A), and futures built outside the library ({@code CompletableFuture.allOf(...)}) — the
 * blocked-loop detector reports those ({@code blockedLoopThreshold} of the builders).
 *
 * <p><b>Cancellation.</b> {@link #cancel(boolean)} removes an event that no handler has started yet:
 * its handlers never run, the cancellation is counted ({@link ControllerStats#cancelled()}), and the
 * result fails with a {@link java.util.concurrent.CancellationException}. Once the loop has taken the
 * event, {@code cancel} is refused and returns {@code false}; a running handler is never interrupted.
 * Cancelling a derived stage cancels the event the same way.
 *
 * @param <T> the type of the result
 */
public interface Pending<T> extends CompletionStage<T>, Future<T> {

    /**
     * The id of the event this result belongs to ({@link SystemEvent#SUBMIT} for a task).
     *
     * @return the event id
     */
    Object eventId();

    /**
     * Waits for the result.
     *
     * @param timeout how long to wait at most, not negative
     * @return the result
     * @throws PendingTimeoutException if the time ran out
     * @throws EventFailedException if the event failed or was cancelled; the cause says why
     * @throws LoopThreadBlockingException if called from the loop thread that must complete it
     * @throws IllegalArgumentException if the timeout is {@code null} or negative
     */
    T await(Duration timeout);

    /**
     * Waits for the result without a bound, like {@link CompletableFuture#join()}.
     *
     * @return the result
     * @throws java.util.concurrent.CompletionException if the event failed
     * @throws java.util.concurrent.CancellationException if it was cancelled
     * @throws LoopThreadBlockingException if called from the loop thread that must complete it
     */
    T join();

    /**
     * Whether the result failed (or was cancelled).
     *
     * @return {@code true} if done exceptionally
     */
    boolean isCompletedExceptionally();

    /**
     * The first element of the result list (the first handler's return, or the submitted task's
     * result), as a {@code type}. {@code null} stays {@code null}; an empty list gives {@code null}.
     * A value of another type fails the returned result with a {@link TypeMismatchException} naming
     * the event and both types.
     *
     * @param type the expected type, not {@code null}
     * @param <R> the type
     * @return a result of that type; cancelling it cancels this event
     * @throws IllegalArgumentException if {@code type} is {@code null}
     */
    <R> Pending<R> first(Class<R> type);

    /**
     * A {@link CompletableFuture} that completes with this result. Completing it (or obtruding a
     * value) affects that future alone, never this result or anyone else's view of it.
     *
     * @return a new future, guarded like this result
     */
    @Override
    CompletableFuture<T> toCompletableFuture();

    // Derived stages are results of the same event: read-only, guarded, typed.

    @Override
    <U> Pending<U> thenApply(Function<? super T, ? extends U> fn);

    @Override
    <U> Pending<U> thenApplyAsync(Function<? super T, ? extends U> fn);

    @Override
    <U> Pending<U> thenApplyAsync(Function<? super T, ? extends U> fn,
                                  Executor executor);

    @Override
    Pending<Void> thenAccept(Consumer<? super T> action);

    @Override
    Pending<Void> thenAcceptAsync(Consumer<? super T> action);

    @Override
    Pending<Void> thenAcceptAsync(Consumer<? super T> action,
                                  Executor executor);

    @Override
    Pending<Void> thenRun(Runnable action);

    @Override
    Pending<Void> thenRunAsync(Runnable action);

    @Override
    Pending<Void> thenRunAsync(Runnable action, Executor executor);

    @Override
    <U, V> Pending<V> thenCombine(CompletionStage<? extends U> other,
                                  BiFunction<? super T, ? super U, ? extends V> fn);

    @Override
    <U, V> Pending<V> thenCombineAsync(CompletionStage<? extends U> other,
                                       BiFunction<? super T, ? super U, ? extends V> fn);

    @Override
    <U, V> Pending<V> thenCombineAsync(CompletionStage<? extends U> other,
                                       BiFunction<? super T, ? super U, ? extends V> fn,
                                       Executor executor);

    @Override
    <U> Pending<Void> thenAcceptBoth(CompletionStage<? extends U> other,
                                     BiConsumer<? super T, ? super U> action);

    @Override
    <U> Pending<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
                                          BiConsumer<? super T, ? super U> action);

    @Override
    <U> Pending<Void> thenAcceptBothAsync(CompletionStage<? extends U> other,
                                          BiConsumer<? super T, ? super U> action,
                                          Executor executor);

    @Override
    Pending<Void> runAfterBoth(CompletionStage<?> other, Runnable action);

    @Override
    Pending<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action);

    @Override
    Pending<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action,
                                    Executor executor);

    @Override
    <U> Pending<U> applyToEither(CompletionStage<? extends T> other,
                                 Function<? super T, U> fn);

    @Override
    <U> Pending<U> applyToEitherAsync(CompletionStage<? extends T> other,
                                      Function<? super T, U> fn);

    @Override
    <U> Pending<U> applyToEitherAsync(CompletionStage<? extends T> other,
                                      Function<? super T, U> fn,
                                      Executor executor);

    @Override
    Pending<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action);

    @Override
    Pending<Void> acceptEitherAsync(CompletionStage<? extends T> other,
                                    Consumer<? super T> action);

    @Override
    Pending<Void> acceptEitherAsync(CompletionStage<? extends T> other,
                                    Consumer<? super T> action,
                                    Executor executor);

    @Override
    Pending<Void> runAfterEither(CompletionStage<?> other, Runnable action);

    @Override
    Pending<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action);

    @Override
    Pending<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action,
                                      Executor executor);

    @Override
    <U> Pending<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn);

    @Override
    <U> Pending<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn);

    @Override
    <U> Pending<U> thenComposeAsync(Function<? super T, ? extends CompletionStage<U>> fn,
                                    Executor executor);

    @Override
    <U> Pending<U> handle(BiFunction<? super T, Throwable, ? extends U> fn);

    @Override
    <U> Pending<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn);

    @Override
    <U> Pending<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn,
                               Executor executor);

    @Override
    Pending<T> whenComplete(BiConsumer<? super T, ? super Throwable> action);

    @Override
    Pending<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action);

    @Override
    Pending<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action,
                                 Executor executor);

    @Override
    Pending<T> exceptionally(Function<Throwable, ? extends T> fn);
}
