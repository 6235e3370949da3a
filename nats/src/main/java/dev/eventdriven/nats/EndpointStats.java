package dev.eventdriven.nats;

/**
 * Counters of one bridge endpoint (an exposure, a remote endpoint, a shared source or a remote
 * source), since it was created. Each side counts what it does: a remote endpoint sends and
 * receives replies; an exposure receives and replies.
 *
 * @param sent messages published: events and requests (remote side), shared events (source side)
 * @param received messages taken from NATS: events and requests (exposure), replies (remote side),
 *     shared events (remote source)
 * @param replies replies published (exposure) or requests completed by a reply (remote side)
 * @param timeouts requests that got no reply within their timeout
 * @param decodeFailures messages that were not one valid value of the codec, or were too big;
 *     dropped (a request among them is answered with the failure)
 * @param redeliveries durable messages delivered again (their member died or did not acknowledge
 *     in time)
 * @param duplicates durable messages suppressed as duplicates: by the stream (same message id within
 *     its duplicate window, sender side) or by the member (already handled here, exposure side)
 * @param refused events the target refused (closed, or its bounded queue full) or that could not be
 *     published (not encodable, connection's buffer full)
 */
public record EndpointStats(long sent, long received, long replies, long timeouts, long decodeFailures,
                            long redeliveries, long duplicates, long refused) {
}
