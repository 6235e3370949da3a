package dev.eventdriven.nats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real member JVM ({@link MemberMain}) on the test's class path. */
final class MemberJvm implements AutoCloseable {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Process process;
    final long pid;

    private MemberJvm(Process process, long pid) {
        this.process = process;
        this.pid = pid;
    }

    /** Starts a member and waits until it is exposed. */
    static MemberJvm start(String url, String prefix, String name, String mode, String report) {
        try {
            Process p = new ProcessBuilder(List.of(JAVA.toString(), "-Xmx128m", "-cp",
                    System.getProperty("java.class.path"), MemberMain.class.getName(), url, prefix, name, mode, report))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.startsWith("READY ")) {
                            return line;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            if (ready == null) {
                throw new AssertionError("member JVM exited " + p.waitFor() + " before it was ready");
            }
            return new MemberJvm(p, Long.parseLong(ready.substring(6).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("member JVM did not start", e);
        }
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.getOutputStream().close();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
