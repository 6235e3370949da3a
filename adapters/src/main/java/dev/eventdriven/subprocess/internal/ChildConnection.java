package dev.eventdriven.subprocess.internal;

import dev.eventdriven.subprocess.ChannelProtocolException;
import dev.eventdriven.subprocess.ChildProcessException;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child process and the parent's end of its channel: starts it, sends requests and matches the
 * answers, forwards the child's stderr to the log, and notices its death.
 * <pre>
 *   call(msg) --frame--&gt; child stdin        child stdout --frame--&gt; reader thread --&gt; in-flight future
 *   in-flight: id -&gt; future                 child stderr --line--&gt; stderr thread --&gt; slf4j + tail
 *   reader sees end/garbage --&gt; wait exit --&gt; fail every in-flight future --&gt; Listener.exited
 * </pre>
 * {@link #call} and {@link #send} may be called from any thread; the reader thread owns the input.
 */
public final class ChildConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ChildConnection.class);

    /** What the adapter hears from the connection. Called on the reader thread. */
    public interface Listener {
        /**
         * The child dispatched an event to the parent.
         *
         * @param message the DISPATCH message
         */
        void dispatched(List<?> message);

        /**
         * The child requested an event of the parent.
         *
         * @param message the REQUEST message
         * @return the parent's answer
         */
        CompletionStage<?> requested(List<?> message);

        /** The last in-flight answer arrived. */
        void idle();

        /**
         * The child is gone; every in-flight future has failed with {@code cause} already.
         *
         * @param connection this connection
         * @param cause why, with exit code and stderr tail
         * @param requested {@code true} if the parent asked it to stop
         */
        void exited(ChildConnection connection, ChildProcessException cause, boolean requested);
    }

    private final ChildSettings settings;
    private final Listener listener;
    private final Logger childLog;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final Map<Long, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    // Counts answers awaited until their futures have completed (the map entry goes first), so that
    // "idle" is never seen before the Pending behind the last answer is done.
    private final AtomicInteger awaited = new AtomicInteger();
    private Process process;
    private FrameChannel channel;
    private Thread reader;
    private Thread stderr;
    private volatile boolean stopRequested;
    private volatile ChildProcessException death;

    /**
     * Creates a connection; {@link #start()} starts the child.
     *
     * @param settings how to start the child
     * @param listener who hears about the child
     */
    public ChildConnection(ChildSettings settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
        this.childLog = LoggerFactory.getLogger("dev.eventdriven.subprocess.child." + settings.name());
    }

    /**
     * Starts the child process and the reader threads.
     *
     * @throws ChildProcessException if the process cannot be started
     */
    public void start() {
        List<String> command = new ArrayList<>();
        command.add(settings.javaBinary().toString());
        command.add("-XX:+ExitOnOutOfMemoryError"); // a child out of memory is in no state to go on
        // The JVM itself writes to fd 1 (its own messages, unified logging warnings), where they would
        // corrupt the channel: send them to stderr, where the parent logs them.
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-Xlog:disable");
        command.add("-Xlog:all=warning:stderr");
        command.addAll(settings.jvmOptions());
        command.add("-cp");
        command.add(settings.classPath());
        command.add(ChildMain.class.getName());
        command.add(settings.name());
        command.add(settings.blueprintClass());
        command.add(Integer.toString(settings.workers()));
        command.add(Integer.toString(settings.maxFrameBytes()));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (settings.workingDirectory() != null) {
            pb.directory(settings.workingDirectory().toFile());
        }
        settings.environment().forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ChildProcessException("child '" + settings.name() + "' could not be started with "
                    + command.get(0) + ": " + e.getMessage(), null, List.of());
        }
        channel = new FrameChannel(process.getInputStream(),
                new BufferedOutputStream(process.getOutputStream(), 1 << 16), new ValueCodec(null),
                settings.maxFrameBytes(), body -> thread(body, "-flusher"));
        stderr = thread(this::readStderr, "-stderr");
        reader = thread(this::readFrames, "-channel");
        stderr.start();
        reader.start();
        LOG.info("child '{}' started, pid {}", settings.name(), process.pid());
    }

    private Thread thread(Runnable body, String suffix) {
        Thread t = settings.threadFactory().newThread(body);
        t.setName(settings.name() + suffix);
        t.setDaemon(true);
        return t;
    }

    /**
     * The child's process id.
     *
     * @return the pid
     */
    public long pid() {
        return process.pid();
    }

    /**
     * Encodes a message now (so that an unencodable value fails on the caller's thread), sends it with
     * a fresh id in element 1, and returns the future of its answer.
     *
     * @param kind the message kind
     * @param fields the elements after the id
     * @return the answer; fails with {@link ChildProcessException} if the child dies first
     * @throws IllegalArgumentException if a field cannot be encoded or the frame is too large
     */
    public CompletableFuture<Object> call(int kind, Object... fields) {
        return call(new CompletableFuture<>(), kind, fields);
    }

    /**
     * As {@link #call(int, Object...)}, completing a future of the caller's: a subclass may act on
     * the answer in {@code complete}/{@code completeExceptionally} without a dependent stage.
     *
     * @param answer completed with the answer, or failed
     * @param kind the message kind
     * @param fields the elements after the id
     * @param <F> the future's type
     * @return {@code answer}
     * @throws IllegalArgumentException if a field cannot be encoded or the frame is too large
     */
    public <F extends CompletableFuture<Object>> F call(F answer, int kind, Object... fields) {
        long id = ids.incrementAndGet();
        Object[] message = new Object[fields.length + 2];
        message[0] = kind;
        message[1] = id;
        System.arraycopy(fields, 0, message, 2, fields.length);
        byte[] frame = channel.encode(Arrays.asList(message));
        awaited.incrementAndGet();
        inFlight.put(id, answer);
        ChildProcessException dead = death;
        if (dead != null) {
            fail(id, dead);
            return answer;
        }
        try {
            channel.writeEncoded(frame);
        } catch (IOException e) {
            // The reader will notice the death and fail this future with the exit code; nothing else to do.
            LOG.debug("child '{}': write failed: {}", settings.name(), e.toString());
        }
        if (death != null) {
            fail(id, death);
        }
        return answer;
    }

    /**
     * Sends a message that is not answered.
     *
     * @param message the message
     */
    public void send(List<Object> message) {
        try {
            channel.write(message);
        } catch (IOException e) {
            LOG.debug("child '{}': write failed: {}", settings.name(), e.toString());
        }
    }

    /**
     * Whether no answer is awaited.
     *
     * @return {@code true} when idle
     */
    public boolean isIdle() {
        return awaited.get() == 0;
    }

    /**
     * Whether the child has died or stopped.
     *
     * @return {@code true} once its death has been handled
     */
    public boolean isDead() {
        return death != null;
    }

    /**
     * Graceful stop: asks the child to drain and exit, waits up to the shutdown timeout, then kills it.
     * Waits for the reader threads to end. Any thread but the reader.
     */
    public void stop() {
        stopRequested = true;
        send(List.of(Protocol.SHUTDOWN));
        join(settings.shutdownTimeout());
        if (reader.isAlive()) {
            LOG.warn("child '{}' did not stop within {}; killing it", settings.name(), settings.shutdownTimeout());
            process.destroyForcibly();
            join(Duration.ofSeconds(5));
        }
    }

    /** Kills the child at once and waits for the reader threads. Any thread but the reader. */
    public void kill() {
        stopRequested = true;
        process.destroyForcibly();
        join(Duration.ofSeconds(5));
    }

    private void join(Duration timeout) {
        try {
            reader.join(Math.max(1, timeout.toMillis()));
            stderr.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readFrames() {
        String reason = "exited";
        try {
            if (!channel.skipToPreamble(line -> childLog.warn("(stdout, before the channel opened) {}", line))) {
                died("exited before opening its channel");
                return;
            }
            for (;;) {
                Object frame = channel.read();
                if (frame == FrameChannel.END) {
                    break;
                }
                handle(Protocol.message(frame, 1));
            }
        } catch (ChannelProtocolException e) {
            LOG.error("child '{}': protocol error on its channel; killing it", settings.name(), e);
            reason = "sent a bad frame (" + e.getMessage() + ") and was killed";
            process.destroyForcibly();
        } catch (IOException e) {
            reason = "closed its channel (" + e.getMessage() + ")";
        } catch (RuntimeException e) {
            LOG.error("child '{}': failed to handle a frame; killing it", settings.name(), e);
            reason = "could not be understood (" + e + ") and was killed";
            process.destroyForcibly();
        }
        died(reason);
    }

    private void handle(List<?> m) {
        switch ((Integer) m.get(0)) {
            case Protocol.RESULT -> complete(Protocol.field(Protocol.message(m, 3), 1, Long.class), m.get(2), null);
            case Protocol.FAILURE -> complete(Protocol.field(Protocol.message(m, 3), 1, Long.class), null,
                    Protocol.field(m, 2, Throwable.class));
            case Protocol.DISPATCH -> listener.dispatched(Protocol.message(m, 5));
            case Protocol.REQUEST -> {
                long id = Protocol.field(Protocol.message(m, 6), 1, Long.class);
                CompletionStage<?> answer;
                try {
                    answer = listener.requested(m);
                } catch (RuntimeException e) {
                    answer = CompletableFuture.failedFuture(e);
                }
                answer.whenComplete((r, e) -> answerRequest(id, r, e));
            }
            case Protocol.READY -> LOG.debug("child '{}' is ready", settings.name());
            case Protocol.BYE -> LOG.debug("child '{}' drained and says goodbye", settings.name());
            default -> throw new ChannelProtocolException("unknown message kind " + m.get(0) + " from the child");
        }
    }

    private void answerRequest(long id, Object value, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        try {
            send(cause == null ? Arrays.asList(Protocol.RESULT, id, value) : Arrays.asList(Protocol.FAILURE, id, cause));
        } catch (IllegalArgumentException unencodable) {
            send(Arrays.asList(Protocol.FAILURE, id, unencodable));
        }
    }

    private void complete(long id, Object value, Throwable error) {
        CompletableFuture<Object> f = inFlight.remove(id);
        if (f == null) {
            throw new ChannelProtocolException("answer to unknown request " + id);
        }
        if (error != null) {
            f.completeExceptionally(error);
        } else {
            f.complete(value);
        }
        answered();
    }

    private void fail(long id, ChildProcessException cause) {
        CompletableFuture<Object> f = inFlight.remove(id);
        if (f != null) {
            f.completeExceptionally(cause);
            answered();
        }
    }

    private void answered() {
        if (awaited.decrementAndGet() == 0) {
            listener.idle();
        }
    }

    private void died(String reason) {
        channel.closeOutput();
        Integer exit = null;
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                exit = process.exitValue();
            } else {
                process.destroyForcibly();
                if (process.waitFor(2, TimeUnit.SECONDS)) {
                    exit = process.exitValue();
                }
            }
            // The stderr reader ends when the process has gone; its last lines say why it died.
            stderr.join(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean requested = stopRequested;
        ChildProcessException cause = new ChildProcessException("child '" + settings.name() + "' (pid "
                + process.pid() + ") " + (requested ? "stopped" : reason), exit, tail());
        death = cause;
        for (Long id : new ArrayList<>(inFlight.keySet())) {
            fail(id, cause);
        }
        if (requested) {
            LOG.info("child '{}' stopped (exit code {})", settings.name(), exit);
        } else {
            LOG.error("{}", cause.getMessage());
        }
        listener.exited(this, cause, requested);
    }

    private void readStderr() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                Charset.defaultCharset()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                childLog.info("{}", line);
                synchronized (tail) {
                    if (tail.size() == settings.stderrTailLines()) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("child '{}': stderr closed: {}", settings.name(), e.toString());
        }
    }

    private List<String> tail() {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }
}
