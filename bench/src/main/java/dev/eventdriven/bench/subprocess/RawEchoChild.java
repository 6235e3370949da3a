package dev.eventdriven.bench.subprocess;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The floor of W5: a child JVM that echoes length-prefixed frames over its stdin/stdout and does
 * nothing else (no codec, no controller, no pool). Same framing as the Subprocess adapter: a 4-byte
 * big-endian length, then that many bytes.
 *
 * <pre>
 *   parent --[len][bytes]--&gt; stdin  | RawEchoChild |  stdout --[len][bytes]--&gt; parent
 * </pre>
 *
 * <p>Output is flushed whenever no more input is waiting, so one call at a time is answered at once
 * and many calls in flight are answered in batches. Ends on end of input. Run it with
 * {@code java -cp bench/target/benchmarks.jar dev.eventdriven.bench.subprocess.RawEchoChild}.
 */
public final class RawEchoChild {

    /** The largest frame accepted (as the adapter's default): 16 MiB. */
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    private RawEchoChild() {
    }

    /**
     * Echoes frames until end of input.
     *
     * @param args ignored
     * @throws IOException on a broken pipe or a frame length out of range
     */
    public static void main(String[] args) throws IOException {
        // The raw descriptors: System.in/out add a layer of synchronization and, for out, a charset.
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
                1 << 16));
        echo(in, out);
    }

    /**
     * Echoes frames from {@code in} to {@code out} until end of input.
     *
     * @param in the frames to echo
     * @param out where they go back
     * @throws IOException on a broken stream or a frame length out of range
     */
    static void echo(DataInputStream in, DataOutputStream out) throws IOException {
        byte[] buf = new byte[256];
        for (;;) {
            int len;
            try {
                len = in.readInt();
            } catch (EOFException end) {
                break;
            }
            if (len < 0 || len > MAX_FRAME) {
                throw new IOException("frame length: " + len + " (expected: 0.." + MAX_FRAME + ")");
            }
            if (len > buf.length) {
                buf = new byte[len];
            }
            in.readFully(buf, 0, len);
            out.writeInt(len);
            out.write(buf, 0, len);
            if (in.available() == 0) {
                out.flush();
            }
        }
        out.flush();
    }
}
