package dev.eventdriven.bench.contestant;

/**
 * A contestant of the latency workload (W3): one caller hands a value to a single consumer thread,
 * which passes it to a {@link Tally} and returns it; the caller blocks until the reply is back.
 */
public interface RequestReply extends AutoCloseable {

    /**
     * Sends a value and waits for the reply.
     *
     * @param value the value (pre-boxed)
     * @return the value as returned by the consumer
     * @throws Exception what the contestant's wait throws
     */
    Object call(Integer value) throws Exception;

    /**
     * Stops the consumer and waits for its thread to end.
     *
     * @throws IllegalStateException if it does not end in time
     */
    @Override
    void close();

    /**
     * Starts a contestant by name.
     *
     * @param name one of {@code controller}, {@code controller-shared}, {@code submit-get},
     *     {@code supply-async-join}
     * @param tally receives the values on the consumer thread
     * @return the running contestant
     */
    static RequestReply start(String name, Tally tally) {
        return switch (name) {
            case "controller" -> new ControllerRequestReply(tally, false);
            case "controller-shared" -> new ControllerRequestReply(tally, true);
            case "submit-get" -> ExecutorRequestReply.submitGet(tally);
            case "supply-async-join" -> ExecutorRequestReply.supplyAsyncJoin(tally);
            default -> throw new IllegalArgumentException("contestant: " + name
                    + " (expected: controller, controller-shared, submit-get or supply-async-join)");
        };
    }
}
