package dev.eventdriven.internal;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a Flight Recorder recording runs now, kept in one flag that the dispatch and the loop read
 * (instead of asking an event object per event): a listener on the recorder's state changes sets it.
 * A recording that runs without the library's events enabled still sets it: the cost is then the
 * timing of each event, with nothing committed.
 */
final class FlightRecordings implements FlightRecorderListener {

    private static final Logger LOG = LoggerFactory.getLogger(FlightRecordings.class);

    /** Whether a recording runs; read on every dispatch and event while any does. */
    static volatile boolean running;

    static {
        try {
            FlightRecorder.addListener(new FlightRecordings());
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("no Flight Recorder events: the recorder cannot be watched", e);
        }
    }

    private FlightRecordings() {
    }

    /** Loads the class, which starts watching (idempotent). */
    static void watch() {
        // the static initializer does the work
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        recompute(recorder);
    }

    @Override
    public void recordingStateChanged(Recording recording) {
        if (recording.getState() == RecordingState.RUNNING) {
            running = true;
        } else {
            recompute(FlightRecorder.getFlightRecorder());
        }
    }

    private static void recompute(FlightRecorder recorder) {
        boolean any = false;
        for (Recording r : recorder.getRecordings()) {
            any |= r.getState() == RecordingState.RUNNING;
        }
        running = any;
    }
}
