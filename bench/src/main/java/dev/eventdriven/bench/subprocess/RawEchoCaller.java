package dev.eventdriven.bench.subprocess;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The floor: a {@link RawEchoChild} over the same kind of pipes, frames of a 4-byte length and a
 * 4-byte int, one flush per call (as a channel that must not hold a call back), answers matched in
 * order by one reader thread.
 */
final class RawEchoCaller implements ChildCaller {

    private final Process child;
    private final DataOutputStream out;
    private final ConcurrentLinkedQueue<CompletableFuture<Object>> waiting = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<byte[]> sentBytes = new ConcurrentLinkedQueue<>();
    private final Thread reader;

    RawEchoCaller() {
        try {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(CHILD_JVM_OPTIONS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), RawEchoChild.class.getName()));
            child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the raw echo child", e);
        }
        out = new DataOutputStream(new BufferedOutputStream(child.getOutputStream(), 1 << 16));
        DataInputStream in = new DataInputStream(new BufferedInputStream(child.getInputStream(), 1 << 16));
        reader = new Thread(() -> read(in), "w5-raw-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(DataInputStream in) {
        try {
            for (;;) {
                int len = in.readInt();
                if (len == 4) {
                    Integer v = in.readInt();
                    waiting.poll().complete(v);
                    continue;
                }
                byte[] echo = new byte[len];
                in.readFully(echo);
                waiting.poll().complete(Bulk.checked(sentBytes.poll(), echo));
            }
        } catch (IOException end) {
            CompletableFuture<Object> f;
            while ((f = waiting.poll()) != null) {
                f.completeExceptionally(end);
            }
        }
    }

    @Override
    public synchronized CompletableFuture<Object> call(Integer value) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        waiting.add(f);
        try {
            out.writeInt(4);
            out.writeInt(value);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("raw echo child gone", e);
        }
        return f;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public synchronized CompletableFuture<Integer> callBytes(byte[] payload) {
        CompletableFuture f = new CompletableFuture<>();
        waiting.add(f);
        sentBytes.add(payload);
        try {
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("raw echo child gone", e);
        }
        return f;
    }

    @Override
    public void close() {
        try {
            out.close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException("the raw echo child did not stop");
            }
            reader.join(10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
