package dev.eventdriven.timer;

/**
 * A handle on one action scheduled on a {@link TimerScheduler}: a delayed dispatch or a timer's next
 * tick. Every method may be called from any thread.
 *
 * <p>An action runs at most once. {@link #cancel()} and the scheduler race for it and exactly one wins:
 * if {@code cancel()} returns {@code true} the action has not run and never will; if it returns
 * {@code false} the action has run, is running, or was cancelled before.
 */
public interface ScheduledAction {

    /**
     * Cancels the action if it has not started yet. Any thread.
     *
     * @return {@code true} if this call prevented the action from running
     */
    boolean cancel();

    /**
     * Whether the action was cancelled (by {@link #cancel()} or by closing its scheduler).
     *
     * @return {@code true} once cancelled
     */
    boolean isCancelled();

    /**
     * Whether the action is finished with: it was cancelled, or it has been started by the scheduler.
     *
     * @return {@code true} once cancelled or started
     */
    boolean isDone();
}
