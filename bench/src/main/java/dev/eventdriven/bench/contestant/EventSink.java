package dev.eventdriven.bench.contestant;

/**
 * A contestant of the throughput workloads (W1, W2): takes values from producer threads and hands
 * each to one consumer thread, which passes it to a {@link Tally}. Fire and forget: {@link #send}
 * returns as soon as the value is queued.
 */
public interface EventSink extends AutoCloseable {

    /**
     * Queues one value for the consumer.
     *
     * @param value the value (pre-boxed)
     */
    void send(Integer value);

    /**
     * Stops the consumer after it has handled everything sent, and waits for its thread to end.
     *
     * @throws IllegalStateException if it does not end in time
     */
    @Override
    void close();

    /**
     * Starts a contestant by name.
     *
     * @param name one of {@code controller}, {@code controller-shared}, {@code tpe}, {@code disruptor-blocking},
     *     {@code disruptor-yielding}
     * @param tally receives the values on the consumer thread
     * @param producers how many threads will call {@link #send} (picks single- or multi-producer
     *     variants where a peer has them)
     * @return the running contestant
     */
    static EventSink start(String name, Tally tally, int producers) {
        return switch (name) {
            case "controller" -> new ControllerSink(tally);
            case "controller-shared" -> new ControllerSink(tally, true);
            case "tpe" -> new ThreadPoolSink(tally);
            case "disruptor-blocking" -> DisruptorSink.blocking(tally, producers);
            case "disruptor-yielding" -> DisruptorSink.yielding(tally, producers);
            default -> throw new IllegalArgumentException("contestant: " + name
                    + " (expected: controller, controller-shared, tpe, disruptor-blocking or disruptor-yielding)");
        };
    }
}
