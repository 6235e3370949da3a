package dev.eventdriven.nats.internal;

import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.codec.MalformedValueException;
import dev.eventdriven.internal.codec.ValueCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge's messages, each one value of the shared {@link ValueCodec} (allow-listed types only;
 * decoding instantiates no class but enums and records of the safe set, within per-message work and
 * heap budgets):
 * <pre>
 *   call    [eventId, value, context | null, args]       an event, or a request (the message has a reply subject)
 *   reply   [true, results, firstIsAction] | [false, throwable, false]   a request's answer
 *   shared  [eventId, value, context, route]             an event a source shares with remote listeners
 * </pre>
 * Encoding checks the size against the bridge's limit, so a too-big or non-encodable value fails at
 * the call with an {@link IllegalArgumentException} and nothing is sent.
 */
public final class Wire {

    private final ValueCodec codec;
    private final int maxBytes;

    /**
     * Creates the wire format.
     *
     * @param maxBytes the largest message, in bytes
     */
    public Wire(int maxBytes) {
        this.codec = new ValueCodec(Wire.class.getClassLoader());
        this.maxBytes = maxBytes;
    }

    /**
     * The largest message.
     *
     * @return bytes
     */
    public int maxBytes() {
        return maxBytes;
    }

    /** An event or request as received. */
    public record Call(Object eventId, Object value, Map<String, Object> context, Object[] args) {
    }

    /** A request's results as received. */
    public record Results(List<Object> values, boolean firstReturnsNothing) {
    }

    /** A shared event as received. */
    public record Shared(Object eventId, Object value, Map<String, Object> context, List<String> route) {
    }

    /**
     * Encodes an event or request.
     *
     * @param eventId the event id
     * @param value the value
     * @param context the event context, may be {@code null}
     * @param args extra handler arguments
     * @return the message body
     * @throws IllegalArgumentException if something is not encodable or the message is too big
     */
    public byte[] call(Object eventId, Object value, Map<String, ?> context, Object[] args) {
        return encode(Arrays.asList(Checks.eventId(eventId), value, context == null ? null
                : new LinkedHashMap<>(context), args == null ? List.of() : Arrays.asList(args)));
    }

    /**
     * Decodes an event or request.
     *
     * @param data the message body
     * @return the call
     * @throws MalformedValueException if it is not one
     */
    public Call readCall(byte[] data) {
        List<?> m = message(data, 4, "call");
        return new Call(m.get(0), m.get(1), context(m.get(2)), list(m.get(3), "call").toArray());
    }

    /**
     * Encodes a request's results.
     *
     * @param results the handlers' returns
     * @param firstReturnsNothing whether the first handler is an action (typed access says so)
     * @return the message body
     * @throws IllegalArgumentException if a result is not encodable or the reply too big
     */
    public byte[] reply(List<Object> results, boolean firstReturnsNothing) {
        return encode(Arrays.asList(Boolean.TRUE, results, firstReturnsNothing));
    }

    /**
     * Encodes a request's failure (as data: class, message, stack trace, causes).
     *
     * @param error the failure
     * @return the message body
     */
    public byte[] failure(Throwable error) {
        try {
            return encode(Arrays.asList(Boolean.FALSE, error, Boolean.FALSE));
        } catch (IllegalArgumentException tooBig) {
            return encode(Arrays.asList(Boolean.FALSE, new IllegalStateException(error.getClass().getName()
                    + " (its message and stack trace are too big to send: " + tooBig.getMessage() + ")"), Boolean.FALSE));
        }
    }

    /**
     * Decodes a reply.
     *
     * @param data the message body
     * @return the {@link Results}, or the remote failure as a {@link dev.eventdriven.RemoteHandlerException}
     * @throws MalformedValueException if it is not a reply
     */
    public Object readReply(byte[] data) {
        List<?> m = message(data, 3, "reply");
        if (Boolean.TRUE.equals(m.get(0))) {
            return new Results(Collections.unmodifiableList(new ArrayList<>(list(m.get(1), "reply"))),
                    Boolean.TRUE.equals(m.get(2)));
        }
        if (Boolean.FALSE.equals(m.get(0)) && m.get(1) instanceof Throwable t) {
            return t;
        }
        throw new MalformedValueException("reply is neither [true, results] nor [false, throwable]");
    }

    /**
     * Encodes a shared event.
     *
     * @param eventId the event id
     * @param value its value
     * @param context its event context
     * @param route the sources it passed through, the sharing source last
     * @return the message body
     * @throws IllegalArgumentException if something is not encodable or the message is too big
     */
    public byte[] shared(Object eventId, Object value, Map<String, Object> context, List<String> route) {
        return encode(Arrays.asList(eventId, value, new LinkedHashMap<>(context), route));
    }

    /**
     * Decodes a shared event.
     *
     * @param data the message body
     * @return the event
     * @throws MalformedValueException if it is not one
     */
    public Shared readShared(byte[] data) {
        List<?> m = message(data, 4, "shared event");
        List<?> route = list(m.get(3), "shared event");
        List<String> names = new ArrayList<>(route.size());
        for (Object r : route) {
            if (!(r instanceof String s)) {
                throw new MalformedValueException("shared event's route holds a " + describe(r) + ", not a name");
            }
            names.add(s);
        }
        if (names.isEmpty()) {
            throw new MalformedValueException("shared event has an empty route");
        }
        Map<String, Object> context = context(m.get(2));
        return new Shared(m.get(0), m.get(1), context == null ? Map.of() : context, names);
    }

    private byte[] encode(List<Object> message) {
        byte[] bytes = codec.encode(message);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(Checks.message("value", bytes.length + " bytes encoded",
                    "a message of at most maxMessageBytes = " + maxBytes));
        }
        return bytes;
    }

    private List<?> message(byte[] data, int size, String what) {
        if (data == null || data.length == 0) {
            throw new MalformedValueException("empty message, expected a " + what);
        }
        if (data.length > maxBytes) {
            throw new MalformedValueException("message of " + data.length + " bytes, more than maxMessageBytes = "
                    + maxBytes);
        }
        Object v = codec.decode(data);
        if (!(v instanceof List<?> m) || m.size() != size) {
            throw new MalformedValueException("message is a " + describe(v) + ", expected a " + what + " of "
                    + size + " elements");
        }
        return m;
    }

    private static List<?> list(Object v, String what) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new MalformedValueException(what + " holds a " + describe(v) + " where a list belongs");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    throw new MalformedValueException("context key " + describe(k) + " is not a string");
                }
            }
            return (Map<String, Object>) m;
        }
        throw new MalformedValueException("context is a " + describe(v) + ", not a map");
    }

    private static String describe(Object v) {
        return v == null ? "null" : v instanceof List<?> l ? "list of " + l.size() : v.getClass().getName();
    }
}
