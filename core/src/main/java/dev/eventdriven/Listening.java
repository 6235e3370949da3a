package dev.eventdriven;

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

    /** Stops forwarding. Events already forwarded stay forwarded. Any thread. */
    @Override
    void close();
}
