package dev.eventdriven.subprocess.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM for {@link ChildStderrTest}: logs through whatever logback configuration it was started
 * with, and prints a line of its own.
 */
public final class ChildLoggingMain {

    private ChildLoggingMain() {
    }

    /**
     * Logs an INFO, a DEBUG (below the configured level), a WARN with an exception, then prints.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger("com.example.Worker");
        log.info("worker started");
        log.debug("not logged at the default level");
        log.warn("request failed", new IllegalStateException("boom", new ArithmeticException("inner")));
        System.err.println("a plain print");
        System.err.flush();
    }
}
