package dev.eventdriven.subprocess.internal;

import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.internal.codec.ValueCodec;
import dev.eventdriven.jfr.BridgeDecodeFailedEvent;
import dev.eventdriven.jfr.ChildProcessExitedEvent;
import dev.eventdriven.jfr.ChildProcessStartedEvent;
import dev.eventdriven.subprocess.ChannelProtocolException;
import dev.eventdriven.subprocess.ChildProcessException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child process and the parent's end of its channel: starts it and waits until it is ready,
 * sends calls within a window and matches the answers, forwards the child's stderr to the log, checks
 * that it is alive, and notices its death.
 * <pre>
 *   send(call) --window--&gt; frame --&gt; child stdin     child stdout --frame--&gt; reader --&gt; in-flight future
 *   in-flight: id -&gt; (future, frame size)             child stderr --&gt; ChildStderr --&gt; slf4j + tail
 *   process exit (watched)  or  reader sees end/garbage --&gt; died(): fail every in-flight future
 *   liveness: PING every interval, no PONG within the timeout --&gt; kill --&gt; died()
 * </pre>
 * Death is noticed by watching the process itself, not only the end of its stdout: a grandchild that
 * inherited the child's stdout keeps the stream open after the child died. The death handling runs on
 * its own thread, never on the reader (which a hostile frame could keep busy). {@link #send} and
 * {@link #call} may be called from any thread; the reader thread owns the input.
 */
public final class ChildConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ChildConnection.class);

    /** What the adapter hears from the connection. */
    public interface Listener {
        /**
         * The child dispatched an event to the parent. Reader thread.
         *
         * @param message the DISPATCH message
         */
        void dispatched(List<?> message);

        /**
         * The child requested an event of the parent. Reader thread.
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
         * @param wasReady whether the child had opened its channel and said it was ready
         */
        void exited(ChildConnection connection, ChildProcessException cause, boolean requested, boolean wasReady);
    }

    /** A call in flight: what completes when it is answered, and its room in the window. */
    private record InFlight(CompletableFuture<Object> answer, int frameBytes) {
    }

    private final ChildSettings settings;
    private final Listener listener;
    private final AtomicLong ids;
    private final org.slf4j.Logger childLog;
    private final ValueCodec codec = new ValueCodec(null);
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final CallWindow window;
    // Counts answers awaited until their futures have completed (the map entry goes first), so that
    // "idle" is never seen before the Pending behind the last answer is done.
    private final AtomicInteger awaited = new AtomicInteger();
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    private final AtomicBoolean dying = new AtomicBoolean();
    private final AtomicLong lastPong = new AtomicLong();
    private Process process;
    private FrameChannel channel;
    private ChildStderr stderr;
    private Thread reader;
    private Thread stderrThread;
    private volatile boolean stopRequested;
    /** Why the child is being killed, set before the kill so that the death names it. */
    private volatile String killReason;
    private volatile ChildProcessException death;

    /**
     * Creates a connection; {@link #start()} starts the child.
     *
     * @param settings how to start the child
     * @param listener who hears about the child
     * @param ids where call ids come from (shared across restarts)
     */
    public ChildConnection(ChildSettings settings, Listener listener, AtomicLong ids) {
        this.settings = settings;
        this.listener = listener;
        this.ids = ids;
        this.childLog = LoggerFactory.getLogger("dev.eventdriven.subprocess.child." + settings.name());
        this.window = new CallWindow(settings.maxInFlight(), settings.maxInFlightBytes());
    }

    /**
     * Starts the child process and its threads, and waits until it has opened its channel and said it
     * is ready.
     *
     * @throws ChildProcessException if the process cannot be started, exits before it is ready, or is
     *     not ready within the start timeout (it is killed then); with the last stderr lines
     */
    public void start() {
        List<String> command = command();
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
        ChildProcessStartedEvent.emit(settings.name(), process.pid(), command.get(0));
        channel = new FrameChannel(process.getInputStream(),
                new BufferedOutputStream(process.getOutputStream(), 1 << 16), codec,
                settings.maxFrameBytes(), body -> thread(body, "-flusher"));
        stderr = new ChildStderr(process.getErrorStream(), childLog, settings.stderrTailLines());
        stderrThread = thread(stderr, "-stderr");
        reader = thread(this::readFrames, "-channel");
        stderrThread.start();
        reader.start();
        // The process itself is watched: the end of its stdout may come much later (a grandchild).
        process.onExit().thenRun(() -> thread(() -> died("exited"), "-exit").start());
        awaitReady();
        LOG.info("child '{}' started, pid {}", settings.name(), process.pid());
        if (settings.livenessInterval() != null) {
            thread(this::checkLiveness, "-liveness").start();
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(settings.javaBinary().toString());
        command.add("-XX:+ExitOnOutOfMemoryError"); // a child out of memory is in no state to go on
        // The JVM itself writes to fd 1 (its own messages, unified logging warnings), where they would
        // corrupt the channel: send them to stderr, where the parent logs them.
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-Xlog:disable");
        command.add("-Xlog:all=warning:stderr");
        command.addAll(ChildStderr.childLoggingOptions(settings.jvmOptions()));
        command.addAll(settings.jvmOptions());
        command.add("-cp");
        command.add(settings.classPath());
        command.add(ChildMain.class.getName());
        command.add(settings.name());
        command.add(settings.blueprintClass());
        command.add(Integer.toString(settings.workers()));
        command.add(Integer.toString(settings.maxFrameBytes()));
        command.add(Integer.toString(settings.maxInFlight()));
        return command;
    }

    private void awaitReady() {
        try {
            ready.get(settings.startTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw (ChildProcessException) e.getCause();
        } catch (TimeoutException e) {
            killReason = "was not ready within the start timeout of " + settings.startTimeout();
            process.destroyForcibly();
            join(Duration.ofSeconds(5));
            throw new ChildProcessException("child '" + settings.name() + "' (pid " + process.pid() + ") "
                    + killReason, null, stderr.tail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new ChildProcessException("interrupted while starting child '" + settings.name() + "'", null,
                    stderr.tail());
        }
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
     * Encodes a call on the caller's thread (see {@link PreparedCall}).
     *
     * @param what the call, for messages
     * @param kind the message kind
     * @param fields the elements after the id
     * @return the prepared call
     * @throws IllegalArgumentException if a field cannot be encoded or the frame is too large
     */
    public PreparedCall prepare(String what, int kind, Object... fields) {
        return PreparedCall.encode(ids, codec, settings.maxFrameBytes(), what, kind, fields);
    }

    /**
     * Encodes and sends a call (a remote instance's), waiting for room in the window up to
     * {@code timeout}.
     *
     * @param timeout how long to wait for room
     * @param kind the message kind
     * @param fields the elements after the id
     * @return the answer; fails with {@link ChildProcessException} if the child dies first
     * @throws IllegalArgumentException if a field cannot be encoded or the frame is too large
     */
    public CompletableFuture<Object> call(Duration timeout, int kind, Object... fields) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        send(prepare("call", kind, fields), answer, OverflowPolicy.BLOCK, timeout);
        return answer;
    }

    /**
     * Sends a prepared call within the window and completes {@code answer} with the child's answer.
     * Any thread; a full window applies {@code policy} on the calling thread.
     *
     * @param call the call
     * @param answer completed with the answer, or failed (a subclass may act in {@code complete})
     * @param policy what a full window does
     * @param blockTimeout how long BLOCK waits for room
     * @param <F> the future's type
     * @return {@code answer}
     * @throws RejectedEventException if the window is full under FAIL, or stays full under BLOCK
     */
    public <F extends CompletableFuture<Object>> F send(PreparedCall call, F answer, OverflowPolicy policy,
                                                         Duration blockTimeout) {
        int size = call.frame().length;
        boolean admitted;
        try {
            admitted = window.acquire(size, policy, blockTimeout, call.what());
        } catch (ChildProcessException gone) {
            answer.completeExceptionally(gone);
            return answer;
        }
        if (!admitted) {
            answer.completeExceptionally(new RejectedEventException(call.what()
                    + ": the window of calls in flight to the child is full; dropped (DROP_NEWEST)"));
            return answer;
        }
        awaited.incrementAndGet();
        inFlight.put(call.id(), new InFlight(answer, size));
        ChildProcessException dead = death;
        if (dead != null) {
            fail(call.id(), dead);
            return answer;
        }
        try {
            channel.writeEncoded(call.frame());
        } catch (IOException e) {
            // The death watch fails this future with the exit code; nothing else to do.
            LOG.debug("child '{}': write failed: {}", settings.name(), e.toString());
        }
        dead = death;
        if (dead != null) {
            fail(call.id(), dead);
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
     * Whether the calling thread is this connection's reader (which must never wait for room in the
     * window: only it can make room).
     *
     * @return {@code true} on the reader thread
     */
    public boolean onReader() {
        return Thread.currentThread() == reader;
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
        if (!awaitDeath(settings.shutdownTimeout())) {
            LOG.warn("child '{}' did not stop within {}; killing it", settings.name(), settings.shutdownTimeout());
            process.destroyForcibly();
            awaitDeath(Duration.ofSeconds(5));
        }
        join(Duration.ofSeconds(1));
    }

    /** Kills the child at once and waits for its death to be handled. Any thread but the reader. */
    public void kill() {
        stopRequested = true;
        process.destroyForcibly();
        awaitDeath(Duration.ofSeconds(5));
        join(Duration.ofSeconds(1));
    }

    private boolean awaitDeath(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (death == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                process.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return death != null;
            }
            if (!process.isAlive() && death == null) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // the exit watch is on its way
            }
        }
        return true;
    }

    /** Joins the reader threads; a grandchild holding the pipes may keep them alive (they are daemons). */
    private void join(Duration timeout) {
        try {
            reader.join(Math.max(1, timeout.toMillis()));
            stderrThread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readFrames() {
        String reason = "exited";
        try {
            if (channel.skipToPreamble(line -> childLog.warn("(stdout, before the channel opened) {}", line))) {
                for (;;) {
                    Object frame = channel.read();
                    if (frame == FrameChannel.END) {
                        break;
                    }
                    handle(Protocol.message(frame, 1));
                }
            }
        } catch (ChannelProtocolException e) {
            LOG.error("child '{}': protocol error on its channel; killing it", settings.name(), e);
            BridgeDecodeFailedEvent.emit("subprocess", settings.name(), "stdout", -1, e);
            reason = "sent a bad frame (" + e.getMessage() + ") and was killed";
            killReason = reason;
            process.destroyForcibly();
        } catch (IOException e) {
            reason = "closed its channel (" + e.getMessage() + ")";
        } catch (RuntimeException e) {
            LOG.error("child '{}': failed to handle a frame; killing it", settings.name(), e);
            reason = "could not be understood (" + e + ") and was killed";
            killReason = reason;
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
            case Protocol.READY -> {
                LOG.debug("child '{}' is ready", settings.name());
                ready.complete(Protocol.field(Protocol.message(m, 2), 1, Long.class));
            }
            case Protocol.PONG -> lastPong.accumulateAndGet(Protocol.field(Protocol.message(m, 2), 1, Long.class),
                    Math::max);
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
        InFlight f = inFlight.remove(id);
        if (f == null) {
            throw new ChannelProtocolException("answer to unknown request " + id);
        }
        window.release(f.frameBytes());
        if (error != null) {
            f.answer().completeExceptionally(error);
        } else {
            f.answer().complete(value);
        }
        answered();
    }

    private void fail(long id, ChildProcessException cause) {
        InFlight f = inFlight.remove(id);
        if (f != null) {
            window.release(f.frameBytes());
            f.answer().completeExceptionally(cause);
            answered();
        }
    }

    private void answered() {
        if (awaited.decrementAndGet() == 0) {
            listener.idle();
        }
    }

    /** Pings the child every interval; a child that misses an answer is killed. */
    private void checkLiveness() {
        long interval = settings.livenessInterval().toNanos();
        long timeout = settings.livenessTimeout().toNanos();
        for (long seq = 1; death == null; seq++) {
            LockSupport.parkNanos(this, interval);
            if (death != null) {
                return;
            }
            send(Arrays.asList(Protocol.PING, seq));
            long deadline = System.nanoTime() + timeout;
            while (lastPong.get() < seq && death == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    killReason = "missed its liveness check (no answer to a ping within "
                            + settings.livenessTimeout() + ") and was killed";
                    LOG.error("child '{}' (pid {}) {}", settings.name(), process.pid(), killReason);
                    process.destroyForcibly();
                    return;
                }
                LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
            }
        }
    }

    /** The death of the child, once: by the exit watch or by the reader, whichever comes first. */
    private void died(String reason) {
        if (!dying.compareAndSet(false, true)) {
            return;
        }
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
            // The stderr pump ends when the process has gone; its last lines say why it died (unless a
            // grandchild holds the pipe: then the tail is what arrived until now).
            stderrThread.join(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean requested = stopRequested;
        String why = killReason != null ? killReason : reason;
        boolean wasReady = ready.isDone() && !ready.isCompletedExceptionally();
        if (!wasReady && killReason == null) {
            // whoever noticed first (the exit watch, or the reader at the end of the stream)
            why = "exited before it was ready";
        }
        ChildProcessException cause = new ChildProcessException("child '" + settings.name() + "' (pid "
                + process.pid() + ") " + (requested ? "stopped" : why), exit, stderr.tail());
        death = cause;
        ChildProcessExitedEvent.emit(settings.name(), process.pid(), exit, requested, requested ? "stopped" : why);
        ready.completeExceptionally(cause);
        window.close(cause);
        for (Long id : new ArrayList<>(inFlight.keySet())) {
            fail(id, cause);
        }
        if (requested) {
            LOG.info("child '{}' stopped (exit code {})", settings.name(), exit);
        } else if (wasReady) {
            LOG.error("{}", cause.getMessage());
        }
        listener.exited(this, cause, requested, wasReady);
    }
}
