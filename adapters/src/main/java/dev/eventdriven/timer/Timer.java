package dev.eventdriven.timer;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.Controller;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.timer.internal.Durations;
import dev.eventdriven.timer.internal.TickSchedule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * An adapter that dispatches a tick to its controller every interval: the event
 * {@link SystemEvent#TIMING} (or the id given to the builder) with the interval, a {@link Duration},
 * as value. Handlers run on the controller's loop as for any event.
 * <pre>
 *   Timer timer = Timer.every(Duration.ofSeconds(1));
 *   Controller c = Controller.builder("console").adapter(timer)
 *           .on(SystemEvent.TIMING, s -&gt; refresh()).build();
 *   c.run();                                    // first tick one second from now
 *   timer.setTiming(Duration.ofMillis(200));    // faster from the next tick
 *   timer.setTiming(null);                      // stopped
 * </pre>
 * <p><b>Schedule.</b> Ticks are due at {@code start + k * interval} (fixed rate: slow handlers or a late
 * scheduler do not shift later ticks). When the scheduler gets to a tick late, the
 * {@link MissedTickPolicy} decides what is sent. The first tick is due one interval after
 * {@code run()} (or after {@code setTiming} switched a stopped timer on), unless the builder's
 * {@link TimerBuilder#firstDelay} says otherwise. A timer may be installed into a running controller
 * and uninstalled from it ({@link #dynamic()}).
 * <p><b>Lifecycle.</b> The timer starts with its controller's loop and follows it: no tick is sent while
 * the controller is suspended, and the slots that pass meanwhile are dropped, not made up for (after
 * {@code resume()} the next tick is the next slot of the grid). Ticks already in the controller's queue
 * stay there. When the controller shuts down the timer stops for good; a tick that finds its controller
 * closed stops the timer as well. The timer holds no thread: all timers share one
 * {@link TimerScheduler} ({@link TimerScheduler#shared()} unless another is given).
 * <p><b>Bounded queues.</b> A tick is dispatched from the scheduler's thread, which serves every timer
 * of that scheduler. If the controller has a bounded queue with {@code OverflowPolicy.BLOCK} and the
 * queue is full, that thread waits up to the controller's block timeout (and {@code setTiming} on this
 * timer waits with it); a refused tick is dropped with a warning and counted in {@link #missedTicks()}.
 * Give timed controllers with bounded queues {@code OverflowPolicy.FAIL}, or their own scheduler.
 * <p>A timer serves one controller; a controller may have many timers (give each its own name, and its
 * own event id if handlers must tell them apart). Every method may be called from any thread. After
 * {@code setTiming} returns, no tick of the old interval is dispatched any more.
 */
public final class Timer implements Adapter {

    private final String name;
    private final Object eventId;
    private final MissedTickPolicy policy;
    private final TimerScheduler scheduler;
    private final TickSchedule schedule;

    Timer(String name, Object eventId, MissedTickPolicy policy, TimerScheduler scheduler, Duration interval,
          long firstDelayNanos) {
        this.name = name;
        this.eventId = eventId;
        this.policy = policy;
        this.scheduler = scheduler;
        this.schedule = new TickSchedule(name, eventId, policy, scheduler, interval, firstDelayNanos);
    }

    /**
     * Starts building a timer.
     *
     * @return a builder
     */
    public static TimerBuilder builder() {
        return new TimerBuilder();
    }

    /**
     * A timer sending {@link SystemEvent#TIMING} every {@code interval}, with the default policy
     * ({@link MissedTickPolicy#FIRE_ONCE}) on the shared scheduler.
     *
     * @param interval the interval, &gt; 0
     * @return the timer, to install in a controller
     * @throws IllegalArgumentException if the interval is null, not positive or longer than 100 years
     */
    public static Timer every(Duration interval) {
        return builder().interval(Durations.checkedInterval("interval", interval)).build();
    }

    /**
     * The name, as given to the builder; default {@code "Timer"} for TIMING, {@code "Timer[<id>]"} for
     * another event id.
     *
     * @return the name
     */
    @Override
    public String name() {
        return name;
    }

    /**
     * The event id of the ticks.
     *
     * @return the event id
     */
    public Object eventId() {
        return eventId;
    }

    /**
     * The policy for late ticks.
     *
     * @return the policy
     */
    public MissedTickPolicy missedTickPolicy() {
        return policy;
    }

    /**
     * The scheduler the ticks come from.
     *
     * @return the scheduler
     */
    public TimerScheduler scheduler() {
        return scheduler;
    }

    /**
     * Changes the interval. The next tick comes one new interval after the last tick (or after now, if
     * the timer was stopped); if that time has passed already, the tick is late and the
     * {@link MissedTickPolicy} applies. Before the controller runs, it only sets the first interval.
     * After the controller closed it has no effect. Any thread.
     *
     * @param interval the new interval, &gt; 0, or {@code null} to stop the timer
     * @throws IllegalArgumentException if the interval is not positive or longer than 100 years
     * @throws RejectedExecutionException if the timer's scheduler was closed
     */
    public void setTiming(Duration interval) {
        schedule.setTiming(interval == null ? null : Durations.checkedInterval("interval", interval));
    }

    /**
     * The current interval.
     *
     * @return the interval, or {@code null} if the timer is stopped
     */
    public Duration timing() {
        return schedule.timing();
    }

    /**
     * The number of ticks dispatched so far.
     *
     * @return the count
     */
    public long ticks() {
        return schedule.ticks();
    }

    /**
     * The slots of the grid that passed without a tick of their own: collapsed or skipped by the
     * {@link MissedTickPolicy}, dropped during a suspension, or refused by a full queue. Always 0 for
     * {@link MissedTickPolicy#FIXED_DELAY} (it has no grid) except for refused ticks.
     *
     * @return the count
     */
    public long missedTicks() {
        return schedule.missedTicks();
    }

    /**
     * Whether the timer has stopped for good because its controller closed.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return schedule.isClosed();
    }

    /**
     * Binds the timer to the controller being built.
     *
     * @param context the adapter context
     * @throws IllegalStateException if the timer is installed in a controller already
     */
    @Override
    public void setup(AdapterContext context) {
        schedule.bind(context.processor());
    }

    /**
     * A timer may be installed into a running controller ({@code controller.adapters().install(timer)}:
     * its first tick is due one interval, or its first delay, after the install) and removed from it
     * ({@code uninstall(timer)}: it stops for good).
     *
     * @return {@code true}
     */
    @Override
    public boolean dynamic() {
        return true;
    }

    /** Stops the timer for good: it was uninstalled. */
    @Override
    public void removed(EventProcessor processor) {
        schedule.close();
    }

    /** Starts the schedule (unless the controller starts suspended). */
    @Override
    public void run(EventProcessor processor) {
        schedule.start();
    }

    /** Cancels the next tick. */
    @Override
    public void suspend(EventProcessor processor) {
        schedule.follow();
    }

    /** Schedules the next slot after now; the slots that passed are dropped. */
    @Override
    public void resume(EventProcessor processor) {
        schedule.follow();
    }

    /** Stops the timer for good. */
    @Override
    public void closing(EventProcessor processor) {
        schedule.close();
    }

    /** Stops the timer for good (for a controller that never ran, {@code closing} is not called). */
    @Override
    public void closed(EventProcessor processor) {
        schedule.close();
    }

    /**
     * The event id, the interval (or {@code stopped}, {@code closed}), the ticks and missed ticks.
     *
     * @return the facts, for pictures such as {@code Topology}
     */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("event", eventId);
        Duration t = timing();
        facts.put("every", isClosed() ? "closed" : t == null ? "stopped" : t);
        facts.put("ticks", ticks());
        facts.put("missed", missedTicks());
        return facts;
    }

    @Override
    public String toString() {
        return schedule.toString();
    }
}
