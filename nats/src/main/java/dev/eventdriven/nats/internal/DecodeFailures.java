package dev.eventdriven.nats.internal;

import dev.eventdriven.jfr.BridgeDecodeFailedEvent;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs messages that did not decode without letting a flood of garbage flood the log: the first ten
 * of an endpoint at WARN, then every thousandth (with the count so far). All are counted, and
 * recorded as a {@code dev.eventdriven.BridgeDecodeFailed} Flight Recorder event.
 */
public final class DecodeFailures {

    private static final Logger LOG = LoggerFactory.getLogger("dev.eventdriven.nats");

    private DecodeFailures() {
    }

    /**
     * Counts and maybe logs one failure.
     *
     * @param counters the endpoint's counters
     * @param endpoint what received it, for the message
     * @param m the message
     * @param error why it did not decode
     */
    public static void report(Counters counters, String endpoint, Message m, RuntimeException error) {
        String subject = m.getSubject();
        int size = m.getData() == null ? 0 : m.getData().length;
        counters.decodeFailures.increment();
        BridgeDecodeFailedEvent.emit("nats", endpoint, subject, size, error);
        long n = counters.decodeFailures.sum();
        if (n <= 10 || n % 1000 == 0) {
            LOG.warn("{}: dropped a message on {} that does not decode ({} so far): {}", endpoint, subject, n,
                    error.getMessage());
        }
    }
}
