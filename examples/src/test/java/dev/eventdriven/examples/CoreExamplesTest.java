package dev.eventdriven.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CoreExamplesTest {

    @Test
    void theEventControllerHandlesTheEventThenTheTaskThenStops() {
        List<String> lines = ExampleOutput.of(EventControllerExample::run);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("event 1: \\d+ µs since start, \\d+ µs since dispatch"), lines.get(0));
        assertTrue(lines.get(1).matches("task: \\d+ µs since start, args a b"), lines.get(1));
        assertEquals("controller console is TERMINATED", lines.get(2));
    }

    @Test
    void theReadmeExampleRunsAsShownAndTheReadmeShowsIt() throws Exception {
        assertEquals(List.of("booked book", "tick 1", "hello Ada", "items: 1"), ExampleOutput.of(ReadmeExample::run));

        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/main/java/dev/eventdriven/examples/ReadmeExample.java"));
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        String snippet = source.substring(source.indexOf("// README:begin\n") + "// README:begin\n".length(),
                source.indexOf("        // README:end"));
        String unindented = snippet.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertTrue(readme.contains(unindented), "README.md must show ReadmeExample's snippet as is:\n" + unindented);
    }

    @Test
    void theBlueprintHandlesEventsInDispatchOrder() {
        assertEquals(List.of("3", "1", "2"), ExampleOutput.of(BlueprintExample::run));
    }

    @Test
    void theListenerGetsAForwardingPacket() {
        List<String> lines = ExampleOutput.of(ListeningExample::run);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.contains("event_track: con1 => val=hhhhhhhh"), lines.toString());
        assertTrue(lines.contains("event_track(copy): con2 => val=ForwardingPacket[eventId=cpy, value=hhhhhhhh,"
                + " context={a_ctx=ok}, listener=copy, source=con1, route=[con1]]"), lines.toString());
    }

    @Test
    void bothReadersReadTheArticle() {
        assertEquals(List.of(
                "!!! New papers",
                "wang receive new article",
                "now reading the new article: how to write more pythonic code",
                "yan receive new article",
                "now reading the new article: how to write more pythonic code"),
                ExampleOutput.of(PublicAccountExample::run));
    }

    @Test
    void theDemoRunsEveryExample() {
        List<String> lines = ExampleOutput.of(Main::run);
        assertTrue(lines.contains("== Public account and listeners =="), lines.toString());
        assertTrue(lines.contains("yan receive new article"), lines.toString());
    }
}
