package dev.eventdriven.bench.nats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A nats-server on a free loopback port, started and stopped by a benchmark trial. */
public final class NatsServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private NatsServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a server (core NATS, no JetStream) and waits until it is ready.
     *
     * @return the server
     */
    public static NatsServerProcess start() {
        Path binary = List.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server").stream()
                .map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("nats-server not found: install it with"
                        + " `apt-get install -y nats-server`"));
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = Files.createTempFile("w8-nats-", ".log");
            Process p = new ProcessBuilder(binary.toString(), "-a", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!Files.readString(log).contains("Server is ready")) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("nats-server did not start: " + Files.readString(log));
                }
                Thread.onSpinWait();
            }
            return new NatsServerProcess(p, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The client URL.
     *
     * @return {@code nats://127.0.0.1:port}
     */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temp file left behind
        }
    }
}
