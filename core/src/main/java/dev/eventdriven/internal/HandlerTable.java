package dev.eventdriven.internal;

import dev.eventdriven.EventHandler;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.mapping.MappingBlueprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable snapshot of a mapping, read by the loop without locking. */
final class HandlerTable {

    static final EventHandler[] NONE = new EventHandler[0];
    static final HandlerTable EMPTY = new HandlerTable(new LinkedHashMap<>());

    /** Registration order of ids, for {@code toBlueprint()}. */
    final LinkedHashMap<Object, EventHandler[]> ordered;
    private final HashMap<Object, EventHandler[]> byId;
    final EventHandler[] before;
    final EventHandler[] after;
    final EventHandler[] other;

    HandlerTable(LinkedHashMap<Object, EventHandler[]> ordered) {
        this.ordered = ordered;
        this.byId = new HashMap<>(ordered);
        this.before = orNone(ordered.get(SystemEvent.BEFORE));
        this.after = orNone(ordered.get(SystemEvent.AFTER));
        this.other = orNone(ordered.get(SystemEvent.OTHER));
    }

    private static EventHandler[] orNone(EventHandler[] a) {
        return a == null ? NONE : a;
    }

    /** @return the handlers of an id, or {@code null} if none */
    EventHandler[] get(Object id) {
        return byId.get(id);
    }

    static HandlerTable of(MappingBlueprint blueprint) {
        LinkedHashMap<Object, List<EventHandler>> lists = new LinkedHashMap<>();
        for (MappingBlueprint.Registration r : blueprint.registrations()) {
            lists.computeIfAbsent(r.eventId(), k -> new ArrayList<>()).add(r.handler());
        }
        LinkedHashMap<Object, EventHandler[]> arrays = new LinkedHashMap<>();
        for (Map.Entry<Object, List<EventHandler>> e : lists.entrySet()) {
            arrays.put(e.getKey(), e.getValue().toArray(NONE));
        }
        return new HandlerTable(arrays);
    }
}
