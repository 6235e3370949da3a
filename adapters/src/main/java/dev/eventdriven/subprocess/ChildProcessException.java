package dev.eventdriven.subprocess;

import dev.eventdriven.EventDrivenException;
import java.util.List;

/**
 * The child process is not there to do the work: it died (killed, {@code System.exit}, out of memory),
 * could not be started, or is being restarted. Carries the exit code and the last lines the child
 * wrote to its stderr, which usually say why.
 */
public class ChildProcessException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /** The child's exit code, or {@code null} if it had not exited. */
    private final Integer exitCode;
    /** The last lines of the child's stderr, oldest first. */
    private final String[] lastStderrLines;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the child
     * @param exitCode the exit code, or {@code null} if the child has not exited
     * @param lastStderrLines the last lines of the child's stderr, oldest first
     */
    public ChildProcessException(String message, Integer exitCode, List<String> lastStderrLines) {
        super(message + (exitCode == null ? "" : " (exit code " + exitCode + ")")
                + (lastStderrLines.isEmpty() ? "" : "; last stderr lines:\n  " + String.join("\n  ", lastStderrLines)));
        this.exitCode = exitCode;
        this.lastStderrLines = lastStderrLines.toArray(new String[0]);
    }

    /**
     * The child's exit code.
     *
     * @return the exit code, or {@code null} if it has not exited
     */
    public Integer exitCode() {
        return exitCode;
    }

    /**
     * The last lines the child wrote to its stderr.
     *
     * @return an unmodifiable list, oldest first
     */
    public List<String> lastStderrLines() {
        return List.of(lastStderrLines);
    }
}
