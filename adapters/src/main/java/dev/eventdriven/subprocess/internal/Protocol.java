package dev.eventdriven.subprocess.internal;

import dev.eventdriven.subprocess.ChannelProtocolException;
import java.util.List;

/**
 * The messages on the channel. Each frame holds one list whose first element is the message kind.
 * <pre>
 *   parent -&gt; child                               child -&gt; parent
 *   [EVENT, id, eventId, value, context, args]    [READY, pid]
 *   [TASK, id, taskClassName | record, args]      [RESULT, id, value]
 *   [CREATE, id, className, args]                 [FAILURE, id, throwable]
 *   [CALL, id, instance, iface, method, types, args]  [DISPATCH, eventId, value, context, args]
 *   [RELEASE, instance]                           [REQUEST, id, eventId, value, context, args]
 *   [SHUTDOWN]                                    [BYE]
 *   [RESULT, id, value] / [FAILURE, id, throwable]  (answers to REQUEST)
 * </pre>
 */
public final class Protocol {
    /** An event for the child's workers; answered by RESULT (the list of handler returns) or FAILURE. */
    public static final int EVENT = 1;
    /** A named task for the child's workers; answered by RESULT (the task's result) or FAILURE. */
    public static final int TASK = 2;
    /** Create a remote instance; answered by RESULT (the instance id) or FAILURE. */
    public static final int CREATE = 3;
    /** Call a method of a remote instance; answered by RESULT or FAILURE. */
    public static final int CALL = 4;
    /** Forget a remote instance; not answered. */
    public static final int RELEASE = 5;
    /** Drain, answer everything, say BYE and exit. */
    public static final int SHUTDOWN = 6;
    /** The child is ready. */
    public static final int READY = 7;
    /** A successful answer. */
    public static final int RESULT = 8;
    /** A failed answer, carrying the exception as data. */
    public static final int FAILURE = 9;
    /** The child dispatches an event to the parent controller, fire-and-forget. */
    public static final int DISPATCH = 10;
    /** The child requests an event of the parent controller; answered by RESULT or FAILURE. */
    public static final int REQUEST = 11;
    /** The child drained its work and is exiting. */
    public static final int BYE = 12;
    /** Parent to child: are you alive? {@code [PING, seq]}, answered by the child's reader at once. */
    public static final int PING = 13;
    /** Child to parent: the answer to a ping, {@code [PONG, seq]}. */
    public static final int PONG = 14;

    private Protocol() {
    }

    /**
     * Checks that a decoded value is a message and returns it as a list.
     *
     * @param frame the decoded frame
     * @param minSize the size the kind needs
     * @return the message
     * @throws ChannelProtocolException if it is not a message of that size
     */
    public static List<?> message(Object frame, int minSize) {
        if (!(frame instanceof List<?> m) || m.size() < Math.max(1, minSize) || !(m.get(0) instanceof Integer)) {
            throw new ChannelProtocolException("frame is not a message: " + describe(frame));
        }
        return m;
    }

    /**
     * The kind of a message.
     *
     * @param frame the decoded frame
     * @return its kind
     */
    public static int kind(Object frame) {
        return (Integer) message(frame, 1).get(0);
    }

    /**
     * Reads a message element of an expected type.
     *
     * @param m the message
     * @param index the element
     * @param type the expected type
     * @param <T> the type
     * @return the element (may be {@code null} only if it is {@code null} in the frame)
     */
    public static <T> T field(List<?> m, int index, Class<T> type) {
        if (index >= m.size()) {
            throw new ChannelProtocolException("message " + m.get(0) + " has no element " + index);
        }
        Object v = m.get(index);
        if (v != null && !type.isInstance(v)) {
            throw new ChannelProtocolException("message " + m.get(0) + " element " + index + " is a "
                    + v.getClass().getName() + " (expected: " + type.getSimpleName() + ")");
        }
        return type.cast(v);
    }

    /**
     * Reads a list element as a fresh mutable list.
     *
     * @param m the message
     * @param index the element
     * @return a copy of the list, empty if {@code null}
     */
    public static List<Object> listField(List<?> m, int index) {
        List<?> l = field(m, index, List.class);
        return l == null ? new java.util.ArrayList<>() : new java.util.ArrayList<Object>(l);
    }

    private static String describe(Object frame) {
        return frame == null ? "null" : frame.getClass().getName();
    }
}
