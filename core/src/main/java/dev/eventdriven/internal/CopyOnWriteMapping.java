package dev.eventdriven.internal;

import dev.eventdriven.EventHandler;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.mapping.MappingManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link MappingManager} whose writers rebuild an immutable {@link HandlerTable} under a lock and
 * publish it through a volatile field; the loop reads the field once per event.
 */
final class CopyOnWriteMapping implements MappingManager {

    /** Holds the table: the controller itself, so that a controller whose mapping is never managed has no manager. */
    private final LoopController owner;

    /**
     * Creates the manager of a controller's mapping.
     *
     * @param owner the controller, whose {@code table} field is the mapping
     */
    CopyOnWriteMapping(LoopController owner) {
        this.owner = owner;
    }

    private HandlerTable table() {
        return owner.table;
    }

    private LinkedHashMap<Object, EventHandler[]> copy() {
        return new LinkedHashMap<>(table().ordered);
    }

    private void publish(LinkedHashMap<Object, EventHandler[]> next) {
        owner.table = new HandlerTable(next);
    }

    @Override
    public List<EventHandler> get(Object eventId) {
        EventHandler[] hs = table().ordered.get(eventId);
        return hs == null ? List.of() : List.of(hs);
    }

    @Override
    public Set<Object> eventIds() {
        return Collections.unmodifiableSet(table().ordered.keySet());
    }

    @Override
    public synchronized void add(Object eventId, EventHandler handler) {
        Checks.notNull("eventId", eventId);
        Checks.notNull("handler", handler);
        LinkedHashMap<Object, EventHandler[]> next = copy();
        EventHandler[] old = next.getOrDefault(eventId, HandlerTable.NONE);
        EventHandler[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = handler;
        next.put(eventId, grown);
        publish(next);
    }

    @Override
    public synchronized boolean remove(Object eventId, EventHandler handler) {
        EventHandler[] old = table().ordered.get(eventId);
        if (old == null) {
            return false;
        }
        List<EventHandler> list = new ArrayList<>(Arrays.asList(old));
        if (!list.remove(handler)) {
            return false;
        }
        set(eventId, list);
        return true;
    }

    @Override
    public synchronized List<EventHandler> removeAll(Object eventId) {
        LinkedHashMap<Object, EventHandler[]> next = copy();
        EventHandler[] old = next.remove(eventId);
        if (old == null) {
            return List.of();
        }
        publish(next);
        return List.of(old);
    }

    @Override
    public synchronized void set(Object eventId, List<? extends EventHandler> handlers) {
        Checks.notNull("eventId", eventId);
        LinkedHashMap<Object, EventHandler[]> next = copy();
        if (handlers.isEmpty()) {
            next.remove(eventId);
        } else {
            handlers.forEach(h -> Checks.notNull("handler", h));
            next.put(eventId, handlers.toArray(HandlerTable.NONE));
        }
        publish(next);
    }

    @Override
    public synchronized void setAll(MappingBlueprint blueprint) {
        owner.table = HandlerTable.of(blueprint);
    }

    @Override
    public synchronized void update(MappingBlueprint blueprint) {
        owner.table = HandlerTable.of(toBlueprint().inherit(blueprint));
    }

    @Override
    public synchronized void clear() {
        owner.table = HandlerTable.EMPTY;
    }

    @Override
    public MappingBlueprint toBlueprint() {
        MappingBlueprint b = new MappingBlueprint();
        for (Map.Entry<Object, EventHandler[]> e : table().ordered.entrySet()) {
            for (EventHandler h : e.getValue()) {
                b.on(e.getKey(), h);
            }
        }
        return b;
    }
}
