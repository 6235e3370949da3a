package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.mapping.On;
import java.io.PrintStream;
import java.time.Duration;

/** A mapping blueprint made of annotated methods: events are handled in the order dispatched. */
public final class BlueprintExample {

    /** Event ids. */
    public static final String ONE = "one";
    /** Event ids. */
    public static final String TWO = "two";
    /** Event ids. */
    public static final String THREE = "three";

    private final PrintStream out;

    private BlueprintExample(PrintStream out) {
        this.out = out;
    }

    /** Handles ONE. */
    @On(ONE)
    public void event1() {
        out.println("1");
    }

    /** Handles TWO. */
    @On(TWO)
    public void event2() {
        out.println("2");
    }

    /** Handles THREE. */
    @On(THREE)
    public void event3() {
        out.println("3");
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        MappingBlueprint testModel = new MappingBlueprint().register(new BlueprintExample(out));
        Controller con = Controller.builder("blueprint").mapping(testModel).build();
        con.run();
        con.dispatch(THREE);
        con.dispatch(ONE);
        con.dispatch(TWO);
        con.shutdown();
        con.awaitTermination(Duration.ofSeconds(10));
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
