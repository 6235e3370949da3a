package dev.eventdriven.nats.internal;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.nats.EndpointStats;
import dev.eventdriven.nats.Exposure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exposure as an adapter of its processor (installed while the processor runs, or before): the
 * exposure then ends with its processor (it stops taking messages once the processor's shutdown is
 * taken, so other members get the name's events), and the topology picture shows it with its
 * subject and counters.
 */
final class ExposureAdapter implements Adapter {

    private final Exposure exposure;
    private final String subject;

    ExposureAdapter(Exposure exposure, String subject) {
        this.exposure = exposure;
        this.subject = subject;
    }

    @Override
    public String name() {
        return "nats exposure '" + exposure.name() + "'";
    }

    @Override
    public boolean dynamic() {
        return true;
    }

    @Override
    public void closing(EventProcessor processor) {
        exposure.close();
    }

    @Override
    public void removed(EventProcessor processor) {
        exposure.close();
    }

    @Override
    public Map<String, Object> describe() {
        EndpointStats s = exposure.stats();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("subject", subject);
        facts.put("delivery", exposure.durable() ? "durable (JetStream)" : "at most once");
        facts.put("received", s.received());
        facts.put("replies", s.replies());
        if (s.decodeFailures() != 0) {
            facts.put("decode failures", s.decodeFailures());
        }
        if (s.refused() != 0) {
            facts.put("refused", s.refused());
        }
        if (exposure.durable()) {
            facts.put("redeliveries", s.redeliveries());
        }
        return facts;
    }
}
