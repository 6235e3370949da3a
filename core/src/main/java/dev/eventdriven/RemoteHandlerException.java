package dev.eventdriven;


/**
 * An exception thrown in another process — a child process (by a handler, a task or a remote
 * instance) or a controller in another JVM reached over a bridge — carried back as data: the remote
 * class name, message and stack trace, and the remote cause as another {@code RemoteHandlerException}.
 * The remote exception class need not exist in the receiver, and is never instantiated.
 */
public final class RemoteHandlerException extends EventDrivenException {
    private static final long serialVersionUID = 1L;

    /** The class name of the exception thrown remotely. */
    private final String remoteClassName;
    /** The message of the exception thrown remotely. */
    private final String remoteMessage;

    /**
     * Creates the exception. Called by the value decoder.
     *
     * @param remoteClassName the class name of the exception thrown remotely
     * @param remoteMessage its message, may be {@code null}
     * @param stackTrace its stack trace (frames of the remote process)
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
     * The class name of the exception thrown remotely.
     *
     * @return the fully qualified class name
     */
    public String remoteClassName() {
        return remoteClassName;
    }

    /**
     * The message of the exception thrown remotely.
     *
     * @return the message, or {@code null}
     */
    public String remoteMessage() {
        return remoteMessage;
    }

    /**
     * The cause thrown remotely, if any.
     *
     * @return the remote cause, or {@code null}
     */
    @Override
    public synchronized RemoteHandlerException getCause() {
        return (RemoteHandlerException) super.getCause();
    }
}
