package dev.eventdriven.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TopologyExampleTest {

    @Test
    void theTypicalSetUpIsDrawnWithItsAdaptersListeningsAndCounters(@TempDir Path folder) throws IOException {
        List<String> lines = ExampleOutput.of(out -> TopologyExample.run(out, folder));
        String text = String.join("\n", lines);

        assertEquals("flowchart LR", lines.get(0));
        assertTrue(text.contains("[\"controller 'console'<br/>RUNNING<br/>queued 0 · handled "), text);
        assertTrue(text.contains("[[\"Timer[report]<br/>event: report<br/>every: PT1S<br/>ticks: "), text);
        assertTrue(text.contains("subgraph n2 [\"pool 'workers'<br/>RUNNING · 2 workers<br/>queued 0 · handled 5"),
                text);
        assertTrue(text.matches("(?s).*n6\\[\\[\"Subprocess<br/>child: render-child<br/>pid: \\d+<br/>alive: true"
                + "<br/>restarts: 0\"]].*"), text);
        assertTrue(text.contains("  n6 -.- n7\n"), "the adapter is drawn next to its child's events: " + text);
        assertTrue(text.contains("([\"source 'render-child'\"])"), text);
        assertTrue(text.contains("-->|\"orders [order, report]\"|"), text);
        assertTrue(text.contains("-->|\"packing [pack]\"|"), text);
        assertTrue(text.contains("-->|\"rendering [render]\"|"), text);
        String dot = Files.readString(folder.resolve("topology.dot"));
        assertTrue(dot.startsWith("digraph eventdriven {\n") && dot.endsWith("}\n"), dot);
        assertEquals(String.join("\n", lines) + "\n", Files.readString(folder.resolve("topology.mmd")));
    }
}
