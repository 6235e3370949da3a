package dev.eventdriven.examples;

import dev.eventdriven.Controller;
import dev.eventdriven.Pending;
import dev.eventdriven.Session;
import dev.eventdriven.Task;
import dev.eventdriven.mapping.On;
import dev.eventdriven.subprocess.Subprocess;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The original's adapter example: a parent controller with the Subprocess adapter; an event and 100
 * tasks run in a child JVM's worker pool (each says the child's pid); the results are printed in the
 * parent. What the child itself prints goes to the parent's log, never into the channel.
 */
public final class SubprocessExample {

    private SubprocessExample() {
    }

    /** The child's mapping: public, with a public no-arg constructor, as the adapter requires. */
    public static final class ChildHandlers {
        /** Creates the handlers (one instance per child worker). */
        public ChildHandlers() {
        }

        /**
         * Handles event "1" in the child.
         *
         * @param session the event's session
         * @return where and with what it ran
         */
        @On("1")
        public String printDispatch(Session session) {
            String line = "pid: " + ProcessHandle.current().pid() + ", dispatch args=" + session.args();
            System.out.println(line); // in the child this goes to stderr, i.e. the parent's log
            return line;
        }
    }

    /** A task that can cross the process boundary: a named class with a public no-arg constructor. */
    public static final class PrintSubmit implements Task {
        /** Creates the task. */
        public PrintSubmit() {
        }

        @Override
        public Object run(List<Object> args) {
            return "pid: " + ProcessHandle.current().pid() + ", submit() args=" + args;
        }
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        out.println("main pid: " + ProcessHandle.current().pid());
        Subprocess child = Subprocess.builder(ChildHandlers.class).name("child").workers(10).build();
        Controller con = Controller.builder("parent").adapter(child).build();
        con.run();

        Pending<List<Object>> dispatched = con.request("1", null, null, 1, 2, 3, 4, 5);
        Pending<List<Object>> submitted = con.submit(new PrintSubmit(), 1, 2, 3, 4, 5);
        List<Pending<List<Object>>> more = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            more.add(con.submit(new PrintSubmit(), i));
        }

        out.println(dispatched.first(Object.class).await(Duration.ofSeconds(30)));
        out.println(submitted.first(Object.class).await(Duration.ofSeconds(30)));
        for (Pending<List<Object>> p : more) {
            p.await(Duration.ofSeconds(30));
        }
        out.println(more.size() + " more tasks ran in the child, e.g. "
                + more.get(more.size() - 1).first(Object.class).await(Duration.ofSeconds(30)));

        con.awaitDrained(Duration.ofSeconds(30)); // the original's con.pending(): waits for the child too
        con.shutdown();
        con.awaitTermination(Duration.ofSeconds(30));
        out.println("child alive after shutdown: " + child.isChildAlive());
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
