package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.EventHandler;
import dev.eventdriven.Session;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The event controller: a handler for event 1 that reads the global and event contexts, a submitted
 * task with arguments that shuts the controller down, and a wait for the loop to end.
 */
public final class EventControllerExample {

    private EventControllerExample() {
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        Controller con = Controller.builder("console")
                .globalContext("startTime", System.nanoTime())
                .on(1, s -> {
                    long now = System.nanoTime();
                    out.printf("event 1: %d µs since start, %d µs since dispatch%n",
                            (now - (long) s.get("startTime")) / 1_000, (now - (long) s.get("evtTime")) / 1_000);
                })
                .build();
        con.run();
        // event driven: event 1, with an event context
        con.dispatch(1, null, Map.of("evtTime", System.nanoTime()));
        // task driven: a task with arguments; the session reaches the controller
        con.submit(args -> {
            Session s = Session.current();
            out.printf("task: %d µs since start, args %s %s%n",
                    (System.nanoTime() - (long) s.get("startTime")) / 1_000, args.get(0), args.get(1));
            s.controller().shutdown();
            return null;
        }, "a", "b");
        con.awaitTermination(Duration.ofSeconds(10));
        out.println("controller " + con.name() + " is " + con.state());
    }

    /**
     * Entry point.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        run(System.out);
    }
}
