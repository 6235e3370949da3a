package dev.eventdriven.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ConsoleWithPoolExampleTest {

    @Test
    void theConsoleHandsWorkToThePoolAndReportsOnTicksUntilAllIsDone() {
        List<String> lines = ExampleOutput.of(out -> ConsoleWithPoolExample.run(out, List.of("start 40", "status",
                "bogus", "quit")));

        assertEquals("started 40 jobs", lines.get(0));
        assertTrue(lines.get(1).matches("status: \\d+/40 done"), lines.get(1));
        assertEquals("unknown command: bogus", lines.get(2));
        assertEquals("quit: finishing the running jobs first", lines.get(3));
        List<String> reports = lines.subList(4, lines.size() - 1);
        assertTrue(!reports.isEmpty() && reports.stream().allMatch(l -> l.matches("progress: \\d+/40")), lines.toString());
        assertEquals("progress: 40/40", reports.get(reports.size() - 1));
        // 1² + 2² + ... + 40² = 40·41·81/6
        assertEquals("all 40 jobs done, sum of squares = 22140", lines.get(lines.size() - 1));
    }
}
