package dev.eventdriven.bench;

import dev.eventdriven.bench.contestant.EventSink;
import dev.eventdriven.bench.contestant.Tally;
import dev.eventdriven.bench.contestant.Values;
import java.util.concurrent.Semaphore;
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

/**
 * W2: as W1 with two producer threads. The benchmark thread sends the first half of each batch and
 * a second producer thread, released at the start of each invocation, sends the other half; the
 * benchmark thread then waits until the consumer has seen all {@value #N}. Every invocation checks
 * that each value arrived exactly once.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class W2TwoProducers {

    /** Events per invocation (both producers together). */
    public static final int N = 100_000;
    private static final int HALF = N / 2;
    private static final long BATCH_SUM = Values.sum(0, N);

    /** The contestant (see {@link EventSink#start}). */
    @Param({"controller", "tpe", "disruptor-blocking", "disruptor-yielding"})
    public String contestant;

    private Tally tally;
    private EventSink sink;
    private final Semaphore go = new Semaphore(0);
    private volatile boolean stopping;
    private volatile Throwable producerFailure;
    private Thread second;

    /** Starts the contestant and the second producer. */
    @Setup(Level.Trial)
    public void start() {
        tally = new Tally();
        sink = EventSink.start(contestant, tally, 2);
        second = new Thread(this::secondProducer, "bench-producer-2");
        second.setDaemon(true);
        second.start();
    }

    private void secondProducer() {
        for (;;) {
            go.acquireUninterruptibly();
            if (stopping) {
                return;
            }
            try {
                EventSink s = sink;
                for (int i = HALF; i < N; i++) {
                    s.send(Values.get(i));
                }
            } catch (Throwable t) {
                producerFailure = t;
                return;
            }
        }
    }

    /** Releases the second producer, sends the first half, waits until the whole batch was handled. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void dispatch() {
        Tally t = tally;
        EventSink s = sink;
        t.expect(N, BATCH_SUM);
        go.release();
        for (int i = 0; i < HALF; i++) {
            s.send(Values.get(i));
        }
        try {
            t.await();
        } catch (IllegalStateException e) {
            Throwable f = producerFailure;
            if (f != null) {
                e.addSuppressed(f);
            }
            throw e;
        }
    }

    /** Stops the second producer and the contestant, and checks that nothing arrived late or twice. */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        stopping = true;
        go.release();
        second.join(TimeUnit.SECONDS.toMillis(30));
        sink.close();
        tally.verify();
    }
}
