package dev.eventdriven.subprocess.internal;

import dev.eventdriven.internal.codec.ValueCodec;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Entry point of the child process, started by the parent's {@code Subprocess} adapter. Arguments:
 * {@code <name> <blueprintClass> <workers> <maxFrameBytes> <maxInFlight>}. Exit status: 0 after a
 * graceful stop or the parent's end, 2 if it failed to start, 3 after a protocol error on the
 * channel.
 *
 * <p>Before anything else (before any user class or logger is touched) it takes the real stdout for the
 * channel and points {@code System.out} at stderr, so that user prints reach the parent's log and can
 * never corrupt a frame; {@code System.in} is replaced by an empty stream for the same reason.
 */
public final class ChildMain {

    private ChildMain() {
    }

    /**
     * Runs the child until the parent says SHUTDOWN or its stdin ends; then exits the JVM.
     *
     * @param args name, blueprint class, workers, max frame bytes, max calls in flight
     */
    public static void main(String[] args) {
        OutputStream channelOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        InputStream channelIn = new FileInputStream(FileDescriptor.in); // the channel buffers its reads
        PrintStream userOut = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                Charset.defaultCharset());
        System.setOut(userOut);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        int status;
        try {
            // Whatever the JVM printed to stdout before main precedes this; the parent skips it.
            channelOut.write(FrameChannel.PREAMBLE);
            if (args.length != 5) {
                throw new IllegalArgumentException("usage: ChildMain <name> <blueprintClass> <workers> <maxFrameBytes>"
                        + " <maxInFlight>");
            }
            ChildRuntime runtime = new ChildRuntime(args[0], args[1], Integer.parseInt(args[2]),
                    new FrameChannel(channelIn, channelOut, new ValueCodec(null), Integer.parseInt(args[3]),
                            body -> new Thread(body, args[0] + "-flusher")), Integer.parseInt(args[4]));
            status = runtime.runUntilDone();
        } catch (Throwable t) {
            // Safe now: stdout is redirected, so the logging backend cannot write into the channel.
            org.slf4j.LoggerFactory.getLogger(ChildMain.class).error("subprocess child '{}' failed",
                    args.length > 0 ? args[0] : "?", t);
            status = 2;
        }
        // exit() rather than returning: user code may have started non-daemon threads.
        System.exit(status);
    }
}
