package dev.eventdriven;

import java.util.Set;

/**
 * A registered listening (see {@link Controller#listen} and {@link Controller#listenedBy}). Closing it
 * stops the forwarding; closing twice does nothing.
 */
public interface Listening extends AutoCloseable {

    /**
     * The name given to the listening; forwarded packets carry it.
     *
     * @return the name
     */
    String name();

    /**
     * The event ids this listening forwards (read-only; for pictures such as
     * {@link dev.eventdriven.topology.Topology}).
     *
     * @return the allowed ids; empty if the implementation does not say
     */
    default Set<?> allow() {
        return Set.of();
    }

    /**
     * Where the events go: the listening {@link Dispatcher} or the plain {@link java.util.concurrent.BlockingQueue}.
     *
     * @return the target, or {@code null} if the implementation does not say
     */
    default Object target() {
        return null;
    }

    /** Stops forwarding. Events already forwarded stay forwarded. Any thread. */
    @Override
    void close();
}
