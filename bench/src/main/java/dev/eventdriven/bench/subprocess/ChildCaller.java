package dev.eventdriven.bench.subprocess;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A W5 contestant: sends one value to a child JVM and completes with the child's answer. Both
 * contestants are driven by the same code through this interface.
 */
public interface ChildCaller extends AutoCloseable {

    /**
     * The JVM options of both contestants' children: a fixed heap, touched at start. Without them a
     * child's heap pages are first touched while it is measured: the library's child, which allocates
     * more per call than the raw echo, ran its first 8–10 s of W5b at a fifth of its speed, faulting
     * pages in (see bench/README.md).
     */
    List<String> CHILD_JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");

    /**
     * Sends a value.
     *
     * @param value the value
     * @return the answer: the value, echoed by the child
     */
    CompletableFuture<Object> call(Integer value);

    /**
     * Sends a byte array and completes with the length of what came back, after checking that the
     * echo carries the same bytes at both ends (the answer itself is not kept: 1,000 answers of 1 MiB
     * in flight must not fill the heap).
     *
     * @param payload the bytes
     * @return the echoed length
     */
    CompletableFuture<Integer> callBytes(byte[] payload);

    /** Stops the child and waits for it to end. */
    @Override
    void close();

    /**
     * Starts a contestant.
     *
     * @param name {@code subprocess} (this library) or {@code raw-echo} (the floor)
     * @return the started contestant
     */
    static ChildCaller start(String name) {
        switch (name) {
            case "subprocess":
                return new SubprocessCaller();
            case "raw-echo":
                return new RawEchoCaller();
            default:
                throw new IllegalArgumentException("contestant: " + name + " (expected: subprocess or raw-echo)");
        }
    }
}
