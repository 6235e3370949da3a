package dev.eventdriven.nats.internal;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.nats.Exposure;

/** Ties an exposure to its processor: installed as a dynamic adapter, uninstalled when the exposure closes. */
public final class Exposures {

    private Exposures() {
    }

    /**
     * Installs the exposure's adapter into its processor.
     *
     * @param exposure the exposure, subscribed
     * @param subject its subject
     * @param processor the processor it dispatches into
     * @return a handle whose {@code close()} also uninstalls the adapter
     * @throws dev.eventdriven.IllegalControllerStateException if the processor is shutting down or
     *     terminated (the exposure is closed then)
     */
    public static Exposure attach(Exposure exposure, String subject, EventProcessor processor) {
        ExposureAdapter adapter = new ExposureAdapter(exposure, subject);
        try {
            processor.adapters().install(adapter);
        } catch (RuntimeException e) {
            exposure.close();
            throw e;
        }
        return new Exposure() {
            @Override
            public String name() {
                return exposure.name();
            }

            @Override
            public boolean durable() {
                return exposure.durable();
            }

            @Override
            public dev.eventdriven.nats.EndpointStats stats() {
                return exposure.stats();
            }

            @Override
            public void close() {
                exposure.close();
                processor.adapters().uninstall(adapter);
            }

            @Override
            public String toString() {
                return exposure.toString();
            }
        };
    }
}
