package dev.eventdriven.nats.internal;

import dev.eventdriven.nats.EndpointStats;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind one endpoint's {@link EndpointStats}; any thread. */
public final class Counters {
    /** Messages published. */
    public final LongAdder sent = new LongAdder();
    /** Messages taken. */
    public final LongAdder received = new LongAdder();
    /** Replies published or taken. */
    public final LongAdder replies = new LongAdder();
    /** Requests timed out. */
    public final LongAdder timeouts = new LongAdder();
    /** Messages that did not decode. */
    public final LongAdder decodeFailures = new LongAdder();
    /** Durable messages delivered again. */
    public final LongAdder redeliveries = new LongAdder();
    /** Duplicates suppressed. */
    public final LongAdder duplicates = new LongAdder();
    /** Events refused or not published. */
    public final LongAdder refused = new LongAdder();

    /**
     * A snapshot.
     *
     * @return the counters now
     */
    public EndpointStats snapshot() {
        return new EndpointStats(sent.sum(), received.sum(), replies.sum(), timeouts.sum(), decodeFailures.sum(),
                redeliveries.sum(), duplicates.sum(), refused.sum());
    }
}
