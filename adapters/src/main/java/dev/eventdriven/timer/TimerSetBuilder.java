package dev.eventdriven.timer;

import dev.eventdriven.internal.Checks;
import dev.eventdriven.timer.internal.Durations;
import java.time.Duration;

/**
 * Builds a {@link TimerSet}. Each setter checks its argument at once. Not thread-safe; build on one
 * thread.
 * <pre>
 *   TimerSet polls = TimerSet.builder().name("polls").resolution(Duration.ofMillis(2)).build();
 * </pre>
 */
public final class TimerSetBuilder {

    private static final Duration MAX_RESOLUTION = Duration.ofSeconds(1);

    private String name = "TimerSet";
    private TimerScheduler scheduler;
    private long resolutionNanos = TimerSet.DEFAULT_RESOLUTION.toNanos();

    TimerSetBuilder() {
    }

    /**
     * The adapter name the set is found by. Default: {@code "TimerSet"}.
     *
     * @param name the name, not blank
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public TimerSetBuilder name(String name) {
        this.name = Checks.name(name);
        return this;
    }

    /**
     * The scheduler the set's wake-ups come from. Default: {@link TimerScheduler#shared()}; a
     * {@link VirtualTimeScheduler} in tests.
     *
     * @param scheduler the scheduler, not null
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public TimerSetBuilder scheduler(TimerScheduler scheduler) {
        this.scheduler = Checks.notNull("scheduler", scheduler);
        return this;
    }

    /**
     * How close together two wake-ups of the set may be: after a wake-up, the next one comes at the
     * next deadline, but no sooner than {@code resolution} later, and takes every tick due by then in
     * one batch. So a tick may be late by up to the resolution (never early), and a set wakes its
     * controller at most once per resolution however many timers it holds. {@link Duration#ZERO}: a
     * wake-up at every deadline (what the set did before it had a resolution). Default: 1 ms
     * ({@link TimerSet#DEFAULT_RESOLUTION}).
     *
     * @param resolution the resolution, &gt;= 0 and at most one second
     * @return this builder
     * @throws IllegalArgumentException if null, negative or longer than one second
     */
    public TimerSetBuilder resolution(Duration resolution) {
        long nanos = Durations.delayNanos("resolution", resolution);
        if (resolution.compareTo(MAX_RESOLUTION) > 0) {
            throw new IllegalArgumentException(Checks.message("resolution", resolution, "<= PT1S"));
        }
        this.resolutionNanos = nanos;
        return this;
    }

    /**
     * Builds the set, to install in one controller.
     *
     * @return the set
     */
    public TimerSet build() {
        return new TimerSet(name, scheduler != null ? scheduler : TimerScheduler.shared(), resolutionNanos);
    }
}
