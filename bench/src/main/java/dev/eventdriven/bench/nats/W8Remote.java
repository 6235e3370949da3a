package dev.eventdriven.bench.nats;

import dev.eventdriven.Controller;
import dev.eventdriven.nats.NatsBridge;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The remote JVM of W8, one per contestant and member. {@code library}: a controller exposed as
 * {@code w8} with handlers {@code ev} (counts), {@code count} (returns the count), {@code echo}
 * (returns its value) and {@code sleep} (sleeps 1 ms). {@code raw}: one jnats dispatcher on
 * {@code raw.w8} (queue group {@code raw.w8}) doing the same by the payload's first byte
 * (0 event, 1 count, 2 echo, 3 sleep), replying with plain bytes. Prints {@code READY}; ends at the
 * end of its stdin.
 */
public final class W8Remote {

    private W8Remote() {
    }

    /**
     * Entry point.
     *
     * @param args server URL, {@code library} or {@code raw}
     * @throws Exception if it cannot connect
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String url = args[0];
        AutoCloseable running = args[1].equals("library") ? library(url) : raw(url);
        out.println("READY");
        while (System.in.read() >= 0) {
            // until the benchmark closes stdin
        }
        running.close();
    }

    private static AutoCloseable library(String url) {
        long[] count = new long[1];
        Controller remote = Controller.builder("w8")
                .on("ev", s -> {
                    count[0]++;
                })
                .on("count", s -> {
                    return count[0];
                })
                .on("echo", s -> {
                    return s.value();
                })
                .on("sleep", s -> {
                    sleepOneMilli();
                    return null;
                })
                .build();
        remote.run();
        NatsBridge bridge = NatsBridge.builder().servers(url).prefix("w8").build();
        bridge.expose("w8", remote);
        flush(bridge.connection());
        return () -> {
            bridge.close();
            remote.close();
        };
    }

    private static AutoCloseable raw(String url) throws Exception {
        Connection c = Nats.connect(url);
        long[] count = new long[1];
        Dispatcher d = c.createDispatcher(m -> {
            byte[] data = m.getData();
            switch (data[0]) {
                case 0 -> count[0]++;
                case 1 -> c.publish(m.getReplyTo(), Long.toString(count[0]).getBytes(StandardCharsets.US_ASCII));
                case 2 -> c.publish(m.getReplyTo(), data);
                default -> {
                    sleepOneMilli();
                    c.publish(m.getReplyTo(), data);
                }
            }
        });
        d.subscribe("raw.w8", "raw.w8");
        flush(c);
        return c::close;
    }

    private static void flush(Connection c) {
        try {
            c.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepOneMilli() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
