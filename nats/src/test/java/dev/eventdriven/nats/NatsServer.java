package dev.eventdriven.nats;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real nats-server on a free loopback port, with JetStream on a temporary store, started and
 * stopped by the test (kill -9 included); several make a cluster. A missing binary fails the test,
 * saying how to install it.
 */
final class NatsServer implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"),
            Path.of("/usr/local/bin"), Path.of("/usr/local/sbin"));

    private final String name;
    private final int port;
    private final int clusterPort;
    private final List<Integer> routes;
    private final List<String> extra;
    private final Path store;
    private final Path log;
    private Process process;

    private NatsServer(String name, int port, int clusterPort, List<Integer> routes, List<String> extra) {
        this.name = name;
        this.port = port;
        this.clusterPort = clusterPort;
        this.routes = routes;
        this.extra = extra;
        try {
            this.store = Files.createTempDirectory("nats-" + name + "-");
            this.log = store.resolve("server.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nats-server binary: on the PATH or in the usual places. */
    static Path binary() {
        List<Path> dirs = new ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) {
                dirs.add(Path.of(d));
            }
        }
        dirs.addAll(PLACES);
        for (Path d : dirs) {
            Path p = d.resolve("nats-server");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError("nats-server not found on the PATH nor in " + PLACES + ": these tests need a real"
                + " server. Install it with `apt-get install -y nats-server` (Debian's package; .ci/run does this).");
    }

    /** Starts one server with JetStream, and the given extra server options. */
    static NatsServer start(String... options) {
        NatsServer s = new NatsServer("single", freePort(), 0, List.of(), List.of(options));
        s.launch();
        return s;
    }

    /** Starts a cluster of {@code n} servers routed to each other. */
    static List<NatsServer> cluster(int n) {
        List<Integer> clusterPorts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clusterPorts.add(freePort());
        }
        List<NatsServer> servers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            servers.add(new NatsServer("node" + i, freePort(), clusterPorts.get(i), clusterPorts, List.of()));
        }
        servers.forEach(NatsServer::launch);
        return servers;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(binary().toString(), "-a", "127.0.0.1", "-p",
                String.valueOf(port), "-n", name, "-js", "-sd", store.toString()));
        command.addAll(extra);
        if (clusterPort != 0) {
            StringBuilder r = new StringBuilder();
            for (int p : routes) {
                if (p != clusterPort) {
                    r.append(r.length() == 0 ? "" : ",").append("nats://127.0.0.1:").append(p);
                }
            }
            command.addAll(List.of("--cluster_name", "edtest", "--cluster", "nats://127.0.0.1:" + clusterPort,
                    "--routes", r.toString()));
        }
        try {
            Files.deleteIfExists(log);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("nats-server " + name + " ready").atMost(Duration.ofSeconds(20)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("nats-server " + name + " exited " + process.exitValue() + ":\n" + logText());
            }
            return logText().contains("Server is ready");
        });
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The client URL. */
    String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** kill -9. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts again on the same port and store. */
    void restart() {
        launch();
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
        try (Stream<Path> files = Files.walk(store)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
