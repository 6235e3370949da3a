package dev.eventdriven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** White-box checks of the controller queue that the public API cannot observe. */
class MpscEnvelopeQueueTest {

    @Test
    void aTakenNodeNoLongerLinksToLaterNodes() {
        MpscEnvelopeQueue q = new MpscEnvelopeQueue();
        Envelope a = new Envelope("a", 1, null);
        Envelope b = new Envelope("b", 2, null);
        Envelope c = new Envelope("c", 3, null);
        for (Envelope e : List.of(a, b, c)) {
            assertEquals(MpscEnvelopeQueue.OK, q.offer(e, Integer.MAX_VALUE));
        }

        assertSame(a, q.poll());
        assertSame(b, a.next(), "the head (in use by the loop) keeps its link");
        assertSame(b, q.poll());
        // A taken node that reached the old generation would otherwise keep every later node
        // alive through young collections.
        assertNull(a.next(), "a node the head moved past is unlinked");
        assertSame(c, b.next());

        List<Envelope> drained = new ArrayList<>();
        assertEquals(1, q.drainUntilMarker(drained::add));
        assertEquals(List.of(c), drained);
        assertNull(b.next(), "drainUntilMarker unlinks too");
    }
}
