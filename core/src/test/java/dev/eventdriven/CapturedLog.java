package dev.eventdriven;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what the library logs under one logger while a test runs. */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private ch.qos.logback.classic.Level previous;
    private boolean levelSet;

    private CapturedLog(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    /** Captures events from {@code level} on, until closed. */
    CapturedLog atLevel(ch.qos.logback.classic.Level level) {
        previous = logger.getLevel();
        levelSet = true;
        logger.setLevel(level);
        return this;
    }

    List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        if (levelSet) {
            logger.setLevel(previous);
        }
        appender.stop();
    }
}
