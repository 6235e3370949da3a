package dev.eventdriven.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.Pending;
import dev.eventdriven.SystemEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's "Testing your handlers" example, run as a test, and checked to be shown there as is. */
class ReadmeTestingExampleTest {

    /** The handlers under test: a counter that reports every 10 ticks. */
    static final class Counter {
        private final List<String> reports = new ArrayList<>();
        private int count;

        int add(int n) {
            count += n;
            return count;
        }

        void tick() {
            reports.add("count " + count);
        }
    }

    @Test
    void countsAndReportsOnTime() {
        Counter counter = new Counter();
        // README:begin
        try (TestKit kit = TestKit.create()) {
            Controller c = kit.start(Controller.builder("counter")
                    .on("add", Integer.class, n -> { return counter.add(n); })
                    .on(SystemEvent.TIMING, s -> counter.tick())
                    .adapter(kit.every(Duration.ofSeconds(10))));   // a timer on the kit's virtual clock

            Pending<Integer> total = c.request("add", 2, Integer.class);
            c.dispatch("add", 3);
            kit.runNext();                                         // one event, on this thread
            assertEquals(2, total.join());
            kit.runAll();                                          // the rest

            kit.advance(Duration.ofSeconds(25));                   // ticks at 10 s and 20 s, in order
            assertEquals(List.of("count 5", "count 5"), counter.reports);
            kit.recording(c).assertHandled("add", "add", SystemEvent.TIMING, SystemEvent.TIMING);
            kit.recording(c).assertNoFailures();
        }
        // README:end
    }

    @Test
    void theReadmeShowsTheExampleAsIs() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/eventdriven/testkit/ReadmeTestingExampleTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String snippet = source.substring(source.indexOf("// README:begin\n") + "// README:begin\n".length(),
                source.indexOf("        // README:end"));
        String unindented = snippet.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n", "", "\n"));
        assertTrue(readme.contains(unindented), "README.md must show the example as is:\n" + unindented);
    }
}
