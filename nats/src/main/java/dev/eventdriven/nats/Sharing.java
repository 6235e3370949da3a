package dev.eventdriven.nats;

import dev.eventdriven.Listening;

/**
 * A local processor's events shared with listeners in other JVMs ({@link NatsBridge#share}): each
 * event the processor takes whose id is allowed is published, after it was taken and before its
 * handlers run, exactly as it would be forwarded to an in-process listener. Publishing is at most
 * once: a listener that is not connected misses it. Closing ends the sharing.
 */
public interface Sharing extends Listening, BridgeEndpoint {

    /**
     * The counters: sent (published), refused (not encodable, or the connection's buffer full).
     *
     * @return the counters now
     */
    @Override
    EndpointStats stats();
}
