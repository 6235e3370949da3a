package dev.eventdriven.bench;

import dev.eventdriven.bench.contestant.RequestReply;
import dev.eventdriven.bench.contestant.Tally;
import dev.eventdriven.bench.contestant.Values;
import java.util.concurrent.TimeUnit;
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
 * W3: one caller sends a value with a result and blocks until the reply is back; the score is the
 * round-trip time distribution (mean, p50, p99). Each reply must be the value sent, and every
 * iteration checks that the consumer saw each value exactly once.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class W3RequestLatency {

    /** The contestant (see {@link RequestReply#start}). */
    @Param({"controller", "controller-shared", "submit-get", "supply-async-join"})
    public String contestant;

    private Tally tally;
    private RequestReply contestantImpl;
    private int next;

    /** Starts the contestant. */
    @Setup(Level.Trial)
    public void start() {
        tally = new Tally();
        contestantImpl = RequestReply.start(contestant, tally);
    }

    /**
     * One round trip.
     *
     * @return the reply
     * @throws Exception what the contestant's wait throws
     */
    @Benchmark
    public Object request() throws Exception {
        Integer v = Values.get(next++);
        Object reply = contestantImpl.call(v);
        if (reply != v) {
            throw new IllegalStateException("reply " + reply + " to request " + v);
        }
        tally.expectReplied(v);
        return reply;
    }

    /** Checks that the consumer saw every value of the iteration exactly once. */
    @TearDown(Level.Iteration)
    public void verify() {
        tally.verify();
    }

    /** Stops the contestant. */
    @TearDown(Level.Trial)
    public void stop() {
        contestantImpl.close();
        tally.verify();
    }
}
