package dev.eventdriven.timer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A set's batch: hands over its ticks once, skips cancelled entries, and is reused once drained. */
class TickBatchTest {

    private final AtomicReference<TickBatch> spare = new AtomicReference<>();

    private static Periodic entry(Object value) {
        return new Periodic("tick", value, 1, 0);
    }

    @Test
    void handsOverEachTickOnceInOrderSkippingCancelledEntries() {
        TickBatch b = TickBatch.take(4, spare);
        Periodic a = entry("a");
        Periodic c = entry("c");
        b.add(a);
        b.add(entry("b"));
        b.add(c);
        c.cancelled = true;
        List<Object> seen = new ArrayList<>();

        b.drainTo((id, v) -> seen.add(v));
        b.drainTo((id, v) -> seen.add("again " + v));

        assertEquals(List.of("a", "b"), seen);
    }

    @Test
    void everyTickIsHandedOverEvenAfterTheSinkSaidStop() {
        TickBatch b = TickBatch.take(3, spare);
        b.add(entry(1));
        b.add(entry(2));
        b.add(entry(3));
        List<Object> seen = new ArrayList<>();

        b.drainTo((id, v) -> {
            seen.add(v);
            return false; // the loop stops: what follows is handed back by the loop, not lost here
        });

        assertEquals(List.of(1, 2, 3), seen);
    }

    @Test
    void aDrainedBatchIsTheNextOneIfBigEnough() {
        TickBatch first = TickBatch.take(8, spare);
        first.add(entry(1));
        first.drainTo((id, v) -> true);
        assertSame(first, spare.get());

        TickBatch second = TickBatch.take(8, spare);
        assertSame(first, second);
        assertEquals(0, second.size());
        assertNull(spare.get());
        second.drainTo((id, v) -> true);

        TickBatch bigger = TickBatch.take(16, spare);
        assertNotSame(first, bigger, "a spare too small is dropped");
    }
}
