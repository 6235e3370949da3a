package dev.eventdriven;

import java.util.List;

/**
 * A task with arguments, for {@link Dispatcher#submit(Task, Object...)}. A task that must cross a
 * process boundary is a named class with a public no-arg constructor.
 */
@FunctionalInterface
public interface Task {
    /**
     * Runs the task on the loop thread.
     *
     * @param args the arguments given to {@code submit}
     * @return the result, or {@code null}
     * @throws Exception any failure; routed to the error path
     */
    Object run(List<Object> args) throws Exception;
}
