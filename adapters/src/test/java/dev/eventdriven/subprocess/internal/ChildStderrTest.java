package dev.eventdriven.subprocess.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The stderr pump: bounded lines and tail, one log event per child event, at the child's level. */
class ChildStderrTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CONFIGURATION_FILE = "logback.configurationFile";
    private static final AtomicInteger LOGGERS = new AtomicInteger();

    private final Logger logger = (Logger) LoggerFactory.getLogger(
            "dev.eventdriven.subprocess.child.stderr-test-" + LOGGERS.incrementAndGet());
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    ChildStderrTest() {
        captured.start();
        logger.addAppender(captured);
        logger.setLevel(Level.TRACE);
        logger.setAdditive(false); // a 50 MB line is not for the console
    }

    @AfterEach
    void detach() {
        logger.detachAppender(captured);
        captured.stop();
    }

    private List<ILoggingEvent> events() {
        return List.copyOf(captured.list);
    }

    private List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private ChildStderr pump(InputStream in, int tailLines) {
        ChildStderr pump = new ChildStderr(in, logger, tailLines, StandardCharsets.UTF_8);
        pump.run();
        return pump;
    }

    /** {@code length} bytes of one repeated byte, made as they are read. */
    private static InputStream repeated(byte b, long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                return left-- > 0 ? b : -1;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(buf, off, off + n, b);
                left -= n;
                return n;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, left);
            }
        };
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFiftyMegabyteLineIsCutIntoPiecesOfAtMost8KiBAndTheLineAfterItIsStillRead() {
        long length = 50_000_000;
        ChildStderr stderr = pump(new SequenceInputStream(repeated((byte) 'x', length), bytes("\nafter\n")), 20);
        List<String> messages = messages();
        assertEquals("after", messages.get(messages.size() - 1));
        long total = 0;
        for (String m : messages.subList(0, messages.size() - 1)) {
            assertTrue(m.length() <= ChildStderr.MAX_LINE, "a piece of " + m.length());
            total += m.length();
        }
        assertEquals(length, total);
        List<String> tail = stderr.tail();
        assertEquals("after", tail.get(tail.size() - 1));
        assertTrue(tail.stream().mapToInt(String::length).sum() <= ChildStderr.TAIL_BYTES, "tail of " + tail.size());
    }

    @Test
    void aLongLineIsNeverCutInsideACharacter() {
        String euros = "€".repeat(10_000); // three bytes each: 8 KiB is not a multiple of 3
        pump(bytes(euros + "\n"), 20);
        List<String> messages = messages();
        assertTrue(messages.size() > 1, "cut into " + messages.size());
        assertEquals(euros, String.join("", messages));
        messages.forEach(m -> assertTrue(m.getBytes(StandardCharsets.UTF_8).length <= ChildStderr.MAX_LINE));
    }

    @Test
    void theTailKeepsAtMostTailLinesAndAtMost16KiB() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(String.format("%04d", i)).append("-".repeat(996)).append('\n');
        }
        List<String> tail = pump(bytes(text.toString()), 50).tail();
        assertEquals(16, tail.size(), "16 lines of 1000 bytes fit in 16 KiB, 17 do not");
        assertTrue(tail.get(0).startsWith("0084"), tail.get(0));
        assertTrue(tail.get(15).startsWith("0099"), tail.get(15));
        assertEquals(List.of("c", "d"), pump(bytes("a\nb\nc\nd\n"), 2).tail());
    }

    @Test
    void aJavaStackTraceIsOneLogEvent() {
        Exception failure = new IllegalStateException("outer", new ArithmeticException("inner"));
        failure.addSuppressed(new IllegalArgumentException("suppressed"));
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(trace, true, StandardCharsets.UTF_8)) {
            print.println("before");
            failure.printStackTrace(print);
            print.println("after");
        }
        String text = trace.toString(StandardCharsets.UTF_8);
        pump(bytes(text), 20);
        List<String> messages = messages();
        assertEquals(3, messages.size(), String.join("\n---\n", messages));
        assertEquals("before", messages.get(0));
        String stackTrace = text.substring("before\n".length(), text.length() - "after\n".length() - 1)
                .replace(System.lineSeparator(), "\n");
        assertEquals(stackTrace, messages.get(1));
        assertTrue(messages.get(1).contains("\nCaused by: java.lang.ArithmeticException: inner"), messages.get(1));
        assertTrue(messages.get(1).contains("\n\tSuppressed: java.lang.IllegalArgumentException"), messages.get(1));
        assertEquals("after", messages.get(2));
        assertTrue(events().stream().allMatch(e -> e.getLevel() == Level.INFO));
    }

    @Test
    void aMarkedLineIsLoggedAtItsLevelWithTheChildsLoggerName() {
        pump(bytes(ChildStderr.MARKER + "WARN|com.example.Disk|almost full | 95%\n"
                + ChildStderr.MARKER + "ERROR|com.example.Disk|full\n"
                + ChildStderr.MARKER + "DEBUG|d|debug\n"
                + ChildStderr.MARKER + "TRACE|t|trace\n"
                + ChildStderr.MARKER + "INFO|i|info\n"
                + ChildStderr.MARKER + "LOUD|x|not a level\n"), 20);
        List<ILoggingEvent> events = events();
        assertEquals(List.of(Level.WARN, Level.ERROR, Level.DEBUG, Level.TRACE, Level.INFO, Level.INFO),
                events.stream().map(ILoggingEvent::getLevel).toList());
        assertEquals(List.of("[com.example.Disk] almost full | 95%", "[com.example.Disk] full", "[d] debug",
                "[t] trace", "[i] info", ChildStderr.MARKER + "LOUD|x|not a level"), messages());
    }

    @Test
    void aMarkedEventKeepsItsExceptionAndTheTailDropsTheMarker() {
        ChildStderr stderr = pump(bytes(ChildStderr.MARKER + "ERROR|com.example.Worker|request failed\n"
                + "java.lang.IllegalStateException: boom\n"
                + "\tat com.example.Worker.handle(Worker.java:42)\n"
                + "Caused by: java.lang.ArithmeticException: inner\n"
                + "\t... 1 common frames omitted\n"
                + "plain line\n"), 20);
        List<ILoggingEvent> events = events();
        assertEquals(2, events.size(), messages().toString());
        assertEquals(Level.ERROR, events.get(0).getLevel());
        assertEquals("[com.example.Worker] request failed\njava.lang.IllegalStateException: boom\n"
                + "\tat com.example.Worker.handle(Worker.java:42)\nCaused by: java.lang.ArithmeticException: inner\n"
                + "\t... 1 common frames omitted", events.get(0).getFormattedMessage());
        assertEquals("plain line", events.get(1).getFormattedMessage());
        assertEquals("ERROR|com.example.Worker|request failed", stderr.tail().get(0));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aLoneLineIsLoggedWhileTheStreamStaysOpen() throws Exception {
        PipedOutputStream child = new PipedOutputStream();
        ChildStderr stderr = new ChildStderr(new PipedInputStream(child, 1 << 16), logger, 20,
                StandardCharsets.UTF_8);
        Thread pumping = new Thread(stderr, "stderr-test-pump");
        pumping.start();
        child.write("lonely\n".getBytes(StandardCharsets.UTF_8));
        child.flush();
        await().atMost(WAIT).until(() -> messages().equals(List.of("lonely")));
        // A trace written at once is at hand as a whole: one event, though the stream stays open.
        child.write("java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)\n"
                .getBytes(StandardCharsets.UTF_8));
        child.flush();
        await().atMost(WAIT).until(() -> messages().size() == 2);
        assertEquals("java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)",
                messages().get(1));
        assertTrue(pumping.isAlive());
        child.close();
        pumping.join(WAIT.toMillis());
        assertFalse(pumping.isAlive());
        assertEquals(List.of("lonely", "java.lang.IllegalStateException: x", "\tat a.B.c(B.java:1)",
                "\tat a.B.d(B.java:2)"), stderr.tail());
    }

    @Test
    void aLastLineWithoutALineEndIsLoggedAtTheEnd() {
        pump(bytes("one\r\ntwo\rthree"), 20);
        assertEquals(List.of("one", "two", "three"), messages());
    }

    @Test
    void thePumpOutlivesAFailingLoggerAndAFailingStream() {
        org.slf4j.Logger failing = mock(org.slf4j.Logger.class);
        doThrow(new IllegalStateException("appender broken")).when(failing).info(anyString(), any(Object.class));
        ChildStderr stderr = new ChildStderr(bytes("a\nb\nc\n"), failing, 20);
        stderr.run();
        assertEquals(List.of("a", "b", "c"), stderr.tail());

        InputStream breaking = new SequenceInputStream(bytes("kept\npartial"), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("pipe broken");
            }
        });
        List<String> tail = pump(breaking, 20).tail();
        assertEquals(List.of("kept", "partial"), tail);
        List<ILoggingEvent> events = events();
        assertEquals(List.of("kept", "partial"), messages().subList(0, 2));
        assertEquals(Level.DEBUG, events.get(2).getLevel());
        assertTrue(events.get(2).getFormattedMessage().contains("pipe broken"), events.get(2).getFormattedMessage());
    }

    @Test
    void argumentsAreChecked() {
        InputStream in = bytes("");
        assertEquals("tailLines: 0 (expected: > 0)", assertThrows(IllegalArgumentException.class,
                () -> new ChildStderr(in, logger, 0)).getMessage());
        assertEquals("stderr: null (expected: not null)", assertThrows(IllegalArgumentException.class,
                () -> new ChildStderr(null, logger, 1)).getMessage());
        assertEquals("log: null (expected: not null)", assertThrows(IllegalArgumentException.class,
                () -> new ChildStderr(in, null, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChildStderr.childLoggingOptions(null));
    }

    @Test
    void childLoggingOptionsPointLogbackAtTheResourceUnlessTheUserChoseAFile() {
        List<String> ours = List.of("-Dlogback.configurationFile=" + ChildStderr.LOGBACK_CONFIGURATION);
        assertEquals(ours, ChildStderr.childLoggingOptions(List.of()));
        assertEquals(ours, ChildStderr.childLoggingOptions(List.of("-Xmx64m", "-Dlogback.debug=true")));
        assertEquals(List.of(), ChildStderr.childLoggingOptions(
                List.of("-Xmx64m", "-Dlogback.configurationFile=/etc/child.xml")));
    }

    @Test
    void theResourceIsFoundByNameAndItsLinesAreReadBackAsOneEventEach() throws Exception {
        ClassLoader loader = ChildStderr.class.getClassLoader();
        URL resource = ch.qos.logback.core.util.Loader.getResource(ChildStderr.LOGBACK_CONFIGURATION, loader);
        assertNotNull(resource, "logback's own lookup by name finds " + ChildStderr.LOGBACK_CONFIGURATION);
        LoggerContext context = new LoggerContext();
        String previous = System.getProperty(CONFIGURATION_FILE);
        try {
            // Logback's own start-up: the option names the resource, logback finds it (or falls back).
            System.setProperty(CONFIGURATION_FILE, ChildStderr.LOGBACK_CONFIGURATION);
            new ContextInitializer(context).autoConfig();
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            assertEquals(Level.INFO, root.getLevel());
            ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("PARENT");
            assertEquals("System.err", console.getTarget());
            Logger worker = context.getLogger("com.example.Worker");
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            written.write(console.getEncoder().encode(new LoggingEvent(Logger.class.getName(), worker, Level.WARN,
                    "request {} failed", new IllegalStateException("boom"), new Object[] {7})));
            written.write(console.getEncoder().encode(new LoggingEvent(Logger.class.getName(), worker, Level.INFO,
                    "next", null, null)));
            pump(new ByteArrayInputStream(written.toByteArray()), 20);
        } finally {
            if (previous == null) {
                System.clearProperty(CONFIGURATION_FILE);
            } else {
                System.setProperty(CONFIGURATION_FILE, previous);
            }
            context.stop();
        }
        List<ILoggingEvent> events = events();
        assertEquals(2, events.size(), messages().toString());
        assertEquals(Level.WARN, events.get(0).getLevel());
        String warn = events.get(0).getFormattedMessage();
        assertTrue(warn.startsWith("[com.example.Worker] request 7 failed\n"
                + "java.lang.IllegalStateException: boom\n\tat "), warn);
        assertEquals("[com.example.Worker] next", events.get(1).getFormattedMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChildJvmStartedWithTheLoggingOptionsIsLoggedEventByEvent() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildStderr.childLoggingOptions(List.of()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildLoggingMain.class.getName());
        Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ChildStderr stderr = new ChildStderr(child.getErrorStream(), logger, 20, Charset.defaultCharset());
        Thread pumping = new Thread(stderr, "stderr-test-child");
        pumping.start();
        assertTrue(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the child exits");
        pumping.join(WAIT.toMillis());
        assertFalse(pumping.isAlive());
        List<ILoggingEvent> events = events();
        assertEquals(3, events.size(), String.join("\n---\n", messages()));
        assertEquals(Level.INFO, events.get(0).getLevel());
        assertEquals("[com.example.Worker] worker started", events.get(0).getFormattedMessage());
        assertEquals(Level.WARN, events.get(1).getLevel());
        String warn = events.get(1).getFormattedMessage();
        assertTrue(warn.startsWith("[com.example.Worker] request failed\njava.lang.IllegalStateException: boom\n"),
                warn);
        assertTrue(warn.contains("\nCaused by: java.lang.ArithmeticException: inner\n"), warn);
        assertEquals(Level.INFO, events.get(2).getLevel());
        assertEquals("a plain print", events.get(2).getFormattedMessage());
    }
}
