package dev.eventdriven.subprocess.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Everything needed to start and talk to one child, as built by {@code Subprocess.Builder}.
 *
 * @param name the child's name (logs, threads, messages)
 * @param javaBinary the {@code java} executable
 * @param classPath the child's class path
 * @param jvmOptions options placed before the main class
 * @param environment variables added to (or, with a {@code null} value, removed from) the inherited ones
 * @param workingDirectory the child's working directory, or {@code null} for the parent's
 * @param blueprintClass the class of the child workers' mapping
 * @param workers the number of worker controllers in the child
 * @param maxFrameBytes the largest frame accepted either way
 * @param stderrTailLines how many stderr lines to keep for error messages
 * @param shutdownTimeout how long a graceful shutdown waits for the child before killing it
 * @param threadFactory where the parent's reader threads come from
 * @param maxInFlight the most calls in flight to the child
 * @param maxInFlightBytes the most bytes of frames in flight to the child
 * @param startTimeout how long the start waits for the child to be ready
 * @param livenessInterval time between liveness pings, or {@code null} for no liveness check
 * @param livenessTimeout how long a ping's answer may take, or {@code null}
 */
public record ChildSettings(String name, Path javaBinary, String classPath, List<String> jvmOptions,
                            Map<String, String> environment, Path workingDirectory, String blueprintClass,
                            int workers, int maxFrameBytes, int stderrTailLines, Duration shutdownTimeout,
                            ThreadFactory threadFactory, int maxInFlight, long maxInFlightBytes, Duration startTimeout,
                            Duration livenessInterval, Duration livenessTimeout) {
}
