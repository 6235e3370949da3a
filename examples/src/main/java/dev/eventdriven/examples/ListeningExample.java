package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.EventHandler;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Controller 2 listens to controller 1's event 'cpy' and gets it as a forwarding packet. */
public final class ListeningExample {

    private ListeningExample() {
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        Controller con1 = Controller.builder("con1")
                .on("cpy", s -> out.println("event_track: " + s.controller().name() + " => val="
                        + s.value()))
                .build();
        Controller con2 = Controller.builder("con2")
                .on("cpy", s -> out.println("event_track(copy): " + s.controller().name()
                        + " => val=" + s.value()))
                .build();
        con1.run();
        con2.run();
        // con2 listens to con1's event 'cpy'
        con2.listen(con1, List.of("cpy"), "copy");

        con1.dispatch("cpy", "hhhhhhhh", Map.of("a_ctx", "ok"));

        con1.awaitDrained(Duration.ofSeconds(10));
        con2.awaitDrained(Duration.ofSeconds(10));
        con1.shutdown();
        con2.shutdown();
        con1.awaitTermination(Duration.ofSeconds(10));
        con2.awaitTermination(Duration.ofSeconds(10));
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
