package dev.eventdriven.timer;

import dev.eventdriven.SystemEvent;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.timer.internal.Durations;
import java.time.Duration;

/**
 * Builds a {@link Timer}. Each setter checks its argument at once. Not thread-safe; build on one
 * thread.
 * <pre>
 *   Timer heartbeat = Timer.builder().name("heartbeat").eventId("beat")
 *           .interval(Duration.ofSeconds(5)).missedTickPolicy(MissedTickPolicy.SKIP).build();
 * </pre>
 */
public final class TimerBuilder {

    private String name;
    private Object eventId = SystemEvent.TIMING;
    private Duration interval;
    private MissedTickPolicy policy = MissedTickPolicy.FIRE_ONCE;
    private TimerScheduler scheduler;
    private long firstDelayNanos = -1;

    TimerBuilder() {
    }

    /**
     * The adapter name the timer is found by. Default: {@code "Timer"} for TIMING ticks,
     * {@code "Timer[<eventId>]"} otherwise.
     *
     * @param name the name, not blank
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public TimerBuilder name(String name) {
        this.name = Checks.name(name);
        return this;
    }

    /**
     * The event id of the ticks. Default: {@link SystemEvent#TIMING}.
     *
     * @param eventId the id, not null and not a hook (BEFORE, AFTER, OTHER)
     * @return this builder
     * @throws IllegalArgumentException if null or a hook
     */
    public TimerBuilder eventId(Object eventId) {
        this.eventId = Checks.eventId(eventId);
        return this;
    }

    /**
     * The first interval. Default: none, the timer starts stopped until {@link Timer#setTiming}.
     *
     * @param interval the interval, &gt; 0, or {@code null} for a stopped timer
     * @return this builder
     * @throws IllegalArgumentException if not positive or longer than 100 years
     */
    public TimerBuilder interval(Duration interval) {
        this.interval = interval == null ? null : Durations.checkedInterval("interval", interval);
        return this;
    }

    /**
     * When the first tick is due, counted from {@code run()} (or from the install, for a timer
     * installed into a running controller); the ticks after it follow every interval from there.
     * Default: one interval. {@link Duration#ZERO} ticks at once; spreading the first delays of many
     * timers of the same interval over that interval (a phase) keeps their ticks from coming in one
     * burst.
     *
     * @param delay the delay, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if null, negative or longer than 100 years
     */
    public TimerBuilder firstDelay(Duration delay) {
        this.firstDelayNanos = Durations.delayNanos("firstDelay", delay);
        return this;
    }

    /**
     * What to do with late ticks. Default: {@link MissedTickPolicy#FIRE_ONCE}.
     *
     * @param policy the policy, not null
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public TimerBuilder missedTickPolicy(MissedTickPolicy policy) {
        this.policy = Checks.notNull("missedTickPolicy", policy);
        return this;
    }

    /**
     * The scheduler of the ticks. Default: {@link TimerScheduler#shared()}. Tests give a
     * {@link VirtualTimeScheduler}.
     *
     * @param scheduler the scheduler, not null
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public TimerBuilder scheduler(TimerScheduler scheduler) {
        this.scheduler = Checks.notNull("scheduler", scheduler);
        return this;
    }

    /**
     * Builds the timer, to install in one controller ({@code ControllerBuilder.adapter(timer)}).
     *
     * @return the timer
     */
    public Timer build() {
        String n = name != null ? name : eventId == SystemEvent.TIMING ? "Timer" : "Timer[" + eventId + "]";
        return new Timer(n, eventId, policy, scheduler != null ? scheduler : TimerScheduler.shared(), interval,
                firstDelayNanos);
    }
}
