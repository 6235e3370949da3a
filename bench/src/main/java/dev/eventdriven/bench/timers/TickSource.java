package dev.eventdriven.bench.timers;

/**
 * A W6 contestant: runs the recorder's timers (timer j first due at {@code firstDue(j)}, then every
 * interval) until closed, each tick ending in {@code recorder.tick(j, System.nanoTime())} where that
 * contestant handles it: on a controller's loop for this library (a tick is a controller event), on
 * the timer's own thread for the peers (how their users run timer work).
 */
public interface TickSource extends AutoCloseable {

    /** Stops every timer and waits for the threads to end. */
    @Override
    void close();

    /**
     * Starts a contestant by name.
     *
     * @param name {@code timer-thread}, {@code timer-shared}, {@code timerset-thread},
     *     {@code timerset-shared}, {@code stpe} or {@code hwt}
     * @param recorder the timers' grids and what they deliver
     * @param timers the number of timers
     * @param controllers the controllers the ticks are spread over (library contestants)
     * @return the running contestant
     */
    static TickSource start(String name, TickRecorder recorder, int timers, int controllers) {
        return switch (name) {
            case "timer-thread" -> new LibraryTicks(recorder, timers, controllers, false, false);
            case "timer-shared" -> new LibraryTicks(recorder, timers, controllers, true, false);
            case "timerset-thread" -> new LibraryTicks(recorder, timers, controllers, false, true);
            case "timerset-shared" -> new LibraryTicks(recorder, timers, controllers, true, true);
            case "stpe" -> new ExecutorTicks(recorder, timers);
            case "hwt" -> new WheelTicks(recorder, timers);
            default -> throw new IllegalArgumentException("contestant: " + name + " (expected: timer-thread,"
                    + " timer-shared, timerset-thread, timerset-shared, stpe or hwt)");
        };
    }

    /**
     * The delay from now to a deadline, never negative.
     *
     * @param deadline nanoTime
     * @return the delay, nanoseconds
     */
    static long delayTo(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
