package dev.eventdriven.bench;

import dev.eventdriven.bench.idle.IdleFleet;
import java.util.concurrent.TimeUnit;
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
 * W7: idle controllers per GiB of heap. Starts {@code count} idle controllers (or Pekko typed actors)
 * of one {@code kind}, or as many as fit below 85% of the heap, and measures the heap they hold after a
 * full GC: {@code bytesPerIdle} and {@code idlePerGiB} (secondary results), {@code created}. Kinds:
 * {@code platform} (a loop thread each), {@code virtual} (a virtual loop thread each; JDK 21+),
 * {@code shared} (on a shared executor group of 2 threads: no thread each), {@code pekko} (idle Pekko
 * typed actors on the default dispatcher). Every trial checks that each one answers a request
 * before it is stopped ({@code pekko}: that each was spawned).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1, time = 1, timeUnit = TimeUnit.MILLISECONDS)
public class W7IdleControllers {

    /** What is kept idle. */
    @Param({"platform", "virtual", "shared", "pekko"})
    public String kind;

    /** How many to start; 0: the kind's default (platform 20,000, virtual 300,000, others 2,000,000). */
    @Param({"0"})
    public int count;

    private IdleFleet fleet;

    /** What the fleet holds (JMH secondary results). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Footprint {
        /** Started and idle. */
        public long created;
        /** Heap held per idle one, bytes. */
        public long bytesPerIdle;
        /** How many would fit in 1 GiB of heap at that size. */
        public long idlePerGiB;

        /** Resets the counters. */
        @Setup(Level.Iteration)
        public void reset() {
            created = 0;
            bytesPerIdle = 0;
            idlePerGiB = 0;
        }
    }

    /** Prepares the kind (its group or actor system). */
    @Setup(Level.Iteration)
    public void start() {
        int n = count != 0 ? count : switch (kind) {
            case "platform" -> 20_000;
            case "virtual" -> 300_000;
            default -> 2_000_000;
        };
        fleet = IdleFleet.of(kind, n);
    }

    /**
     * Starts the fleet and measures it.
     *
     * @param f where the results go
     */
    @Benchmark
    public void fill(Footprint f) {
        long before = IdleFleet.heapUsedAfterGc();
        int created = fleet.fill(0.85);
        long held = IdleFleet.heapUsedAfterGc() - before;
        f.created = created;
        f.bytesPerIdle = held / Math.max(1, created);
        f.idlePerGiB = f.bytesPerIdle == 0 ? 0 : (1L << 30) / f.bytesPerIdle;
    }

    /** Checks that every one answers, then stops them all. */
    @TearDown(Level.Iteration)
    public void stop() {
        fleet.verifyAndStop();
    }
}
