package dev.eventdriven.bench.nats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A {@link W8Remote} JVM on the benchmark's class path. */
public final class RemoteJvm implements AutoCloseable {

    private final Process process;

    private RemoteJvm(Process process) {
        this.process = process;
    }

    /**
     * Starts a remote and waits for its {@code READY}.
     *
     * @param url the server
     * @param mode {@code library} or {@code raw}
     * @return the remote
     */
    public static RemoteJvm start(String url, String mode) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process p = new ProcessBuilder(java.toString(), "-Xms256m", "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), W8Remote.class.getName(), url, mode)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.equals("READY")) {
                    return new RemoteJvm(p);
                }
            }
            throw new IllegalStateException("W8 remote exited " + p.waitFor() + " before it was ready");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
