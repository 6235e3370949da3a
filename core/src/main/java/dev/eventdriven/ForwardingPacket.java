package dev.eventdriven;

import java.util.List;
import java.util.Map;

/**
 * The value a listener receives for a forwarded event (see {@link Listenable}). A packet forwarded
 * again (A → B → C) is not nested: it carries the original value and context, and the route.
 *
 * @param eventId the original event id
 * @param value the original event value
 * @param context the original event context (never {@code null})
 * @param listener the name given to the listening
 * @param source the name of the source that forwarded it (the controller, pool or child that took
 *     the event)
 * @param route the names of the sources the event passed through, the first where it was
 *     dispatched, the last {@code source}; never forwarded to a listener named on it
 */
public record ForwardingPacket(Object eventId, Object value, Map<String, Object> context, String listener,
                               String source, List<String> route) {

    /**
     * Copies the route.
     *
     * @param eventId the original event id
     * @param value the original event value
     * @param context the original event context
     * @param listener the listening's name
     * @param source the forwarding source's name
     * @param route the sources passed through
     */
    public ForwardingPacket {
        context = context == null ? Map.of() : context;
        route = route == null ? List.of(source) : List.copyOf(route);
    }

    /**
     * Whether the event passed through a source of this name.
     *
     * @param name a source name
     * @return {@code true} if {@code name} is on the route
     */
    public boolean passedThrough(String name) {
        return route.contains(name);
    }
}
