package dev.eventdriven.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SubprocessExampleTest {

    private static long pid(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        assertTrue(m.matches(), line);
        return Long.parseLong(m.group(1));
    }

    @Test
    void eventsAndTasksRunInAChildProcessAndTheirResultsComeBack() {
        List<String> lines = ExampleOutput.of(SubprocessExample::run);

        assertEquals(5, lines.size(), lines.toString());
        long parent = pid(lines.get(0), "main pid: (\\d+)");
        long child = pid(lines.get(1), "pid: (\\d+), dispatch args=\\[1, 2, 3, 4, 5\\]");
        assertEquals(child, pid(lines.get(2), "pid: (\\d+), submit\\(\\) args=\\[1, 2, 3, 4, 5\\]"));
        assertEquals(child, pid(lines.get(3), "100 more tasks ran in the child, e\\.g\\. pid: (\\d+), submit\\(\\) args=\\[99\\]"));
        assertNotEquals(parent, child);
        assertEquals("child alive after shutdown: false", lines.get(4));
        assertTrue(ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true), "the child process is gone");
    }
}
