package dev.eventdriven.subprocess.internal;

import dev.eventdriven.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Pumps a child's stderr into the parent's log, one log event per event of the child's, and keeps
 * its last lines for the messages of failures. Runs on its own thread until the stream ends; it never
 * throws and never stops early, whatever the child prints: a child blocked on a full stderr pipe
 * would hang.
 * <pre>
 *   child stderr --bytes--&gt; lines (at most MAX_LINE bytes) --&gt; events --&gt; slf4j (level of the child's)
 *                                                     \--&gt; tail (tailLines lines, TAIL_BYTES bytes)
 * </pre>
 *
 * <p><b>Lines.</b> Bytes are cut into lines at {@code \n}, {@code \r} or {@code \r\n} and decoded with
 * the platform charset (the child's, as it is the same JVM on the same machine). A line longer than
 * {@link #MAX_LINE} bytes is cut into pieces of at most that many bytes, each a line of its own (a
 * character is never cut in two), so that a child printing gigabytes without a newline costs the
 * parent 8 KiB.
 *
 * <p><b>Events.</b> A line that continues the one before it, as a stack trace does (it starts with a
 * tab, with white space and {@code "at "}, with {@code "Caused by:"}, {@code "Suppressed:"} or
 * {@code "... N more"}), is appended to the pending event after a {@code "\n"}. A line that starts
 * with {@link #MARKER}, as the child's logging writes them with {@link #LOGBACK_CONFIGURATION}, reads
 * {@code MARKER LEVEL|loggerName|message} and starts an event logged at that level as
 * {@code "[loggerName] message"}; the first line of an exception logged with it (a class name and
 * its message) continues it too. Any other line starts an event logged at INFO. The pending event is
 * logged when the next one starts, when no more input is at hand (so a lone line is not held back),
 * at the end of the stream, or once it holds {@link #MAX_EVENT} characters (the rest goes on as
 * another event at the same level).
 *
 * <p><b>The child's logging configuration.</b> {@link #childLoggingOptions} points a child's logback
 * at {@link #LOGBACK_CONFIGURATION}, a resource of this module. Logback looks the name up through the
 * class loader. That finds it because a child runs with everything on its class path (see
 * {@code SubprocessBuilder#classPath}), where this jar is not a named module and its resources are not
 * encapsulated; were it on a child's module path, the package {@code dev.eventdriven.subprocess} would
 * have to be opened to find it, which an API package should not be for that.
 *
 * <p>Threading: {@link #run()} on one thread; {@link #tail()} from any thread.
 */
public final class ChildStderr implements Runnable {

    /** What starts a line of an event written by the child's logging: printable, so XML can hold it. */
    public static final String MARKER = "@@ED@@|";

    /** The child's logback configuration, a class path resource (see the class comment). */
    public static final String LOGBACK_CONFIGURATION = "dev/eventdriven/subprocess/child-logback.xml";

    /** The longest line, in bytes; longer ones are cut into pieces of this size. */
    public static final int MAX_LINE = 8 * 1024;

    /** The most bytes of lines the tail keeps. */
    public static final int TAIL_BYTES = 16 * 1024;

    /** The longest event, in characters; what follows goes on in another event. */
    public static final int MAX_EVENT = 64 * 1024;

    private static final String CONFIGURATION_OPTION = "-Dlogback.configurationFile=";

    /** A line that starts with a tab (a frame, {@code Suppressed:}), a frame, or {@code ... N more}. */
    private static final Pattern FRAME = Pattern.compile("\t.*|\\s+at .*|\\s*\\.\\.\\. \\d+ .*", Pattern.DOTALL);

    /** What {@code Throwable.toString()} prints: a qualified class name, maybe a colon and a message. */
    private static final Pattern THROWABLE = Pattern.compile(
            "(?:[\\p{L}_$][\\p{L}\\p{N}_$]*\\.)+[\\p{L}_$][\\p{L}\\p{N}_$]*(?:: .*)?", Pattern.DOTALL);

    private final InputStream in;
    private final Logger log;
    private final int tailLines;
    private final byte[] readBuffer = new byte[MAX_LINE];
    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    /** A {@code \r} ended the last line: a {@code \n} right after it ends nothing. */
    private boolean afterCarriageReturn;
    private final CharsetDecoder decoder;
    private final CharBuffer chars;

    // The pending event; level == null when there is none.
    private Level level;
    /** The child's logger name, {@code null} for an unmarked event. */
    private String loggerName;
    private final StringBuilder event = new StringBuilder();

    /** Guarded by itself, with tailBytes, the sum of its lines' bytes. */
    private final ArrayDeque<Kept> tail = new ArrayDeque<>();
    private int tailBytes;

    /**
     * Creates a pump; {@link #run()} pumps.
     *
     * @param stderr the child's stderr; closed at its end
     * @param log where the child's events go
     * @param tailLines how many lines {@link #tail()} keeps, at most
     * @throws IllegalArgumentException if an argument is null or {@code tailLines} is not positive
     */
    public ChildStderr(InputStream stderr, Logger log, int tailLines) {
        this(stderr, log, tailLines, Charset.defaultCharset());
    }

    /** As the public constructor, decoding with a given charset (for tests). */
    ChildStderr(InputStream stderr, Logger log, int tailLines, Charset charset) {
        this.in = Checks.notNull("stderr", stderr);
        this.log = Checks.notNull("log", log);
        this.tailLines = Checks.positive("tailLines", tailLines);
        this.decoder = Checks.notNull("charset", charset).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.chars = CharBuffer.allocate((int) Math.ceil(MAX_LINE * (double) decoder.maxCharsPerByte()));
    }

    /**
     * The JVM options that point a child's logback at {@link #LOGBACK_CONFIGURATION}, unless the user
     * chose a configuration file already.
     *
     * @param userJvmOptions the options the user gives the child
     * @return {@code -Dlogback.configurationFile=...}, or nothing if {@code userJvmOptions} sets it
     * @throws IllegalArgumentException if {@code userJvmOptions} is null
     */
    public static List<String> childLoggingOptions(List<String> userJvmOptions) {
        for (String option : Checks.notNull("userJvmOptions", userJvmOptions)) {
            if (option != null && option.startsWith(CONFIGURATION_OPTION)) {
                return List.of();
            }
        }
        return List.of(CONFIGURATION_OPTION + LOGBACK_CONFIGURATION);
    }

    /**
     * Pumps the stream into the log until it ends or fails, then closes it. Never throws.
     */
    @Override
    public void run() {
        IOException failure = null;
        try (InputStream stream = in) {
            int n;
            while ((n = stream.read(readBuffer)) >= 0) {
                consume(n);
                if (nothingAtHand(stream)) {
                    emit(); // the pending event is complete as far as anyone can know
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            if (lineLength > 0) {
                endLine();
            }
            emit();
        }
        if (failure != null) {
            try {
                log.debug("stderr closed: {}", failure.toString());
            } catch (RuntimeException ignored) {
                // the same broken logger as in emit(): nothing left to do
            }
        }
    }

    /**
     * The last lines kept, oldest first (without the marker of marked lines). Any thread.
     *
     * @return a copy
     */
    public List<String> tail() {
        synchronized (tail) {
            return tail.stream().map(Kept::text).toList();
        }
    }

    private static boolean nothingAtHand(InputStream stream) {
        try {
            return stream.available() == 0;
        } catch (IOException e) {
            return true; // the next read tells whether the stream is over
        }
    }

    private void consume(int n) {
        for (int i = 0; i < n; i++) {
            byte b = readBuffer[i];
            if (b == '\n' || b == '\r') {
                if (b == '\n' && afterCarriageReturn) {
                    afterCarriageReturn = false;
                    continue;
                }
                afterCarriageReturn = b == '\r';
                endLine();
                continue;
            }
            afterCarriageReturn = false;
            if (lineLength == MAX_LINE) {
                cutPiece();
            }
            line[lineLength++] = b;
        }
    }

    private void endLine() {
        decode(true);
    }

    /** Hands on a full line buffer as a line; an incomplete character at its end stays for the next. */
    private void cutPiece() {
        decode(false);
    }

    /**
     * Decodes the line buffer and accepts it as a line, leaving in the buffer only the bytes of a
     * character cut at its end when it is not the end of the line.
     */
    private void decode(boolean endOfLine) {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, lineLength);
        chars.clear();
        decoder.reset();
        boolean whole = endOfLine;
        decoder.decode(bytes, chars, whole);
        if (!whole && bytes.position() == 0) {
            whole = true; // no character ends in 8 KiB: take the bytes as they come
            decoder.decode(bytes, chars, true);
        }
        if (whole) {
            decoder.flush(chars);
        }
        int used = bytes.position();
        int rest = bytes.remaining();
        System.arraycopy(line, used, line, 0, rest);
        lineLength = rest;
        accept(chars.flip().toString(), used);
    }

    private void accept(String text, int bytes) {
        boolean marked = text.startsWith(MARKER);
        String kept = marked ? text.substring(MARKER.length()) : text;
        keep(kept, marked ? bytes - MARKER.length() : bytes);
        if (marked && startMarked(kept)) {
            return;
        }
        if (level != null && continues(text)) {
            append(text);
            return;
        }
        emit();
        start(Level.INFO, null, text);
    }

    /** Starts an event from {@code LEVEL|loggerName|message}; {@code false} if it does not read so. */
    private boolean startMarked(String text) {
        int afterLevel = text.indexOf('|');
        int afterName = afterLevel < 0 ? -1 : text.indexOf('|', afterLevel + 1);
        if (afterName < 0) {
            return false;
        }
        Level childLevel = level(text.substring(0, afterLevel));
        if (childLevel == null) {
            return false;
        }
        emit();
        start(childLevel, text.substring(afterLevel + 1, afterName), text.substring(afterName + 1));
        return true;
    }

    private static Level level(String name) {
        return switch (name) {
            case "TRACE" -> Level.TRACE;
            case "DEBUG" -> Level.DEBUG;
            case "INFO" -> Level.INFO;
            case "WARN" -> Level.WARN;
            case "ERROR" -> Level.ERROR;
            default -> null;
        };
    }

    /** Whether a line continues the pending event. */
    private boolean continues(String text) {
        return FRAME.matcher(text).matches() || text.startsWith("Caused by:") || text.startsWith("Suppressed:")
                // Logback writes an event's exception after its message, starting with the class name.
                || loggerName != null && THROWABLE.matcher(text).matches();
    }

    private void start(Level childLevel, String childLogger, String text) {
        level = childLevel;
        loggerName = childLogger;
        event.setLength(0);
        event.append(text);
    }

    private void append(String text) {
        if (event.length() + 1 + text.length() > MAX_EVENT) {
            Level sameLevel = level;
            String sameLogger = loggerName;
            emit();
            start(sameLevel, sameLogger, text);
            return;
        }
        event.append('\n').append(text);
    }

    /** Logs the pending event, if any. */
    private void emit() {
        if (level == null) {
            return;
        }
        String text = event.toString();
        Level eventLevel = level;
        String childLogger = loggerName;
        level = null;
        loggerName = null;
        event.setLength(0);
        if (event.capacity() > MAX_LINE) {
            event.trimToSize(); // one long stack trace should not keep its buffer for good
        }
        try {
            log(eventLevel, childLogger, text);
        } catch (RuntimeException | OutOfMemoryError e) {
            // A failing appender (or a heap exhausted elsewhere) loses this event; the pump must go on
            // draining, or the child blocks on a full pipe.
        }
    }

    private void log(Level eventLevel, String childLogger, String text) {
        if (childLogger == null) {
            log.info("{}", text);
            return;
        }
        switch (eventLevel) {
            case TRACE -> log.trace("[{}] {}", childLogger, text);
            case DEBUG -> log.debug("[{}] {}", childLogger, text);
            case INFO -> log.info("[{}] {}", childLogger, text);
            case WARN -> log.warn("[{}] {}", childLogger, text);
            case ERROR -> log.error("[{}] {}", childLogger, text);
            default -> throw new IllegalStateException("unknown level " + eventLevel);
        }
    }

    /** Keeps a line in the tail, dropping the oldest ones beyond its bounds. */
    private void keep(String text, int bytes) {
        synchronized (tail) {
            tail.addLast(new Kept(text, bytes));
            tailBytes += bytes;
            while (tail.size() > tailLines || tailBytes > TAIL_BYTES) {
                tailBytes -= tail.removeFirst().bytes();
            }
        }
    }

    /** A line of the tail and the bytes the child wrote for it. */
    private record Kept(String text, int bytes) {
    }
}
