package dev.eventdriven.examples;

import java.io.PrintStream;

/** Runs every example in turn: the README's demo command. */
public final class Main {

    private Main() {
    }

    /**
     * Runs all examples.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        section(out, "The README's first example");
        ReadmeExample.run(out);
        section(out, "Event controller: dispatch + submit + shutdown");
        EventControllerExample.run(out);
        section(out, "Mapping blueprint");
        BlueprintExample.run(out);
        section(out, "Controller listening");
        ListeningExample.run(out);
        section(out, "Public account and listeners");
        PublicAccountExample.run(out);
        section(out, "Console controller + worker pool + timer (typical set-up 1)");
        ConsoleWithPoolExample.run(out, java.util.List.of("start 40", "status", "quit"));
        section(out, "Subprocess: events and tasks in a child JVM");
        SubprocessExample.run(out);
        section(out, "Metrics: a Prometheus scrape");
        MetricsExample.run(out);
        section(out, "Topology: the typical set-up as a Mermaid picture");
        TopologyExample.run(out, null);
    }

    private static void section(PrintStream out, String title) {
        out.println();
        out.println("== " + title + " ==");
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
