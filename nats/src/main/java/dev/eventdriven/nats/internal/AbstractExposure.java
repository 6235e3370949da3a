package dev.eventdriven.nats.internal;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.nats.EndpointStats;
import dev.eventdriven.nats.Exposure;
import io.nats.client.Message;

/**
 * What the core and the durable exposure share: the endpoint's name, subject and target, its
 * counters, a close that runs once, and how a message that does not decode is reported.
 */
abstract class AbstractExposure implements Exposure {

    final String name;
    final String subject;
    final Wire wire;
    final EventProcessor target;
    final Counters counters = new Counters();
    volatile boolean closed;

    AbstractExposure(String name, String subject, Wire wire, EventProcessor target) {
        this.name = name;
        this.subject = subject;
        this.wire = wire;
        this.target = target;
    }

    /** Stops taking messages; called once, by the first {@link #close()}. */
    abstract void stop();

    /**
     * Counts, logs and records a message that did not decode.
     *
     * @param m the message
     * @param error why
     */
    final void decodeFailed(Message m, RuntimeException error) {
        DecodeFailures.report(counters, (durable() ? "durable exposure '" : "exposure '") + name + "'", m, error);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final EndpointStats stats() {
        return counters.snapshot();
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
    }

    @Override
    public String toString() {
        return "Exposure[" + name + " -> " + target.name() + " on " + subject + (durable() ? ", durable]" : "]");
    }
}
