package dev.eventdriven.bench;

import dev.eventdriven.Pending;
import dev.eventdriven.bench.contestant.Values;
import dev.eventdriven.bench.nats.NatsServerProcess;
import dev.eventdriven.bench.nats.RemoteJvm;
import dev.eventdriven.nats.NatsBridge;
import dev.eventdriven.nats.RemoteEndpoint;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
 * W8a and W8b: a caller and a remote controller in two JVMs, over a nats-server on loopback that
 * the trial starts itself. (a) {@link #fireAndForget}: 10,000 events per invocation, then a count
 * request that must report every event received (events/s, end to end); (b) {@link #roundTrip}: one
 * request at a time, waited for (µs). Contestants: {@code library} (a {@link NatsBridge} remote
 * endpoint into a controller exposed by a bridge) and {@code raw} (plain jnats publish → subscribe
 * and request → reply of payloads of the same size, 24 bytes, as the library's encoded messages).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class W8RemoteEvents {

    /** Events per invocation of {@link #fireAndForget}. */
    public static final int EVENTS = 10_000;
    private static final int PAYLOAD = 24;

    /** The contestant: {@code library} or {@code raw}. */
    @Param({"library", "raw"})
    public String contestant;

    private NatsServerProcess server;
    private RemoteJvm remote;
    private NatsBridge bridge;
    private RemoteEndpoint endpoint;
    private Connection raw;
    private long sent;
    private int next;
    private final byte[] event = payload(0);
    private final byte[] count = payload(1);
    private final byte[] echo = payload(2);

    private static byte[] payload(int kind) {
        byte[] b = new byte[PAYLOAD];
        b[0] = (byte) kind;
        return b;
    }

    /** Starts the server, the remote JVM and the caller's client. */
    @Setup
    public void start() throws Exception {
        server = NatsServerProcess.start();
        remote = RemoteJvm.start(server.url(), contestant);
        if (contestant.equals("library")) {
            bridge = NatsBridge.builder().servers(server.url()).prefix("w8").build();
            endpoint = bridge.remote("w8");
        } else {
            raw = Nats.connect(server.url());
        }
    }

    /** 10,000 events, then the remote's count, which must be every event sent. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public void fireAndForget() throws Exception {
        long counted;
        if (endpoint != null) {
            for (int i = 0; i < EVENTS; i++) {
                endpoint.dispatch("ev", Values.get(next++));
            }
            Pending<Long> n = endpoint.request("count", null, Long.class);
            counted = n.await(Duration.ofSeconds(60));
        } else {
            for (int i = 0; i < EVENTS; i++) {
                event[1] = (byte) next++;
                raw.publish("raw.w8", event);
            }
            Message m = raw.request("raw.w8", count, Duration.ofSeconds(60));
            counted = Long.parseLong(new String(m.getData(), StandardCharsets.US_ASCII));
        }
        sent += EVENTS;
        if (counted != sent) {
            throw new IllegalStateException("remote counted " + counted + " of " + sent + " events");
        }
    }

    /**
     * One request, waited for and checked.
     *
     * @return the answer
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object roundTrip() throws Exception {
        if (endpoint != null) {
            Integer v = Values.get(next++);
            List<Object> answer = endpoint.request("echo", v).await(Duration.ofSeconds(10));
            if (!v.equals(answer.get(0))) {
                throw new IllegalStateException("answer " + answer + " to " + v);
            }
            return answer;
        }
        echo[1] = (byte) next++;
        Message m = raw.request("raw.w8", echo, Duration.ofSeconds(10));
        if (m == null || m.getData().length != PAYLOAD || m.getData()[1] != echo[1]) {
            throw new IllegalStateException("wrong echo");
        }
        return m;
    }

    /** Stops everything the trial started. */
    @TearDown
    public void stop() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        if (raw != null) {
            raw.close();
        }
        remote.close();
        server.close();
    }
}
