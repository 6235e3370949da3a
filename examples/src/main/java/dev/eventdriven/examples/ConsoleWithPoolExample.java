package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.EventHandler;
import dev.eventdriven.Session;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.pool.ControllerPool;
import dev.eventdriven.timer.Timer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Typical set-up 1 of the original: a console controller that receives commands, hands the work to
 * a worker pool, and reports progress on a timer tick. The console's state (jobs started, done,
 * total) is touched only by its own loop: results come back to it as events, never through shared
 * variables.
 *
 * <pre>
 *   commands --&gt; [console] --"work" x N--&gt; [pool: 4 workers]
 *                   ^  ^                        |
 *                   |  +------- "done" ---------+
 *                 TIMING (progress report every 20 ms)
 * </pre>
 */
public final class ConsoleWithPoolExample {

    private ConsoleWithPoolExample() {
    }

    /** The console's state; only its loop thread touches it. */
    private static final class Progress {
        int started;
        int done;
        long total;
        boolean quitRequested;
    }

    /**
     * Runs the example with a script of commands, as a user would type them.
     *
     * @param out where to print
     * @param commands the commands: {@code start N}, {@code status}, {@code quit}
     */
    public static void run(PrintStream out, List<String> commands) {
        ControllerPool workers = ControllerPool.builder("workers").size(4)
                .on("work", s -> {
                    int n = (Integer) s.value();
                    Thread.sleep(5); // stands for real work
                    return (long) n * n;
                })
                .build();
        Progress progress = new Progress();
        Timer ticker = Timer.every(Duration.ofMillis(20));
        Controller console = Controller.builder("console")
                .adapter(ticker)
                .on("command", s -> command(s, (String) s.value(), workers, progress, out))
                .on("done", s -> {
                    progress.done++;
                    progress.total += (Long) s.value();
                })
                .on(SystemEvent.TIMING, s -> report(s, workers, progress, out))
                .build();
        workers.run();
        console.run();

        for (String command : commands) {
            console.dispatch("command", command);
        }
        console.awaitTermination(Duration.ofSeconds(30));
        workers.awaitTermination(Duration.ofSeconds(30));
    }

    private static void command(Session s, String command, ControllerPool workers, Progress progress,
                                PrintStream out) {
        String[] words = command.split(" ");
        switch (words[0]) {
            case "start" -> {
                int jobs = Integer.parseInt(words[1]);
                // A session is valid only during its handler: keep the controller, not the session.
                Controller console = s.controller();
                for (int i = 1; i <= jobs; i++) {
                    // The result comes back to the console as an event, handled on its own loop.
                    workers.request("work", i).thenAccept(r -> console.dispatch("done", r.get(0)));
                }
                progress.started += jobs;
                out.println("started " + jobs + " jobs");
            }
            case "status" -> out.println("status: " + progress.done + "/" + progress.started + " done");
            case "quit" -> {
                progress.quitRequested = true;
                out.println("quit: finishing the running jobs first");
            }
            default -> out.println("unknown command: " + command);
        }
    }

    private static void report(Session s, ControllerPool workers, Progress progress, PrintStream out) {
        if (progress.started == 0) {
            return;
        }
        out.println("progress: " + progress.done + "/" + progress.started);
        if (progress.quitRequested && progress.done == progress.started) {
            out.println("all " + progress.done + " jobs done, sum of squares = " + progress.total);
            workers.shutdown();
            s.controller().shutdown();
        }
    }

    /**
     * Entry point.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        run(System.out, List.of("start 40", "status", "quit"));
    }
}
