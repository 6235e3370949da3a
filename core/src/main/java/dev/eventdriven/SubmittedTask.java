package dev.eventdriven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The value of a {@link SystemEvent#SUBMIT} event: a task and its arguments. Handlers mapped to
 * SUBMIT receive it as data and may run it with {@link #call()}.
 *
 * @param task the task: a {@link Task}, a {@link Callable} or a {@link Runnable}
 * @param args the arguments for a {@link Task} (empty for the others; may hold nulls)
 */
public record SubmittedTask(Object task, List<Object> args) {

    /**
     * Creates the value, checking the task's type.
     *
     * @param task the task
     * @param args the arguments
     */
    public SubmittedTask {
        if (!(task instanceof Task || task instanceof Callable || task instanceof Runnable)) {
            throw new IllegalArgumentException("task: " + task
                    + " (expected: a Task, Callable or Runnable)");
        }
        args = args == null || args.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    /**
     * Runs the task on the calling thread.
     *
     * @return the task's result ({@code null} for a Runnable)
     * @throws Exception what the task threw
     */
    public Object call() throws Exception {
        if (task instanceof Task t) {
            return t.run(args);
        }
        if (task instanceof Callable<?> c) {
            return c.call();
        }
        ((Runnable) task).run();
        return null;
    }
}
