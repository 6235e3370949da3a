package dev.eventdriven.nats;

import dev.eventdriven.Dispatcher;
import java.time.Duration;

/**
 * An endpoint exposed by another JVM (or several: a distributed pool), with a controller's dispatch
 * and request interface. {@code dispatch} publishes and returns (at most once: an event sent while no
 * member listens, or lost with a member, is gone; use a {@link DurableEndpoint} when it must not
 * be); {@code request} returns the usual {@link dev.eventdriven.Pending}, completed by the remote
 * handlers' returns, typed access included.
 *
 * <p>A request fails with:
 * <ul>
 *   <li>{@link dev.eventdriven.RemoteHandlerException} — a remote handler threw (class, message,
 *       stack trace and causes of the remote exception);</li>
 *   <li>{@link NoResponderException} — no JVM exposes the name (nothing ran);</li>
 *   <li>{@link RemoteTimeoutException} — no reply within {@link #requestTimeout()};</li>
 *   <li>{@link BridgeConnectionException} — the connection was lost with the request in flight, or
 *       is closed.</li>
 * </ul>
 * A value, context or argument that is not encodable, or a message bigger than the bridge's limit,
 * fails at the call with an {@link IllegalArgumentException}: nothing is sent.
 *
 * <p>Tasks ({@code execute}, {@code submit}) are local code and cannot cross the network: they are
 * refused with an {@link UnsupportedOperationException}.
 */
public interface RemoteEndpoint extends Dispatcher, BridgeEndpoint {

    /**
     * How long a request waits for its reply.
     *
     * @return the request timeout
     */
    Duration requestTimeout();

    /**
     * The same endpoint with another request timeout (sharing this one's counters).
     *
     * @param timeout longer than zero
     * @return the endpoint
     * @throws IllegalArgumentException if {@code timeout} is {@code null}, zero or negative
     */
    RemoteEndpoint withRequestTimeout(Duration timeout);

    /**
     * This side's counters: sent, received (replies), replies (requests completed by one), timeouts,
     * decode failures, refused.
     *
     * @return the counters now
     */
    @Override
    EndpointStats stats();
}
