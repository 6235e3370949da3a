package dev.eventdriven.subprocess;

import dev.eventdriven.internal.Checks;
import dev.eventdriven.subprocess.internal.Blueprints;
import dev.eventdriven.subprocess.internal.ChildSettings;
import dev.eventdriven.subprocess.internal.FrameChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a {@link Subprocess} adapter. Every setter checks its argument at once. Not thread-safe: use
 * it on one thread.
 *
 * <pre>
 *   Subprocess sub = Subprocess.builder(ImageHandlers.class)
 *           .workers(4)
 *           .jvmOptions("-Xmx256m")
 *           .restartPolicy(RestartPolicy.limited(3, Duration.ofSeconds(1)))
 *           .build();
 *   Controller c = Controller.builder("images").adapter(sub).build();
 * </pre>
 */
public final class SubprocessBuilder {

    private final Class<?> blueprintClass;
    private String name;
    private int workers = 1;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path workingDirectory;
    private String classPath = defaultClassPath();
    private Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
    private int maxFrameBytes = FrameChannel.DEFAULT_MAX_FRAME;
    private int stderrTailLines = 20;
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private Duration callTimeout = Duration.ofSeconds(30);
    private RestartPolicy restartPolicy = RestartPolicy.never();
    private ThreadFactory threadFactory = Thread::new;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private long maxInFlightBytes = DEFAULT_MAX_IN_FLIGHT_BYTES;
    private Duration startTimeout = Duration.ofSeconds(30);
    private Duration livenessInterval;
    private Duration livenessTimeout;

    /** Default bound on the calls in flight to a child. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1024;
    /** Default bound on the bytes of the calls in flight to a child: 64 MiB. */
    public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 64L << 20;

    SubprocessBuilder(Class<?> blueprintClass) {
        Checks.notNull("blueprintClass", blueprintClass);
        Blueprints.checkBlueprintClass(blueprintClass);
        this.blueprintClass = blueprintClass;
    }

    /**
     * The child's name, used for its threads, its logger ({@code dev.eventdriven.subprocess.child.<name>})
     * and messages. Default: the controller's name + {@code "-child"}.
     *
     * @param name a non-blank name
     * @return this builder
     */
    public SubprocessBuilder name(String name) {
        this.name = Checks.name(name);
        return this;
    }

    /**
     * The size of the child's {@code ControllerPool}. Each worker has its own instance of the blueprint
     * class, so handler objects are confined to one thread. Default 1.
     *
     * @param workers &gt; 0
     * @return this builder
     */
    public SubprocessBuilder workers(int workers) {
        this.workers = Checks.positive("workers", workers);
        return this;
    }

    /**
     * JVM options for the child, placed before the main class (e.g. {@code -Xmx256m}). The child always
     * gets {@code -XX:+ExitOnOutOfMemoryError} first, so that an out-of-memory child dies and is
     * reported, and {@code -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr}, so that
     * the JVM's own messages cannot corrupt the channel on stdout. Options given here come after them.
     *
     * @param options the options, appended to those given before
     * @return this builder
     */
    public SubprocessBuilder jvmOptions(String... options) {
        for (String o : Checks.notNull("options", options)) {
            jvmOptions.add(Checks.notNull("option", o));
        }
        return this;
    }

    /**
     * Sets an environment variable of the child (the parent's environment is inherited otherwise).
     *
     * @param key the variable
     * @param value its value, or {@code null} to remove an inherited variable
     * @return this builder
     */
    public SubprocessBuilder environment(String key, String value) {
        environment.put(Checks.key(key), value);
        return this;
    }

    /**
     * The child's working directory. Default: the parent's.
     *
     * @param directory an existing directory
     * @return this builder
     */
    public SubprocessBuilder workingDirectory(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalArgumentException(Checks.message("workingDirectory", directory, "an existing directory"));
        }
        this.workingDirectory = directory;
        return this;
    }

    /**
     * The child's class path; it must hold this library, its slf4j and the blueprint class. Default: the
     * parent's class path followed by its module path (the child runs everything on the class path).
     *
     * @param classPath a non-blank class path
     * @return this builder
     */
    public SubprocessBuilder classPath(String classPath) {
        if (classPath == null || classPath.isBlank()) {
            throw new IllegalArgumentException(Checks.message("classPath", classPath, "a non-blank class path"));
        }
        this.classPath = classPath;
        return this;
    }

    /**
     * The {@code java} executable of the child. Default: the parent's ({@code java.home/bin/java}).
     *
     * @param javaBinary an existing file
     * @return this builder
     */
    public SubprocessBuilder javaBinary(Path javaBinary) {
        if (javaBinary == null || !Files.isRegularFile(javaBinary)) {
            throw new IllegalArgumentException(Checks.message("javaBinary", javaBinary, "an existing java executable"));
        }
        this.javaBinary = javaBinary;
        return this;
    }

    /**
     * The largest frame accepted either way. An event, task or remote call whose encoding is bigger
     * is refused by {@code dispatch}/{@code request}/{@code submit} with an
     * {@link IllegalArgumentException} naming the size, and nothing is sent; a bigger frame arriving
     * is a {@link ChannelProtocolException} that ends the child. Default 16 MiB.
     *
     * @param bytes &gt; 0
     * @return this builder
     */
    public SubprocessBuilder maxFrameBytes(int bytes) {
        this.maxFrameBytes = Checks.positive("maxFrameBytes", bytes);
        return this;
    }

    /**
     * How many of the child's last stderr lines a {@link ChildProcessException} carries. Default 20.
     *
     * @param lines &gt; 0
     * @return this builder
     */
    public SubprocessBuilder stderrTailLines(int lines) {
        this.stderrTailLines = Checks.positive("stderrTailLines", lines);
        return this;
    }

    /**
     * How long a graceful shutdown waits for the child to drain and exit before killing it. Default 10 s.
     *
     * @param timeout &gt; 0
     * @return this builder
     */
    public SubprocessBuilder shutdownTimeout(Duration timeout) {
        this.shutdownTimeout = Checks.positive("shutdownTimeout", timeout);
        return this;
    }

    /**
     * How long a blocking call on a remote instance (and its creation) waits. Default 30 s.
     *
     * @param timeout &gt; 0
     * @return this builder
     */
    public SubprocessBuilder callTimeout(Duration timeout) {
        this.callTimeout = Checks.positive("callTimeout", timeout);
        return this;
    }

    /**
     * What to do when the child dies unexpectedly. Default {@link RestartPolicy#never()}.
     *
     * @param policy the policy
     * @return this builder
     */
    public SubprocessBuilder restartPolicy(RestartPolicy policy) {
        this.restartPolicy = Checks.notNull("restartPolicy", policy);
        return this;
    }

    /**
     * The window of calls in flight to the child: at most {@code calls} events and tasks sent and not
     * yet answered, holding at most {@code bytes} of frames (a single call bigger than that is sent
     * when nothing else is in flight). A call that finds the window full gets the parent
     * controller's overflow policy: BLOCK waits up to its block timeout for room (then
     * {@link dev.eventdriven.RejectedEventException}), FAIL throws
     * {@link dev.eventdriven.RejectedEventException} at once, DROP_NEWEST fails the call's result
     * with it. The wait happens on the dispatching thread when the event goes straight to the child,
     * on the parent's loop thread when it goes through the loop (see {@code Subprocess}). The child's
     * own worker queue is bounded to {@code calls} too. Defaults: 1,024 calls, 64 MiB.
     *
     * @param calls &gt; 0
     * @param bytes &gt; 0
     * @return this builder
     */
    public SubprocessBuilder maxInFlight(int calls, long bytes) {
        this.maxInFlight = Checks.positive("calls", calls);
        if (bytes <= 0) {
            throw new IllegalArgumentException(Checks.message("bytes", bytes, "> 0"));
        }
        this.maxInFlightBytes = bytes;
        return this;
    }

    /**
     * How long {@code run()} of the parent waits for the child to open its channel and say it is
     * ready. A child that exits first, or is not ready in time, makes {@code run()} throw a
     * {@link ChildProcessException} with the reason and the child's last stderr lines (a class path the
     * child cannot load the blueprint from, a java binary that is not one); such a start failure is
     * never retried by the restart policy. Default 30 s.
     *
     * @param timeout &gt; 0
     * @return this builder
     */
    public SubprocessBuilder startTimeout(Duration timeout) {
        this.startTimeout = Checks.positive("startTimeout", timeout);
        return this;
    }

    /**
     * Checks that the child is alive and answering: every {@code interval} the parent sends a ping,
     * which the child answers as it reads it, whatever its workers do (a child's handler runs on the
     * thread that read its frame, and a handler that lasts hands the channel to another of the child's
     * threads within about 2 ms, so a timeout of a few milliseconds or more is meaningful); a child
     * that does not answer within {@code timeout} is killed, its calls in flight fail with a
     * {@link ChildProcessException} saying it missed its liveness check, and the restart policy
     * applies. Default: off.
     *
     * @param interval time between pings, &gt; 0
     * @param timeout how long an answer may take, &gt; 0
     * @return this builder
     */
    public SubprocessBuilder liveness(Duration interval, Duration timeout) {
        this.livenessInterval = Checks.positive("interval", interval);
        this.livenessTimeout = Checks.positive("timeout", timeout);
        return this;
    }

    /**
     * Where the parent's threads per child come from: the channel reader and the stderr reader, and
     * the channel's flusher (started with the first burst of calls; see {@code Subprocess}).
     *
     * @param factory the factory
     * @return this builder
     */
    public SubprocessBuilder threadFactory(ThreadFactory factory) {
        this.threadFactory = Checks.notNull("threadFactory", factory);
        return this;
    }

    /**
     * Builds the adapter, to install with {@code Controller.builder(...).adapter(...)}.
     *
     * @return the adapter
     */
    public Subprocess build() {
        return new Subprocess(this);
    }

    /**
     * The parent's class path, plus its module path (on the class path, modular jars work too), with
     * absolute entries so that another working directory does not break it.
     */
    private static String defaultClassPath() {
        List<String> entries = new ArrayList<>();
        for (String property : new String[] {"java.class.path", "jdk.module.path"}) {
            for (String e : System.getProperty(property, "").split(java.io.File.pathSeparator)) {
                if (!e.isBlank()) {
                    entries.add(Path.of(e).toAbsolutePath().toString());
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    ChildSettings settings(String controllerName) {
        return new ChildSettings(Objects.requireNonNullElse(name, controllerName + "-child"), javaBinary, classPath,
                List.copyOf(jvmOptions), new LinkedHashMap<>(environment), workingDirectory, blueprintClass.getName(),
                workers, maxFrameBytes, stderrTailLines, shutdownTimeout, threadFactory, maxInFlight, maxInFlightBytes,
                startTimeout, livenessInterval, livenessTimeout);
    }

    Duration callTimeout() {
        return callTimeout;
    }

    RestartPolicy restartPolicy() {
        return restartPolicy;
    }

    int maxFrameBytes() {
        return maxFrameBytes;
    }
}
