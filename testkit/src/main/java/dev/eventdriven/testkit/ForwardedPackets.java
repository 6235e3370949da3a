package dev.eventdriven.testkit;

import dev.eventdriven.ForwardingPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The packets a source forwarded to a listening the kit made ({@link TestKit#listen}): what a
 * listener of that source would have received, in order.
 */
public final class ForwardedPackets {

    private final String listening;
    private final LinkedBlockingQueue<ForwardingPacket> queue = new LinkedBlockingQueue<>();
    private final List<ForwardingPacket> seen = new ArrayList<>();

    ForwardedPackets(String listening) {
        this.listening = listening;
    }

    LinkedBlockingQueue<ForwardingPacket> queue() {
        return queue;
    }

    /**
     * The packets forwarded so far, in order.
     *
     * @return a snapshot
     */
    public synchronized List<ForwardingPacket> packets() {
        queue.drainTo(seen);
        return List.copyOf(seen);
    }

    /**
     * The event ids of the packets forwarded so far.
     *
     * @return a snapshot, in order
     */
    public List<Object> eventIds() {
        return packets().stream().map(ForwardingPacket::eventId).toList();
    }

    /**
     * Asserts that exactly these events were forwarded so far, in this order.
     *
     * @param eventIds the expected ids
     * @throws AssertionError if not, naming both sequences
     */
    public void assertForwarded(Object... eventIds) {
        List<Object> expected = Arrays.asList(eventIds);
        List<Object> actual = eventIds();
        if (!expected.equals(actual)) {
            throw new AssertionError("listening '" + listening + "' got " + actual + " (expected: " + expected + ")");
        }
    }

    @Override
    public String toString() {
        return "ForwardedPackets[" + listening + ", " + eventIds() + "]";
    }
}
