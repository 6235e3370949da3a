package dev.eventdriven.nats;

import dev.eventdriven.pool.ControllerPool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A member JVM of a distributed pool, started by the tests: a 2-worker pool exposed under a name,
 * on core NATS or durably. Handlers: {@code double} (n → 2n), {@code sleep} (waits n ms, returns the
 * pid), {@code record} (publishes its value on a report subject, for the durable test to count).
 * Prints {@code READY <pid>} when exposed; ends at the end of its stdin.
 *
 * <p>Arguments: server URL, prefix, endpoint name, {@code core} or {@code durable}, report subject.
 */
public final class MemberMain {

    private MemberMain() {
    }

    /**
     * Entry point.
     *
     * @param args see the class comment
     * @throws Exception if it cannot connect or stdin fails
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        String url = args[0];
        String prefix = args[1];
        String name = args[2];
        boolean durable = args[3].equals("durable");
        String report = args.length > 4 ? args[4] : "report";
        long pid = ProcessHandle.current().pid();
        NatsBridge bridge = NatsBridge.builder().servers(url).prefix(prefix).name("member-" + pid).build();
        ControllerPool pool = ControllerPool.builder("member-" + pid).size(2)
                .on("double", Integer.class, n -> n * 2)
                .on("sleep", Integer.class, ms -> {
                    sleep(ms);
                    return pid;
                })
                .on("record", String.class, id -> {
                    bridge.connection().publish(report, id.getBytes(StandardCharsets.UTF_8));
                    return pid;
                })
                .build();
        pool.run();
        Exposure exposure = durable
                ? bridge.expose(name, pool, Durability.defaults().withAckWait(Duration.ofSeconds(2)))
                : bridge.expose(name, pool);
        bridge.connection().flush(Duration.ofSeconds(5));
        out.println("READY " + pid);
        InputStream in = System.in;
        while (in.read() >= 0) {
            // until the test closes stdin
        }
        exposure.close();
        pool.close();
        bridge.close();
    }

    /** The handler's work: takes {@code ms} milliseconds of wall time without using a core. */
    private static void sleep(int ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        for (long left; (left = end - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted(); ) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}
