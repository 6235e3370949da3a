package dev.eventdriven.timer;

import dev.eventdriven.internal.Checks;
import dev.eventdriven.timer.internal.Durations;
import dev.eventdriven.timer.internal.ThreadTimerScheduler;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a {@link TimerScheduler} with a thread of its own. Not thread-safe; build on one thread.
 * <pre>
 *   try (TimerScheduler timers = TimerScheduler.builder("app-timers")
 *           .threadFactory(Thread.ofVirtual().factory())   // Java 21+
 *           .keepAlive(Duration.ZERO).build()) {
 *       ...
 *   }
 * </pre>
 */
public final class TimerSchedulerBuilder {

    private final String name;
    private ThreadFactory threadFactory = ThreadTimerScheduler::daemonThread;
    private Duration keepAlive = Duration.ofSeconds(1);

    TimerSchedulerBuilder(String name) {
        this.name = Checks.name(name);
    }

    /**
     * The factory of the scheduler's thread; the scheduler names the thread after itself. Default:
     * daemon platform threads.
     *
     * @param factory the factory, not null
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public TimerSchedulerBuilder threadFactory(ThreadFactory factory) {
        this.threadFactory = Checks.notNull("threadFactory", factory);
        return this;
    }

    /**
     * How long the thread waits with nothing scheduled before it ends (a new schedule starts a new
     * one). Default: one second.
     *
     * @param keepAlive the time, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if null, negative or longer than 100 years
     */
    public TimerSchedulerBuilder keepAlive(Duration keepAlive) {
        Durations.delayNanos("keepAlive", keepAlive);
        this.keepAlive = keepAlive;
        return this;
    }

    /**
     * Builds the scheduler. Its thread starts with the first schedule.
     *
     * @return a scheduler to {@link TimerScheduler#close() close} when done
     */
    public TimerScheduler build() {
        return new ThreadTimerScheduler(name, threadFactory, keepAlive.toNanos(), true);
    }
}
