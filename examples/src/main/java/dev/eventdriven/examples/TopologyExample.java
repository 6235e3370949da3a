package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.Session;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.mapping.On;
import dev.eventdriven.pool.ControllerPool;
import dev.eventdriven.subprocess.Subprocess;
import dev.eventdriven.timer.Timer;
import dev.eventdriven.topology.Topology;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The topology picture of the typical set-up: a console controller with a timer, a worker pool, a
 * controller whose work runs in a child process, and a statistics controller listening to all three.
 * It prints the Mermaid text and, given a folder, writes {@code topology.dot} and
 * {@code topology.mmd} there ({@code dot -Tpng topology.dot -o topology.png} draws the README's
 * picture).
 *
 * <pre>
 *   [console + Timer] --"pack"--&gt; [pool: 2 workers]
 *        |                             |
 *        +--"render"--&gt; [renderer + Subprocess] --&gt; child JVM
 *        |                             |                |
 *        +------ listened by [stats] --+----------------+
 * </pre>
 */
public final class TopologyExample {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TopologyExample() {
    }

    /** The child's handlers: public, with a public no-arg constructor, as the adapter requires. */
    public static final class RenderHandlers {
        /** Creates the handlers (one per child worker). */
        public RenderHandlers() {
        }

        /**
         * Renders an order in the child.
         *
         * @param s the session
         * @return the rendered text
         */
        @On("render")
        public String render(Session s) {
            return "<order " + s.value() + ">";
        }
    }

    /**
     * Runs the set-up, handles a few events, and draws it.
     *
     * @param out where to print the Mermaid text
     * @param folder where to write {@code topology.dot} and {@code topology.mmd}, or {@code null}
     */
    public static void run(PrintStream out, Path folder) {
        Subprocess child = Subprocess.builder(RenderHandlers.class).name("render-child").workers(2).build();
        try (ControllerPool workers = ControllerPool.builder("workers").size(2)
                .on("pack", s -> {
                    return "packed " + s.value();
                }).build();
             Controller renderer = Controller.builder("renderer").adapter(child).build();
             Controller console = Controller.builder("console")
                .adapter(Timer.builder().interval(Duration.ofSeconds(1)).eventId("report").build())
                .on("order", s -> {
                    workers.dispatch("pack", s.value());
                    renderer.dispatch("render", s.value());
                })
                .on("report", s -> { })
                .build();
             Controller stats = Controller.builder("stats")
                .on(SystemEvent.OTHER, s -> { })
                .build()) {
            stats.listen(console, List.of("order", "report"), "orders");
            stats.listen(workers, List.of("pack"), "packing");
            stats.listen(child.events(), List.of("render"), "rendering");
            stats.run();
            workers.run();
            renderer.run();
            console.run();
            for (int i = 1; i <= 5; i++) {
                console.dispatch("order", i);
            }
            console.awaitDrained(WAIT);
            workers.awaitDrained(WAIT);
            renderer.awaitDrained(WAIT);
            stats.awaitDrained(WAIT);

            Topology topology = Topology.of(console, workers, renderer, child.events(), stats);
            out.print(topology.toMermaid());
            if (folder != null) {
                write(folder.resolve("topology.dot"), topology.toDot());
                write(folder.resolve("topology.mmd"), topology.toMermaid());
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Entry point.
     *
     * @param args an optional folder to write the DOT and Mermaid files to
     */
    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Path.of(args[0]) : null);
    }
}
