package dev.eventdriven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** A Flight Recorder recording of the library's events for one test, read back from its file. */
final class FlightRecording implements AutoCloseable {

    private final Recording recording = new Recording();
    private List<RecordedEvent> events;

    private FlightRecording() {
    }

    /**
     * Starts a recording of the named event types, every one with no threshold.
     *
     * @param names the event type names
     * @return the running recording
     */
    static FlightRecording of(String... names) {
        FlightRecording r = new FlightRecording();
        for (String name : names) {
            r.recording.enable(name).withThreshold(Duration.ZERO);
        }
        r.recording.start();
        return r;
    }

    /**
     * Starts a recording of an event type with its default settings (its annotations).
     *
     * @param name the event type name
     * @return the running recording
     */
    static FlightRecording withDefaults(String name) {
        FlightRecording r = new FlightRecording();
        r.recording.enable(name);
        r.recording.start();
        return r;
    }

    /**
     * Stops the recording (once), dumps it and reads back the events of one type.
     *
     * @param name the event type name
     * @return the events in the order they were read
     */
    List<RecordedEvent> events(String name) {
        if (events == null) {
            recording.stop();
            try {
                Path file = Files.createTempFile("eventdriven-test", ".jfr");
                try {
                    recording.dump(file);
                    events = RecordingFile.readAllEvents(file);
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    @Override
    public void close() {
        recording.close();
    }
}
