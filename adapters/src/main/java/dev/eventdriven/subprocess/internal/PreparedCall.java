package dev.eventdriven.subprocess.internal;

import dev.eventdriven.internal.codec.ValueCodec;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A call to a child encoded on the caller's thread, before anything is sent: its id and the frame
 * that will be written, exactly. Encoding once, at the call, means a value the channel cannot carry
 * (too big, not encodable) fails in {@code dispatch}/{@code request}, and a value mutated after the
 * call cannot change what is sent.
 *
 * @param id the call's id (unique for the adapter's life, across restarts of the child)
 * @param frame the encoded message {@code [kind, id, fields...]}
 * @param what the call, for messages ("event resize")
 */
public record PreparedCall(long id, byte[] frame, String what) {

    /**
     * Encodes a call.
     *
     * @param ids where the id comes from
     * @param codec the codec
     * @param maxFrame the largest frame allowed
     * @param what the call, for messages
     * @param kind the message kind
     * @param fields the elements after the id
     * @return the prepared call
     * @throws IllegalArgumentException if a field cannot be encoded or the frame is too large
     */
    public static PreparedCall encode(AtomicLong ids, ValueCodec codec, int maxFrame, String what, int kind,
                                      Object... fields) {
        long id = ids.incrementAndGet();
        Object[] message = new Object[fields.length + 2];
        message[0] = kind;
        message[1] = id;
        System.arraycopy(fields, 0, message, 2, fields.length);
        return new PreparedCall(id, FrameChannel.encode(codec, maxFrame, Arrays.asList(message)), what);
    }
}
