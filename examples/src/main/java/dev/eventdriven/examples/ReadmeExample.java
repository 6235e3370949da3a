package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.HandlerFailure;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.mapping.On;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's first example, compiled and run as shown there (between the markers): typed values,
 * a handler that returns nothing, annotated handlers, a typed result, a task, and try-with-resources.
 */
public final class ReadmeExample {

    private ReadmeExample() {
    }

    /** An order, the value of the "order" event. */
    public record Order(String item) {
    }

    /** Annotated handlers; their state is touched by the loop thread only. */
    public static final class Shop {
        private final List<String> inventory = new ArrayList<>();
        private final PrintStream out;

        Shop(PrintStream out) {
            this.out = out;
        }

        /**
         * Books an order.
         *
         * @param order the order
         */
        @On("order")
        public void book(Order order) {
            inventory.add(order.item());
            out.println("booked " + order.item());
        }

        int size() {
            return inventory.size();
        }
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        Shop shop = new Shop(out);
        // README:begin
        try (Controller console = Controller.builder("console")
                .on("greet", String.class, name -> "hello " + name)        // the value typed, a result
                .on("tick", s -> out.println("tick " + s.value()))           // returns nothing
                .on(SystemEvent.ERROR, HandlerFailure.class, f -> out.println("failed: " + f.error()))
                .mapping(new MappingBlueprint().register(shop))               // @On("order") methods
                .build()) {
            console.run();

            console.dispatch("order", new Order("book"));                    // fire-and-forget
            console.dispatch("tick", 1);
            String greeting = console.request("greet", "Ada", String.class)   // a typed result
                    .await(Duration.ofSeconds(1));
            out.println(greeting);                                            // hello Ada
            console.submit(shop::size).first(Integer.class)                   // a task on the loop
                    .thenAccept(n -> out.println("items: " + n))
                    .await(Duration.ofSeconds(1));
        }                                                                     // close(): graceful shutdown
        // README:end
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
