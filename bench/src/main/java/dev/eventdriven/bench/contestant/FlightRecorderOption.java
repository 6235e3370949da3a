package dev.eventdriven.bench.contestant;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/** The {@code jfr} parameter of a benchmark: which Flight Recorder recording runs during the trial. */
public final class FlightRecorderOption {

    /** The library's handled-event type (see {@code dev.eventdriven.jfr.EventHandledEvent}). */
    private static final String EVENT_HANDLED = "dev.eventdriven.EventHandled";

    private FlightRecorderOption() {
    }

    /**
     * Starts the recording the option names.
     *
     * @param option {@code none}, {@code default} (the JDK's default settings) or {@code handled-all}
     *     (default settings, and every handled event committed)
     * @return the running recording (close it at the end of the trial), or {@code null} for none
     * @throws IOException if the JDK's settings cannot be read
     * @throws ParseException if the JDK's settings cannot be parsed
     */
    public static Recording start(String option) throws IOException, ParseException {
        if ("none".equals(option)) {
            return null;
        }
        if (!"default".equals(option) && !"handled-all".equals(option)) {
            throw new IllegalArgumentException("jfr: " + option + " (expected: none, default or handled-all)");
        }
        Recording r = new Recording(Configuration.getConfiguration("default"));
        r.setName("bench-" + option);
        r.setToDisk(true);
        r.setMaxAge(Duration.ofMinutes(1)); // a long trial must not fill the disk
        if ("handled-all".equals(option)) {
            r.enable(EVENT_HANDLED).withThreshold(Duration.ZERO);
        }
        r.start();
        return r;
    }
}
