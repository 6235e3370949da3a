package dev.eventdriven.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A child process has ended: stopped as asked, or died (exited, was killed after a bad frame or a
 * missed liveness check). Committed once per process, on the thread that noticed.
 */
@Name(ChildProcessExitedEvent.NAME)
@Label("Child Process Exited")
@Category({"EventDriven"})
@Description("A child process has ended")
public final class ChildProcessExitedEvent extends jdk.jfr.Event {

    /** The event type's name, for recording settings. */
    public static final String NAME = "dev.eventdriven.ChildProcessExited";

    /** The {@code exitCode} of a process whose exit code could not be read. */
    public static final int UNKNOWN_EXIT_CODE = Integer.MIN_VALUE;

    @Label("Child")
    String child;

    @Label("Pid")
    long pid;

    @Label("Exit Code")
    @Description("The process's exit code; Integer.MIN_VALUE when it could not be read")
    int exitCode;

    @Label("Requested")
    @Description("Whether the parent asked it to stop")
    boolean requested;

    @Label("Reason")
    String reason;

    private ChildProcessExitedEvent() {
    }

    /**
     * Records an exit if the event type is enabled.
     *
     * @param child the child's name
     * @param pid its process id
     * @param exitCode its exit code, or {@code null} if unknown
     * @param requested whether the parent asked it to stop
     * @param reason how it ended
     */
    public static void emit(String child, long pid, Integer exitCode, boolean requested, String reason) {
        ChildProcessExitedEvent e = new ChildProcessExitedEvent();
        if (e.isEnabled()) {
            e.child = child;
            e.pid = pid;
            e.exitCode = exitCode == null ? UNKNOWN_EXIT_CODE : exitCode;
            e.requested = requested;
            e.reason = Emission.text(reason);
            e.commit();
        }
    }
}
