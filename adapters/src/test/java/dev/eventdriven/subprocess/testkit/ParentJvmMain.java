package dev.eventdriven.subprocess.testkit;

import dev.eventdriven.Controller;
import dev.eventdriven.subprocess.Subprocess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A parent JVM for the orphan test: starts a controller with a child, prints the child's pid on a
 * line of its own, then waits to be killed.
 */
public final class ParentJvmMain {
    private ParentJvmMain() {
    }

    /**
     * Runs the parent.
     *
     * @param args {@code spin} to leave the child running a handler that never returns
     * @throws InterruptedException never, in practice
     */
    public static void main(String[] args) throws InterruptedException {
        Subprocess sub = Subprocess.builder(ChildHandlers.class).build();
        Controller c = Controller.builder("doomed-parent").adapter(sub).build();
        c.run();
        List<Object> pid = c.request("pid").await(Duration.ofSeconds(30));
        if (args.length > 0 && args[0].equals("spin")) {
            c.dispatch("spin");
        }
        System.out.println("CHILD_PID " + pid.get(0));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
