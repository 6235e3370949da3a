package dev.eventdriven.subprocess;

import dev.eventdriven.Dispatcher;
import dev.eventdriven.subprocess.internal.ChildAccess;

/**
 * Entry point for code that runs inside a child process (handlers of the child's workers, remote
 * instances): reach the parent controller from there.
 *
 * <pre>
 *   &#64;On("resize")
 *   public Object resize(Session s) {
 *       SubprocessChild.parent().dispatch("progress", 50);   // handled by the parent controller
 *       ...
 *   }
 * </pre>
 */
public final class SubprocessChild {

    private SubprocessChild() {
    }

    /**
     * Whether the calling code runs inside a child process started by a {@link Subprocess} adapter.
     *
     * @return {@code true} in a child
     */
    public static boolean isChild() {
        return ChildAccess.parent() != null;
    }

    /**
     * The parent controller, as a dispatcher: {@code dispatch} and {@code request} send the event over
     * the channel to the parent controller (values must be encodable, see {@link Subprocess}); the
     * {@code request} Pending completes with the parent's handler returns, or fails with
     * {@link ChildProcessException} if the parent goes away. {@code execute}/{@code submit} throw
     * {@link UnsupportedOperationException}: the parent runs no code chosen by the child. Any thread.
     *
     * @return the parent
     * @throws IllegalStateException outside a child process
     */
    public static Dispatcher parent() {
        Dispatcher d = ChildAccess.parent();
        if (d == null) {
            throw new IllegalStateException("not inside a child process started by a Subprocess adapter");
        }
        return d;
    }
}
