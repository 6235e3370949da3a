package dev.eventdriven.bench;

import dev.eventdriven.Pending;
import dev.eventdriven.bench.nats.NatsServerProcess;
import dev.eventdriven.bench.nats.RemoteJvm;
import dev.eventdriven.nats.NatsBridge;
import dev.eventdriven.nats.RemoteEndpoint;
import java.time.Duration;
import java.util.ArrayList;
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
 * W8c: a distributed pool — {@code members} JVMs exposing one name, each a controller whose handler
 * sleeps 1 ms — fed by one caller keeping 64 requests in flight: 1,000 tasks per invocation, tasks/s.
 * The target is 2 members ≥ 1.8× one.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class W8DistributedPool {

    /** Tasks per invocation. */
    public static final int TASKS = 1_000;
    /** Requests in flight. */
    public static final int WINDOW = 64;

    /** Member JVMs exposing the endpoint. */
    @Param({"1", "2"})
    public int members;

    private NatsServerProcess server;
    private final List<RemoteJvm> remotes = new ArrayList<>();
    private NatsBridge bridge;
    private RemoteEndpoint endpoint;

    /** Starts the server, the members and the caller's bridge. */
    @Setup
    public void start() {
        server = NatsServerProcess.start();
        for (int i = 0; i < members; i++) {
            remotes.add(RemoteJvm.start(server.url(), "library"));
        }
        bridge = NatsBridge.builder().servers(server.url()).prefix("w8").build();
        endpoint = bridge.remote("w8");
    }

    /** 1,000 one-millisecond tasks, 64 in flight. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(TASKS)
    public void tasks() {
        List<Pending<List<Object>>> pending = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            if (i >= WINDOW) {
                pending.get(i - WINDOW).await(Duration.ofSeconds(30));
            }
            pending.add(endpoint.request("sleep"));
        }
        for (int i = TASKS - WINDOW; i < TASKS; i++) {
            pending.get(i).await(Duration.ofSeconds(30));
        }
    }

    /** Stops everything the trial started. */
    @TearDown
    public void stop() {
        bridge.close();
        remotes.forEach(RemoteJvm::close);
        server.close();
    }
}
