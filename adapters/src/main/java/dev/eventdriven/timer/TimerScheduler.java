package dev.eventdriven.timer;

import dev.eventdriven.Dispatcher;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.timer.internal.DelayedDispatch;
import dev.eventdriven.timer.internal.Durations;
import dev.eventdriven.timer.internal.ThreadTimerScheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * One clock and one queue of deadlines serving many timers: {@link Timer}s and delayed dispatches
 * ({@link #dispatchLater}). Actions run on the scheduler's own thread, one after another, and must be
 * short and must not block: the timers only hand their ticks to a controller with
 * {@code dispatch(...)}, and the controller's loop runs the handlers.
 * <pre>
 *   Timer / dispatchLater --schedule(deadline)--&gt; [ deadline heap ] --&gt; scheduler thread
 *                                                                           | at the deadline
 *                                                                           v
 *                                                           controller.dispatch(id, value)
 * </pre>
 * <p>Implementations: {@link #shared()} (the default of every timer: one lazily started daemon thread
 * that exits when nothing has been scheduled for a second), {@link #builder(String)} (a scheduler of
 * your own, with your thread factory, that you close), and {@link VirtualTimeScheduler} (virtual time
 * for tests). All methods may be called from any thread.
 */
public interface TimerScheduler extends AutoCloseable {

    /**
     * The scheduler every timer uses unless told otherwise. Its thread (a daemon named
     * {@code eventdriven-timer}) is started on the first schedule and ends after a second with nothing
     * scheduled, so it never keeps a program alive nor outlives the last timer by more than a second.
     *
     * @return the shared scheduler; {@link #close()} on it does nothing
     */
    static TimerScheduler shared() {
        return ThreadTimerScheduler.shared();
    }

    /**
     * Starts building a scheduler of your own.
     *
     * @param name the name of its thread, not blank
     * @return a builder
     * @throws IllegalArgumentException if the name is blank
     */
    static TimerSchedulerBuilder builder(String name) {
        return new TimerSchedulerBuilder(name);
    }

    /**
     * The scheduler's clock, in nanoseconds, with the meaning of {@link System#nanoTime()}: only
     * differences count, and deadlines are compared wrap-around safe.
     *
     * @return the current time
     */
    long nanoTime();

    /**
     * Schedules an action to run once on the scheduler's thread, at {@code deadlineNanos} or soon
     * after, never before. Actions with equal deadlines run in the order they were scheduled. An action
     * that throws is logged and the scheduler goes on.
     *
     * @param deadlineNanos the deadline on {@link #nanoTime()}'s clock; a past one runs at once
     * @param action the action: short, non-blocking
     * @return a handle to cancel it
     * @throws IllegalArgumentException if the action is null
     * @throws RejectedExecutionException if the scheduler is closed
     */
    ScheduledAction schedule(long deadlineNanos, Runnable action);

    /**
     * Schedules an action to run once after a delay.
     *
     * @param delay the delay, &gt;= 0
     * @param action the action: short, non-blocking
     * @return a handle to cancel it
     * @throws IllegalArgumentException if the delay is null, negative or longer than 100 years, or the
     *     action is null
     * @throws RejectedExecutionException if the scheduler is closed
     */
    default ScheduledAction scheduleAfter(Duration delay, Runnable action) {
        long nanos = Durations.delayNanos("delay", delay);
        Checks.notNull("action", action);
        return schedule(nanoTime() + nanos, action);
    }

    /**
     * Dispatches an event once after a delay: {@code dispatcher.dispatch(eventId, value)} is called on
     * the scheduler's thread, so the handlers run on the dispatcher's loop as usual. If the dispatcher
     * is closed by then, the event is dropped with a debug log; if its bounded queue refuses it, the
     * event is dropped with a warning.
     *
     * @param dispatcher the controller or pool, not null
     * @param eventId the event id, not null and not a hook (BEFORE, AFTER, OTHER)
     * @param value the value, may be {@code null}
     * @param delay the delay, &gt;= 0
     * @return a handle to cancel the dispatch
     * @throws IllegalArgumentException if an argument is invalid
     * @throws RejectedExecutionException if the scheduler is closed
     */
    default ScheduledAction dispatchLater(Dispatcher dispatcher, Object eventId, Object value, Duration delay) {
        return scheduleAfter(delay, new DelayedDispatch(Checks.notNull("dispatcher", dispatcher),
                Checks.eventId(eventId), value));
    }

    /**
     * Cancels everything scheduled, refuses new actions and ends the scheduler's thread; waits for the
     * thread to end unless called from it. Calling it again does nothing. The shared scheduler ignores
     * it.
     */
    @Override
    void close();
}
