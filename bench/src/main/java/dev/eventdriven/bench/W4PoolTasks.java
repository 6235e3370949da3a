package dev.eventdriven.bench;

import dev.eventdriven.bench.contestant.DirectHalves;
import dev.eventdriven.bench.contestant.SharedTally;
import dev.eventdriven.bench.contestant.TaskRunner;
import dev.eventdriven.bench.contestant.Values;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * W4: the benchmark thread hands {@value #N} tasks of about 1 µs of busy work to two workers and
 * waits until all have run; the score is tasks/s. Every invocation checks that each task ran exactly
 * once (count and sum of the values the tasks carry). The {@code direct} contestant hands nothing
 * over: two threads make and run half of the tasks each ({@link DirectHalves}), the bound of what
 * any two-worker executor can score here.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class W4PoolTasks {

    /** Tasks per invocation. */
    public static final int N = 100_000;
    /** {@link Blackhole#consumeCPU} tokens of one task: about 1 µs on the project machine (1.85 ns per token, see README). */
    public static final long WORK_TOKENS = 540;
    private static final long BATCH_SUM = Values.sum(0, N);

    /** The contestant (see {@link TaskRunner#start}), or {@code direct} (see {@link DirectHalves}). */
    @Param({"pool", "tpe", "fjp", "direct"})
    public String contestant;

    private SharedTally tally;
    private TaskRunner runner;
    private DirectHalves direct;

    /** Starts the contestant. */
    @Setup(Level.Trial)
    public void start() {
        tally = new SharedTally();
        if (contestant.equals("direct")) {
            direct = new DirectHalves();
        } else {
            runner = TaskRunner.start(contestant);
        }
    }

    /** Hands over a batch of tasks (or, {@code direct}, runs them) and waits until all have run. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void execute() {
        SharedTally t = tally;
        t.expect(N, BATCH_SUM);
        if (direct != null) {
            direct.runHalves(N, i -> task(t, Values.get(i)).run());
        } else {
            TaskRunner r = runner;
            for (int i = 0; i < N; i++) {
                r.execute(task(t, Values.get(i)));
            }
        }
        t.await();
    }

    /** One task: about 1 µs of work, then its value into the tally. */
    private static Runnable task(SharedTally t, Integer v) {
        return () -> {
            Blackhole.consumeCPU(WORK_TOKENS);
            t.add(v);
        };
    }

    /** Stops the contestant (after it ran everything) and checks that nothing ran late or twice. */
    @TearDown(Level.Trial)
    public void stop() {
        if (direct != null) {
            direct.close();
        } else {
            runner.close();
        }
        tally.verify();
    }
}
