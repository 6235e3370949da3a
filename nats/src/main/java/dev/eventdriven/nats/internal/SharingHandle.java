package dev.eventdriven.nats.internal;

import dev.eventdriven.nats.EndpointStats;
import dev.eventdriven.nats.Sharing;

/** The handle of one {@link SharedSource}. */
public final class SharingHandle implements Sharing {

    private final SharedSource publisher;
    private final String name;

    /**
     * Creates the handle.
     *
     * @param publisher the source's publisher
     * @param name the listening's name
     */
    public SharingHandle(SharedSource publisher, String name) {
        this.publisher = publisher;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public EndpointStats stats() {
        return publisher.counters().snapshot();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
