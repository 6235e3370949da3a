package dev.eventdriven.bench;

import dev.eventdriven.bench.contestant.EventSink;
import dev.eventdriven.bench.contestant.FlightRecorderOption;
import dev.eventdriven.bench.contestant.Tally;
import dev.eventdriven.bench.contestant.Values;
import java.io.IOException;
import java.text.ParseException;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
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

/**
 * W1: one producer thread (the benchmark thread) sends {@value #N} values fire-and-forget to one
 * consumer and waits until the consumer has seen all of them; the score is end-to-end events/s.
 * Every invocation checks that each value arrived exactly once (count and sum).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class W1SingleProducer {

    /** Events per invocation. */
    public static final int N = 100_000;
    private static final long BATCH_SUM = Values.sum(0, N);

    /** The contestant (see {@link EventSink#start}). */
    @Param({"controller", "controller-shared", "tpe", "disruptor-blocking", "disruptor-yielding"})
    public String contestant;

    /**
     * Flight Recorder during the trial: {@code none} (no recording: the library's emission points
     * cost one flag read), {@code default} (a recording with the JDK's default settings, where the
     * library's EventHandled has its 10 ms threshold), {@code handled-all} (default settings and every
     * EventHandled committed: the upper bound). Measure the JFR cost with
     * {@code -p contestant=controller -p jfr=none,default,handled-all}.
     */
    @Param({"none"})
    public String jfr;

    private Tally tally;
    private EventSink sink;
    private Recording recording;

    /** Starts the recording (if any) and the contestant. */
    @Setup(Level.Trial)
    public void start() throws IOException, ParseException {
        recording = FlightRecorderOption.start(jfr);
        tally = new Tally();
        sink = EventSink.start(contestant, tally, 1);
    }

    /** Sends a batch and waits until all of it was handled. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void dispatch() {
        Tally t = tally;
        EventSink s = sink;
        t.expect(N, BATCH_SUM);
        for (int i = 0; i < N; i++) {
            s.send(Values.get(i));
        }
        t.await();
    }

    /** Stops the contestant (after it drained) and checks that nothing arrived late or twice. */
    @TearDown(Level.Trial)
    public void stop() {
        sink.close();
        tally.verify();
        if (recording != null) {
            recording.close();
        }
    }
}
