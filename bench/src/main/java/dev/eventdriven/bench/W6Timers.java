package dev.eventdriven.bench;

import dev.eventdriven.bench.timers.TickRecorder;
import dev.eventdriven.bench.timers.TickSource;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W6: many periodic timers for a window ({@code windowSeconds}, 10 s): 10,000 at 10 ms or 100,000 at
 * 100 ms ({@code load}), first deadlines spread over one interval. One invocation is one window; the
 * results are the secondary scores: {@code deliveredPpm} (ticks delivered per million due in the
 * window), {@code p50/p99/maxLatenessMicros} (handled minus due), {@code cpuMilliCores} (process CPU
 * time over the window per wall time, 1000 = one core). The primary score (seconds per window) only
 * says that the window ran. Every window checks that no slot got two ticks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1, time = 1, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 1, time = 1, timeUnit = TimeUnit.MILLISECONDS)
public class W6Timers {

    /** Timers and interval. */
    @Param({"10k@10ms", "100k@100ms"})
    public String load;

    /** The contestant (see {@link TickSource#start}). */
    @Param({"timer-thread", "timer-shared", "timerset-thread", "timerset-shared", "stpe", "hwt"})
    public String contestant;

    /** The controllers the library's ticks are spread over (the peers ignore it). */
    @Param({"1", "4"})
    public int controllers;

    /** The window, seconds. */
    @Param({"10"})
    public int windowSeconds;

    private TickRecorder recorder;
    private TickSource source;
    private long t0;
    private long windowNanos;

    /** What one window delivered (JMH secondary results, summed over the window's one invocation). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Window {
        /** Ticks delivered per million due. */
        public long deliveredPpm;
        /** Median lateness, µs. */
        public long p50LatenessMicros;
        /** 99th percentile lateness, µs. */
        public long p99LatenessMicros;
        /** Worst lateness, µs. */
        public long maxLatenessMicros;
        /** CPU over the window, thousandths of a core. */
        public long cpuMilliCores;

        /** Resets the counters for the next window. */
        @Setup(Level.Iteration)
        public void reset() {
            deliveredPpm = 0;
            p50LatenessMicros = 0;
            p99LatenessMicros = 0;
            maxLatenessMicros = 0;
            cpuMilliCores = 0;
        }
    }

    /** Builds the timers; the window starts once every timer is set up (a margin for 100,000 of them). */
    @Setup(Level.Iteration)
    public void start() {
        int timers = load.startsWith("100k") ? 100_000 : 10_000;
        long interval = TimeUnit.MILLISECONDS.toNanos(load.endsWith("100ms") ? 100 : 10);
        windowNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
        t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500 + timers / 25); // 0.9 s / 4.5 s of set-up
        recorder = new TickRecorder(timers, interval, t0, windowNanos);
        source = TickSource.start(contestant, recorder, timers, controllers);
    }

    /**
     * One window: waits for its start, measures CPU over it, waits one interval more for the last
     * ticks, stops the timers and reads the results.
     *
     * @param w where the results go
     */
    @Benchmark
    public void window(Window w) {
        sleepUntil(t0);
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        sleepUntil(t0 + windowNanos);
        long cpu = processCpuNanos() - cpu0;
        long wall = System.nanoTime() - wall0;
        sleepUntil(t0 + windowNanos + recorder.intervalNanos() + TimeUnit.MILLISECONDS.toNanos(50));
        source.close();
        recorder.verify();
        w.deliveredPpm = recorder.delivered() * 1_000_000 / Math.max(1, recorder.expected());
        w.p50LatenessMicros = recorder.latenessMicros(0.50);
        w.p99LatenessMicros = recorder.latenessMicros(0.99);
        w.maxLatenessMicros = recorder.latenessMicros(1.0);
        w.cpuMilliCores = cpu * 1000 / Math.max(1, wall);
    }

    /** Stops what a failed window left running. */
    @TearDown(Level.Iteration)
    public void stop() {
        source.close();
    }

    private static void sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
