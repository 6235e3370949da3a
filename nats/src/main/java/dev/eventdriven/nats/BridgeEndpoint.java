package dev.eventdriven.nats;

/**
 * What every endpoint of a bridge has: a name and its counters. Implemented by {@link Exposure},
 * {@link RemoteEndpoint}, {@link DurableEndpoint}, {@link Sharing} and {@link RemoteSource}, so a
 * metrics binder or a dashboard can treat them alike.
 */
public interface BridgeEndpoint {

    /**
     * The endpoint's name: the exposed or remote name, or the shared or remote source's.
     *
     * @return the name
     */
    String name();

    /**
     * The endpoint's counters since it was created; cheap, any thread.
     *
     * @return the counters now
     */
    EndpointStats stats();
}
