package dev.eventdriven.subprocess.testkit;

import dev.eventdriven.Task;
import java.util.List;
import java.util.concurrent.Callable;

/** Tasks that can cross the process boundary. */
public final class Tasks {
    private Tasks() {
    }

    /** Sums its integer arguments. */
    public static final class Sum implements Task {
        /** Needed by the child. */
        public Sum() {
        }

        @Override
        public Object run(List<Object> args) {
            return args.stream().mapToInt(a -> (Integer) a).sum();
        }
    }

    /**
     * A record task: its components travel with it.
     *
     * @param text the text to repeat
     * @param times how often
     */
    public record Repeat(String text, int times) implements Callable<String> {
        @Override
        public String call() {
            return text.repeat(times);
        }
    }

    /** Returns the pid of the process it runs in. */
    public static final class WhereAmI implements Callable<Long> {
        /** Needed by the child. */
        public WhereAmI() {
        }

        @Override
        public Long call() {
            return ProcessHandle.current().pid();
        }
    }

    /**
     * Reads an environment variable and a system property in the process it runs in.
     *
     * @param variable the environment variable
     * @param property the system property
     */
    public record Environment(String variable, String property) implements Callable<List<String>> {
        @Override
        public List<String> call() {
            return java.util.Arrays.asList(System.getenv(variable), System.getProperty(property));
        }
    }
}
