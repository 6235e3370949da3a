package dev.eventdriven.bench.subprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The raw echo child, as a real child JVM, sends back every frame unchanged and in order. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RawEchoChildTest {

    @Test
    void aChildEchoesFramesInOrderAndEndsAtEndOfInput() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                RawEchoChild.class.getName())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            DataOutputStream toChild = new DataOutputStream(new BufferedOutputStream(child.getOutputStream()));
            DataInputStream fromChild = new DataInputStream(new BufferedInputStream(child.getInputStream()));
            Random random = new Random(42);
            byte[][] sent = new byte[200][];
            for (int i = 0; i < sent.length; i++) {
                sent[i] = new byte[random.nextInt(i == 0 ? 1 : 5_000)];
                random.nextBytes(sent[i]);
            }
            // Write from another thread: the child echoes while it reads, so a writer that does not
            // read would block on a full pipe, and so would the child.
            Thread writer = new Thread(() -> {
                try {
                    for (byte[] frame : sent) {
                        toChild.writeInt(frame.length);
                        toChild.write(frame);
                    }
                    toChild.close();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "echo-writer");
            writer.start();
            for (byte[] expected : sent) {
                byte[] got = new byte[fromChild.readInt()];
                fromChild.readFully(got);
                assertArrayEquals(expected, got);
            }
            assertEquals(-1, fromChild.read());
            assertEquals(0, child.waitFor());
            writer.join();
        } finally {
            child.destroyForcibly();
        }
    }
}
