package dev.eventdriven.bench;

import dev.eventdriven.Controller;
import dev.eventdriven.ExecutorGroup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * W7 (b): {@code n} (1,000,000) controllers on a shared executor group of 2 threads, within the
 * fork's 1 GiB heap: all started and idle at once, then each answers one request (all in flight at
 * once), then all shut down and the group ends. The score is the time of the whole; the secondary
 * results are {@code answered} (must be {@code n}: checked) and {@code heapMiBIdle}, the heap held
 * by the idle fleet after a full GC.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1, time = 1, timeUnit = TimeUnit.MILLISECONDS)
public class W7MillionControllers {

    /** How many controllers. */
    @Param({"1000000"})
    public int n;

    /** What the run did (JMH secondary results). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcome {
        /** Requests answered. */
        public long answered;
        /** Heap held by the idle fleet, MiB. */
        public long heapMiBIdle;

        /** Resets the counters. */
        @Setup(Level.Iteration)
        public void reset() {
            answered = 0;
            heapMiBIdle = 0;
        }
    }

    /**
     * Starts them, asks each once, stops them.
     *
     * @param o where the results go
     */
    @Benchmark
    public void startAskStop(Outcome o) {
        ExecutorGroup group = ExecutorGroup.builder("w7").size(2).daemon(true).build();
        long before = dev.eventdriven.bench.idle.IdleFleet.heapUsedAfterGc();
        Controller[] cs = new Controller[n];
        int started = 0;
        try {
            for (int i = 0; i < n; i++) {
                Controller c = Controller.builder("c" + i).executor(group).blockedLoopThreshold(Duration.ZERO)
                        .on("ping", s -> { return s.value(); }).build();
                c.run();
                cs[i] = c;
                started++;
            }
        } catch (OutOfMemoryError full) {
            int reached = started;
            java.util.Arrays.fill(cs, null); // let the fleet go, so that the failure can be reported
            throw new IllegalStateException("the heap was full after " + reached + " of " + n + " idle controllers",
                    full);
        }
        o.heapMiBIdle = (dev.eventdriven.bench.idle.IdleFleet.heapUsedAfterGc() - before) >> 20;
        LongAdder answered = new LongAdder();
        for (Controller c : cs) {
            c.request("ping", 1).thenRun(answered::increment);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (answered.sum() < n) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(answered.sum() + " of " + n + " answered within 120 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        o.answered = answered.sum();
        for (Controller c : cs) {
            c.shutdown();
        }
        group.shutdown();
        if (!group.awaitTermination(Duration.ofSeconds(120))) {
            throw new IllegalStateException(group.liveControllers() + " controllers still running after 120 s");
        }
        if (o.answered != n) {
            throw new IllegalStateException(o.answered + " answers (expected: " + n + ")");
        }
    }
}
