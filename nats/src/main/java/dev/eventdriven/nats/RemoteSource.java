package dev.eventdriven.nats;

import dev.eventdriven.Listenable;

/**
 * A source in another JVM that shares its events ({@link NatsBridge#share}), to be listened to like a
 * local one: {@code stats.listen(bridge.source("console"), List.of("done"), "stats")} makes the local
 * {@code stats} controller receive the same {@link dev.eventdriven.ForwardingPacket}s as if the
 * console ran in this JVM — value, event context, the listening's name, the source's name, and the
 * route, so cycles across JVMs are cut too. Give every controller on a route a distinct name.
 *
 * <p>The source's subject is subscribed from the first listening on, until {@code unlisten} removed
 * the last one or the bridge closes.
 */
public interface RemoteSource extends Listenable, BridgeEndpoint {

    /**
     * The counters: received (shared events taken), decode failures.
     *
     * @return the counters now
     */
    @Override
    EndpointStats stats();
}
