package dev.eventdriven.subprocess;

import dev.eventdriven.EventDrivenException;

/**
 * An exception thrown inside the child process (by a handler, a task or a remote instance), carried
 * back as data: the remote class name, message and stack trace, and the remote cause as another
 * {@code RemoteHandlerException}. The remote exception class need not exist in the parent.
 */
public final class RemoteHandlerException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /** The class name of the exception thrown in the child. */
    private final String remoteClassName;
    /** The message of the exception thrown in the child. */
    private final String remoteMessage;

    /**
     * Creates the exception. Called by the channel decoder.
     *
     * @param remoteClassName the class name of the exception thrown in the child
     * @param remoteMessage its message, may be {@code null}
     * @param stackTrace its stack trace (frames of the child)
     * @param cause its cause, may be {@code null}
     */
    public RemoteHandlerException(String remoteClassName, String remoteMessage, StackTraceElement[] stackTrace,
                                  RemoteHandlerException cause) {
        super(remoteClassName + (remoteMessage == null ? "" : ": " + remoteMessage), cause);
        this.remoteClassName = remoteClassName;
        this.remoteMessage = remoteMessage;
        setStackTrace(stackTrace);
    }

    /**
     * The class name of the exception thrown in the child.
     *
     * @return the fully qualified class name
     */
    public String remoteClassName() {
        return remoteClassName;
    }

    /**
     * The message of the exception thrown in the child.
     *
     * @return the message, or {@code null}
     */
    public String remoteMessage() {
        return remoteMessage;
    }

    /**
     * The cause thrown in the child, if any.
     *
     * @return the remote cause, or {@code null}
     */
    @Override
    public synchronized RemoteHandlerException getCause() {
        return (RemoteHandlerException) super.getCause();
    }
}
