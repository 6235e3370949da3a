package dev.eventdriven.bench.idle;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** A W7 contestant: starts idle controllers (or actors) and later checks and stops them. */
public interface IdleFleet {

    /**
     * Starts up to the fleet's count, stopping early when the heap passes a share of its maximum.
     *
     * @param heapShare e.g. 0.85
     * @return how many were started
     */
    int fill(double heapShare);

    /**
     * Checks that every one answers (or exists), then stops them all and waits.
     *
     * @throws IllegalStateException if one does not answer or they do not stop in time
     */
    void verifyAndStop();

    /**
     * A fleet by kind.
     *
     * @param kind {@code platform}, {@code virtual}, {@code shared} or {@code pekko}
     * @param count how many at most
     * @return the fleet, empty
     */
    static IdleFleet of(String kind, int count) {
        return switch (kind) {
            case "platform", "virtual", "shared" -> new ControllerFleet(kind, count);
            case "pekko" -> new PekkoFleet(count);
            default -> throw new IllegalArgumentException("kind: " + kind
                    + " (expected: platform, virtual, shared or pekko)");
        };
    }

    /**
     * The heap in use after two full collections.
     *
     * @return bytes
     */
    static long heapUsedAfterGc() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return m.getHeapMemoryUsage().getUsed();
    }

    /**
     * Whether the heap in use (garbage included) passed a share of its maximum.
     *
     * @param share the share
     * @return {@code true} if so
     */
    static boolean heapAbove(double share) {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory() > share * r.maxMemory();
    }
}
