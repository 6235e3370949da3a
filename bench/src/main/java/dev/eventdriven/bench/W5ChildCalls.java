package dev.eventdriven.bench;

import dev.eventdriven.bench.contestant.Values;
import dev.eventdriven.bench.subprocess.ChildCaller;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

/**
 * W5: parent to child JVM over stdio. (a) {@link #roundTrip}: one call at a time, µs per round trip
 * (mean and percentiles); (b) {@link #pipelined}: 10,000 calls in flight, calls/s; (c) {@link #bulk}:
 * 1,000 requests of 1 MiB byte arrays in flight, calls/s (× 1 MiB = MiB/s each way). Each answer must
 * be the value sent (same object after decoding: equal; for (c) same length and bytes), or the run
 * fails.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"}) // the children too: see ChildCaller
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class W5ChildCalls {

    /** Calls in flight per invocation of {@link #pipelined}. */
    public static final int IN_FLIGHT = 10_000;

    /** The contestant: {@code subprocess} (this library) or {@code raw-echo} (the floor). */
    @Param({"subprocess", "raw-echo"})
    public String contestant;

    private ChildCaller caller;
    private int next;
    private final CompletableFuture<?>[] inFlight = new CompletableFuture<?>[IN_FLIGHT];
    private final Integer[] sent = new Integer[IN_FLIGHT];

    /** Starts the contestant's child. */
    @Setup
    public void start() {
        caller = ChildCaller.start(contestant);
    }

    /**
     * One call, waited for.
     *
     * @return the answer
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object roundTrip() {
        Integer v = Values.get(next++);
        Object answer = caller.call(v).join();
        if (!v.equals(answer)) {
            throw new IllegalStateException("answer " + answer + " to " + v);
        }
        return answer;
    }

    /** 10,000 calls sent, then every answer waited for and checked. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(IN_FLIGHT)
    public void pipelined() {
        for (int i = 0; i < IN_FLIGHT; i++) {
            Integer v = Values.get(next++);
            sent[i] = v;
            inFlight[i] = caller.call(v);
        }
        for (int i = 0; i < IN_FLIGHT; i++) {
            Object answer = inFlight[i].join();
            if (!sent[i].equals(answer)) {
                throw new IllegalStateException("answer " + answer + " to " + sent[i]);
            }
            inFlight[i] = null;
        }
    }

    /** W5c: requests per invocation of {@link #bulk}. */
    public static final int BULK_CALLS = 1_000;
    /** W5c: bytes per request. */
    public static final int BULK_BYTES = 1 << 20;

    private final byte[] payload = payload();

    private static byte[] payload() {
        byte[] b = new byte[BULK_BYTES];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    /** 1,000 byte arrays of 1 MiB sent, then every echo waited for and checked. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BULK_CALLS)
    public void bulk() {
        CompletableFuture<?>[] echoes = new CompletableFuture<?>[BULK_CALLS];
        for (int i = 0; i < BULK_CALLS; i++) {
            echoes[i] = caller.callBytes(payload);
        }
        for (CompletableFuture<?> e : echoes) {
            if (!Integer.valueOf(BULK_BYTES).equals(e.join())) {
                throw new IllegalStateException("echo of the wrong size: " + e.join());
            }
        }
    }

    /** Stops the child. */
    @TearDown
    public void stop() {
        caller.close();
    }
}
