package dev.eventdriven.subprocess.testkit;

import dev.eventdriven.Controller;
import dev.eventdriven.subprocess.Subprocess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A parent JVM for the orphan test: starts a controller with a child, prints the child's pid on a
 * line of its own, then waits to be killed.
 */
public final class ParentJvmMain {
    private ParentJvmMain() {
    }

    /**
     * Starts this parent in a JVM of its own (the test's java and class path) and waits until it
     * prints its child's pid.
     *
     * @param started receives the parent's process, to kill it
     * @param args the parent's arguments
     * @return the child's pid
     * @throws Exception if the parent does not start or print the pid within 30 s
     */
    public static long start(List<Process> started, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ParentJvmMain.class.getName()));
        command.addAll(List.of(args));
        Process parentJvm = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(parentJvm);
        BufferedReader out = new BufferedReader(new InputStreamReader(parentJvm.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.startsWith("CHILD_PID ")) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("the parent JVM ended before printing its child's pid");
        }
        return Long.parseLong(line.substring("CHILD_PID ".length()).trim());
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
