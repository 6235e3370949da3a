package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.nats.NatsBridge;
import dev.eventdriven.nats.RemoteEndpoint;
import dev.eventdriven.pool.ControllerPool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * The typical set-up across processes, over NATS: a console JVM (this one), two worker JVMs forming
 * a distributed pool under the name {@code work}, and a statistics JVM listening to the console's
 * {@code done} events. This main starts a local nats-server and the three other JVMs, sends 20
 * orders to the pool, reports each priced order as a {@code done} event, asks the statistics JVM for
 * its totals, and stops everything.
 *
 * <pre>
 *   console ──request "price"──▶ NATS ──▶ worker JVM 1 | worker JVM 2   (one of them per order)
 *      │ dispatch "done" (shared)
 *      └──────────────────────────▶ NATS ──▶ statistics JVM: listens to "console", answers "report"
 * </pre>
 */
public final class AcrossMachinesExample {

    private AcrossMachinesExample() {
    }

    /** An order: the value of the {@code price} event. */
    public record Order(String item, int quantity) {
    }

    /** A priced order, the result of {@code price} and the value of {@code done}. */
    public record Priced(String item, int cents, long workerPid) {
    }

    /**
     * Runs the console side, starting the server and the other JVMs.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        Optional<Path> binary = natsServer();
        if (binary.isEmpty()) {
            out.println("nats-server is not installed: install it with `apt-get install -y nats-server`"
                    + " (Debian's package), then run this example again.");
            return;
        }
        List<Process> processes = new ArrayList<>();
        try {
            int port = freePort();
            String url = "nats://127.0.0.1:" + port;
            processes.add(startServer(binary.get(), port));
            processes.add(startJvm("worker", url));
            processes.add(startJvm("worker", url));
            processes.add(startJvm("stats", url));
            console(url, out);
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                try {
                    p.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void console(String url, PrintStream out) {
        try (NatsBridge bridge = NatsBridge.builder().servers(url).prefix("shop").build();
             Controller console = Controller.builder("console")
                     .on("done", Priced.class, p -> out.println("done: " + p.item() + " " + p.cents() + " cents"))
                     .build()) {
            console.run();
            bridge.share(console, List.of("done"));
            RemoteEndpoint work = bridge.remote("work");
            List<Long> pids = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                Priced priced = work.request("price", new Order(i % 2 == 0 ? "pen" : "ink", i), Priced.class)
                        .await(Duration.ofSeconds(10));
                pids.add(priced.workerPid());
                console.dispatch("done", priced);
            }
            console.awaitDrained(Duration.ofSeconds(10));
            out.println("worker JVMs that priced orders: " + pids.stream().distinct().count());
            RemoteEndpoint stats = bridge.remote("stats");
            // The stats JVM counts what it was forwarded; wait until it saw all 20.
            Map<?, ?> totals;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            do {
                totals = stats.request("report", null, Map.class).await(Duration.ofSeconds(10));
            } while (!totals.get("orders").equals(20) && System.nanoTime() < deadline);
            out.println("statistics JVM: " + totals);
        }
    }

    /** A worker JVM: a pool of two exposed as {@code work}. */
    private static void worker(String url) throws InterruptedException {
        long pid = ProcessHandle.current().pid();
        try (NatsBridge bridge = NatsBridge.builder().servers(url).prefix("shop").build();
             ControllerPool pool = ControllerPool.builder("worker-" + pid).size(2)
                     .on("price", Order.class, o -> {
                         return new Priced(o.item(), o.quantity() * (o.item().equals("pen") ? 150 : 90), pid);
                     })
                     .build()) {
            pool.run();
            bridge.expose("work", pool);
            ready(bridge);
            new CountDownLatch(1).await(); // until destroyed
        }
    }

    /** The statistics JVM: listens to the console's {@code done} events, answers {@code report}. */
    private static void stats(String url) throws InterruptedException {
        Map<String, Integer> centsPerItem = new TreeMap<>();
        int[] orders = new int[1];
        try (NatsBridge bridge = NatsBridge.builder().servers(url).prefix("shop").build();
             Controller stats = Controller.builder("stats")
                     .on("done", ForwardingPacket.class, p -> {
                         Priced priced = (Priced) p.value();
                         centsPerItem.merge(priced.item(), priced.cents(), Integer::sum);
                         orders[0]++;
                     })
                     .on("report", s -> {
                         return new TreeMap<>(Map.of("orders", orders[0], "cents", new TreeMap<>(centsPerItem)));
                     })
                     .build()) {
            stats.run();
            stats.listen(bridge.source("console"), List.of("done"), "statistics");
            bridge.expose("stats", stats);
            ready(bridge);
            new CountDownLatch(1).await();
        }
    }

    private static void ready(NatsBridge bridge) {
        try {
            bridge.connection().flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        stdout.println("READY");
    }

    static Optional<Path> natsServer() {
        List<Path> places = new ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) {
                places.add(Path.of(d, "nats-server"));
            }
        }
        places.add(Path.of("/usr/sbin/nats-server"));
        places.add(Path.of("/usr/local/bin/nats-server"));
        return places.stream().filter(Files::isExecutable).findFirst();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process startServer(Path binary, int port) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "-a", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).start();
            awaitLine(p, "Server is ready");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process startJvm(String role, String url) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process p = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    AcrossMachinesExample.class.getName(), role, url)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            awaitLine(p, "READY");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitLine(Process p, String text) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.contains(text)) {
                // Keep draining what it prints, so that a full pipe never blocks it.
                Thread drain = new Thread(() -> {
                    try {
                        lines.lines().forEach(l -> { });
                    } catch (UncheckedIOException ended) {
                        // the process is gone
                    }
                }, "drain-" + p.pid());
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("process " + p.pid() + " ended before it printed '" + text + "'");
    }

    /**
     * Entry point: no argument runs the console side (and starts the rest); {@code worker URL} and
     * {@code stats URL} run the other JVMs.
     *
     * @param args see above
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length == 2 && args[0].equals("worker")) {
            worker(args[1]);
        } else if (args.length == 2 && args[0].equals("stats")) {
            stats(args[1]);
        } else {
            run(System.out);
        }
    }
}
