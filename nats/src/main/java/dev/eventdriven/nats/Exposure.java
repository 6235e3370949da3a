package dev.eventdriven.nats;

/**
 * A local controller or pool exposed under a name: the events and requests sent to that name are
 * dispatched into it, and a request's results (or its handler's exception) travel back. Several
 * JVMs exposing the same name form a distributed pool: each event goes to exactly one of them.
 *
 * <p>Messages are decoded and dispatched on the exposure's own client thread, in the order they
 * arrive. A processor with a bounded queue and {@link dev.eventdriven.OverflowPolicy#BLOCK} holds that
 * thread back; the client then buffers (up to its pending limits) and beyond them drops messages for
 * this subscriber, logged as a slow consumer. On core NATS that is at-most-once delivery; a durable
 * exposure bounds what is in flight instead ({@link Durability#maxAckPending()}).
 *
 * <p>The exposure is an adapter of its processor (installed while it runs, or before): it ends when
 * the processor's shutdown is taken, so that the name's events go to the other members from then
 * on, and {@link dev.eventdriven.topology.Topology} draws it with its subject and counters.
 * Closing it stops taking messages and removes the adapter; what was already dispatched runs, and a
 * request among it is still answered while the bridge is open. The processor is not closed.
 */
public interface Exposure extends BridgeEndpoint, AutoCloseable {

    /**
     * The name it is exposed under.
     *
     * @return the endpoint's name
     */
    @Override
    String name();

    /**
     * Whether events are stored and acknowledged (JetStream) rather than delivered at most once.
     *
     * @return {@code true} if durable
     */
    boolean durable();

    /**
     * This member's counters: received, replies, decode failures, refused; for a durable endpoint also
     * redeliveries and duplicates skipped.
     *
     * @return the counters now
     */
    @Override
    EndpointStats stats();

    /** Stops taking messages; idempotent. */
    @Override
    void close();
}
