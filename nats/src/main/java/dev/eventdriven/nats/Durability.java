package dev.eventdriven.nats;

import dev.eventdriven.internal.Checks;
import java.time.Duration;

/**
 * Durable delivery of an exposed endpoint (JetStream): events are stored in a stream, handed to the
 * endpoint's processor, acknowledged only after its handlers ran, and delivered again to a live
 * member if the one that took them died or did not acknowledge within {@link #ackWait()}. The
 * stream drops a message whose id it saw within {@link #duplicateWindow()}; a member also skips a
 * redelivered message it already handled. Delivery is at least once: a member killed after its
 * handlers ran but before the acknowledgement reached the server makes another member run them again.
 *
 * <p>Immutable; the {@code with…} methods return a copy.
 */
public final class Durability {

    private static final Durability DEFAULTS = new Durability(Duration.ofSeconds(30), Duration.ofMinutes(2),
            1024, 100_000);

    private final Duration ackWait;
    private final Duration duplicateWindow;
    private final int maxAckPending;
    private final int handledWindow;

    private Durability(Duration ackWait, Duration duplicateWindow, int maxAckPending, int handledWindow) {
        this.ackWait = ackWait;
        this.duplicateWindow = duplicateWindow;
        this.maxAckPending = maxAckPending;
        this.handledWindow = handledWindow;
    }

    /**
     * The defaults: acknowledgement wait 30 s, duplicate window 2 min, 1,024 unacknowledged messages
     * per endpoint, 100,000 handled message ids remembered per member.
     *
     * @return the default durability
     */
    public static Durability defaults() {
        return DEFAULTS;
    }

    /**
     * How long the server waits for a member's acknowledgement before it delivers the message again.
     * Longer than the slowest handler, or a slow handler's message runs twice.
     *
     * @return the acknowledgement wait
     */
    public Duration ackWait() {
        return ackWait;
    }

    /**
     * A copy with another acknowledgement wait.
     *
     * @param ackWait at least 100 ms
     * @return the copy
     * @throws IllegalArgumentException if {@code ackWait} is {@code null} or shorter than 100 ms
     */
    public Durability withAckWait(Duration ackWait) {
        return new Durability(Checks.atLeast("ackWait", ackWait, Duration.ofMillis(100)), duplicateWindow,
                maxAckPending, handledWindow);
    }

    /**
     * How long the stream remembers a message id to drop a second message with it.
     *
     * @return the duplicate window
     */
    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    /**
     * A copy with another duplicate window.
     *
     * @param duplicateWindow at least 1 s
     * @return the copy
     * @throws IllegalArgumentException if {@code duplicateWindow} is {@code null} or shorter than 1 s
     */
    public Durability withDuplicateWindow(Duration duplicateWindow) {
        return new Durability(ackWait, Checks.atLeast("duplicateWindow", duplicateWindow, Duration.ofSeconds(1)),
                maxAckPending, handledWindow);
    }

    /**
     * How many messages may be delivered and not yet acknowledged, across all members: the bound on
     * what is in flight, and on what a dead member's redelivery may repeat.
     *
     * @return the limit
     */
    public int maxAckPending() {
        return maxAckPending;
    }

    /**
     * A copy with another bound on unacknowledged messages.
     *
     * @param maxAckPending at least 1
     * @return the copy
     * @throws IllegalArgumentException if {@code maxAckPending} is below 1
     */
    public Durability withMaxAckPending(int maxAckPending) {
        return new Durability(ackWait, duplicateWindow, Checks.positive("maxAckPending", maxAckPending),
                handledWindow);
    }

    /**
     * How many handled message ids a member remembers, to skip a message delivered to it again after
     * its handlers ran (an acknowledgement lost or late).
     *
     * @return the number of ids
     */
    public int handledWindow() {
        return handledWindow;
    }

    /**
     * A copy with another window of remembered message ids.
     *
     * @param handledWindow at least 1
     * @return the copy
     * @throws IllegalArgumentException if {@code handledWindow} is below 1
     */
    public Durability withHandledWindow(int handledWindow) {
        return new Durability(ackWait, duplicateWindow, maxAckPending, Checks.positive("handledWindow",
                handledWindow));
    }

    @Override
    public String toString() {
        return "Durability[ackWait=" + ackWait + ", duplicateWindow=" + duplicateWindow + ", maxAckPending="
                + maxAckPending + ", handledWindow=" + handledWindow + "]";
    }
}
