package dev.eventdriven.mapping;

import dev.eventdriven.EventHandler;
import java.util.List;
import java.util.Set;

/**
 * The live mapping of a controller: event id to the ordered list of its handlers. Thread-safe; every
 * change is seen by the loop from the next event on (the loop reads an immutable snapshot, so a
 * change never disturbs an event being handled).
 */
public interface MappingManager {

    /**
     * The handlers of an id, in order.
     *
     * @param eventId the id
     * @return an unmodifiable list, empty if none
     */
    List<EventHandler> get(Object eventId);

    /**
     * The ids that have handlers.
     *
     * @return an unmodifiable set
     */
    Set<Object> eventIds();

    /**
     * Appends a handler to an id.
     *
     * @param eventId the id
     * @param handler the handler
     */
    void add(Object eventId, EventHandler handler);

    /**
     * Removes the first registration of {@code handler} for {@code eventId}.
     *
     * @param eventId the id
     * @param handler the handler
     * @return whether it was there
     */
    boolean remove(Object eventId, EventHandler handler);

    /**
     * Removes every handler of an id.
     *
     * @param eventId the id
     * @return the removed handlers
     */
    List<EventHandler> removeAll(Object eventId);

    /**
     * Replaces the handlers of an id.
     *
     * @param eventId the id
     * @param handlers the new handlers, in order; empty removes the id
     */
    void set(Object eventId, List<? extends EventHandler> handlers);

    /**
     * Replaces the whole mapping with a blueprint's registrations.
     *
     * @param blueprint the new mapping
     */
    void setAll(MappingBlueprint blueprint);

    /**
     * Adds a blueprint's registrations after the existing ones.
     *
     * @param blueprint the registrations to add
     */
    void update(MappingBlueprint blueprint);

    /** Removes every handler. */
    void clear();

    /**
     * The mapping as a blueprint (a copy).
     *
     * @return a blueprint with the current registrations
     */
    MappingBlueprint toBlueprint();
}
