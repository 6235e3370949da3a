package dev.eventdriven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * Unobserved, the probe leaves a dispatch as it was (no clock read, no extras: a plain envelope stays
 * 32 bytes); an observer or a running recording makes it stamp the dispatch time.
 */
class LoopProbeTest {

    @Test
    void withNoObserverAndNoRecordingADispatchIsNotStamped() {
        LoopProbe probe = new LoopProbe("quiet");
        Envelope e = new Envelope("id", 1, null);

        probe.stamp(e);

        assertFalse(probe.active());
        assertNull(e.extra, "no extras allocated");
        assertEquals(Envelope.NOT_STAMPED, e.dispatchedAt());
    }

    @Test
    void anObserverMakesTheDispatchStampedKeepingItsPending() {
        LoopProbe probe = new LoopProbe("observed");
        probe.add((controller, id, wait, took, failed) -> { });
        GuardedFuture.Completion p = new GuardedFuture.Completion("id", () -> false);
        Envelope e = new Envelope("id", 1, p);
        long before = System.nanoTime();

        probe.stamp(e);

        assertTrue(probe.active());
        assertTrue(e.dispatchedAt() - before >= 0);
        assertEquals(p, e.pending());
    }

    @Test
    void aRunningRecordingMakesTheProbeActiveUntilItStops() {
        LoopProbe probe = new LoopProbe("recorded");
        try (Recording r = new Recording()) {
            r.enable("dev.eventdriven.EventHandled").withThreshold(Duration.ZERO);
            r.start();
            assertTrue(probe.active());
            r.stop();
            assertFalse(probe.active());
        }
    }
}
