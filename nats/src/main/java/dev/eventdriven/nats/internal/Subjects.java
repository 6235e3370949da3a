package dev.eventdriven.nats.internal;

import dev.eventdriven.internal.Checks;
import java.util.regex.Pattern;

/**
 * The bridge's subject space under its application prefix. One name token per endpoint, so a name
 * can never reach into another endpoint's subjects (no dots, no wildcards):
 * <pre>
 *   &lt;prefix&gt;.ep.&lt;name&gt;    events and requests to an exposed endpoint (queue group &lt;prefix&gt;.ep.&lt;name&gt;)
 *   &lt;prefix&gt;.dq.&lt;name&gt;    durable events (stream ED_&lt;prefix&gt;_&lt;name&gt;, consumer &lt;name&gt;)
 *   &lt;prefix&gt;.ev.&lt;source&gt;  the shared events of a source, for remote listeners
 * </pre>
 */
public final class Subjects {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final String TOKEN_RULE = "1 to 100 of A-Z a-z 0-9 _ -";

    private final String prefix;

    /**
     * Creates the subject space.
     *
     * @param prefix the application prefix: tokens joined by dots
     * @throws IllegalArgumentException if the prefix is not that
     */
    public Subjects(String prefix) {
        this.prefix = checkPrefix(prefix);
    }

    /**
     * Checks an endpoint or source name: one subject token.
     *
     * @param what the argument's name, for the message
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is not one token
     */
    public static String token(String what, String name) {
        if (name == null || !TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException(Checks.message(what, name == null ? null : "'" + name + "'",
                    TOKEN_RULE));
        }
        return name;
    }

    private static String checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException(Checks.message("prefix", prefix == null ? null : "''",
                    "tokens of " + TOKEN_RULE + ", joined by dots"));
        }
        for (String t : prefix.split("\\.", -1)) {
            if (!TOKEN.matcher(t).matches()) {
                throw new IllegalArgumentException(Checks.message("prefix", "'" + prefix + "'",
                        "tokens of " + TOKEN_RULE + ", joined by dots"));
            }
        }
        return prefix;
    }

    /**
     * The prefix.
     *
     * @return the application prefix
     */
    public String prefix() {
        return prefix;
    }

    /**
     * The subject (and queue group) of an exposed endpoint.
     *
     * @param name the endpoint's name
     * @return the subject
     */
    public String endpoint(String name) {
        return prefix + ".ep." + token("name", name);
    }

    /**
     * The subject a durable endpoint's stream stores.
     *
     * @param name the endpoint's name
     * @return the subject
     */
    public String durable(String name) {
        return prefix + ".dq." + token("name", name);
    }

    /**
     * The stream of a durable endpoint.
     *
     * @param name the endpoint's name
     * @return the stream's name
     */
    public String stream(String name) {
        return "ED_" + prefix.replace('.', '_') + "_" + token("name", name);
    }

    /**
     * The subject a source's shared events are published on.
     *
     * @param source the source's name
     * @return the subject
     */
    public String events(String source) {
        return prefix + ".ev." + token("source", source);
    }
}
