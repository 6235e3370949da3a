package dev.eventdriven.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.adapter.Adapter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The topology's text: nodes for controllers and their adapters (with what they describe), edges for
 * listenings with their allow lists (sorted), outside nodes for listeners that are not parts, and
 * the live state and counters in the labels.
 */
@Timeout(30)
class TopologyTest {

    /** An adapter that describes itself. */
    static final class Gauge implements Adapter {
        @Override
        public String name() {
            return "gauge";
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", "ms");
            m.put("say \"hi\"", "<ok>");
            return m;
        }
    }

    private static Controller[] wired() {
        Controller console = Controller.builder("console").adapter(new Gauge()).build();
        Controller stats = Controller.builder("stats").build();
        stats.listen(console, Set.of("order", "done"), "statistics");
        console.listenedBy(new LinkedBlockingQueue<ForwardingPacket>(), List.of("audit"), "audit-log");
        return new Controller[] {console, stats};
    }

    @Test
    void mermaidShowsControllersAdaptersAndListeningsWithTheirAllowLists() {
        Controller[] c = wired();

        assertEquals("""
                flowchart LR
                  n0["controller 'console'<br/>NEW<br/>queued 0 · handled 0 · failed 0"]
                  n1[["gauge<br/>unit: ms<br/>say #quot;hi#quot;: #lt;ok#gt;"]]
                  n2["controller 'stats'<br/>NEW<br/>queued 0 · handled 0 · failed 0"]
                  n3>"queue 'audit-log'"]
                  n0 -.- n1
                  n0 -->|"statistics [done, order]"| n2
                  n0 -->|"audit-log [audit]"| n3
                """, Topology.of(c).toMermaid());
    }

    @Test
    void dotShowsTheSameWithShapesAndEscapes() {
        Controller[] c = wired();

        assertEquals("""
                digraph eventdriven {
                  rankdir=LR;
                  node [shape=box, style=rounded, fontname="Helvetica", fontsize=10];
                  edge [fontname="Helvetica", fontsize=9];
                  n0 [label="controller 'console'\\nNEW\\nqueued 0 · handled 0 · failed 0"];
                  n1 [label="gauge\\nunit: ms\\nsay \\"hi\\": <ok>", shape=component, style=solid];
                  n2 [label="controller 'stats'\\nNEW\\nqueued 0 · handled 0 · failed 0"];
                  n3 [label="queue 'audit-log'", shape=cds, style=solid];
                  n0 -> n1 [style=dashed, arrowhead=none];
                  n0 -> n2 [label="statistics [done, order]"];
                  n0 -> n3 [label="audit-log [audit]"];
                }
                """, Topology.of(c).toDot());
    }

    @Test
    void aListenerThatIsNotAPartIsDrawnOutsideAndTheLabelsCarryLiveCounters() {
        Controller source = Controller.builder("source").on("e", s -> 1).build();
        Controller elsewhere = Controller.builder("elsewhere").build();
        elsewhere.listen(source, List.of("e"), "copy");
        try (source) {
            source.run();
            source.request("e").await(Duration.ofSeconds(10));
            // The result completes while the loop still holds the event: wait for its counters.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> source.stats().queued() == 0);

            String text = Topology.of(source).toMermaid();

            assertTrue(text.contains("n0[\"controller 'source'<br/>RUNNING<br/>queued 0 · handled 1 · failed 0\"]"),
                    text);
            assertTrue(text.contains("n1>\"'elsewhere'\"]"), text);
            assertTrue(text.contains("n0 -->|\"copy [e]\"| n1"), text);
        }
    }

    @Test
    void aClosedListeningIsGoneFromTheNextSnapshot() {
        Controller a = Controller.builder("a").build();
        Controller b = Controller.builder("b").build();
        var listening = b.listen(a, List.of("x"), "ab");
        assertEquals(1, Topology.of(a, b).edges().size());

        listening.close();

        assertEquals(List.of(), Topology.of(a, b).edges());
        assertEquals(Topology.of(a, b), Topology.of(a, b));
    }

    @Test
    void anAdapterFactNamingAPartIsDrawnAsALineToIt() {
        Controller events = Controller.builder("child-events").build();
        Controller host = Controller.builder("host").adapter(new Adapter() {
            @Override
            public Map<String, Object> describe() {
                return Map.of("events", events);
            }
        }).build();

        assertTrue(Topology.of(host, events).toMermaid().endsWith("  n0 -.- n1\n  n1 -.- n2\n"),
                Topology.of(host, events).toMermaid());
        assertTrue(Topology.of(host).toMermaid().contains("<br/>events: child-events\"]]"),
                "not a part: a line of text");
    }

    @Test
    void nullPartsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Topology.of((Controller) null));
        assertEquals("parts: a null part (expected: controllers, pools or other sources)", e.getMessage());
    }
}
