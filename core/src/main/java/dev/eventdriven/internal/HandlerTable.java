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
        return intern(arrays);
    }

    /**
     * Tables built from the same registrations (equal ids, the same handler objects in the same
     * order) are immutable and interchangeable, so controllers built in a loop from one set of
     * handlers share one table instead of a few hundred bytes each; a mapping change gives that
     * controller a table of its own (copy on write). Held weakly: a table no controller uses goes.
     */
    private static final java.util.WeakHashMap<Key, java.lang.ref.WeakReference<HandlerTable>> SHARED =
            new java.util.WeakHashMap<>();

    private static HandlerTable intern(LinkedHashMap<Object, EventHandler[]> arrays) {
        Key probe = new Key(arrays);
        synchronized (SHARED) {
            java.lang.ref.WeakReference<HandlerTable> ref = SHARED.get(probe);
            HandlerTable t = ref == null ? null : ref.get();
            if (t != null) {
                return t;
            }
            t = new HandlerTable(arrays);
            // The key is held by the table, so it stays in the cache exactly as long as the table lives.
            t.key = probe;
            SHARED.put(probe, new java.lang.ref.WeakReference<>(t));
            return t;
        }
    }

    /** Only to keep an interned table's cache key alive as long as the table. */
    @SuppressWarnings("unused")
    private Key key;

    /** Content identity of a table: ids by equality, handlers by identity, in order. */
    private static final class Key {
        private final LinkedHashMap<Object, EventHandler[]> arrays;
        private final int hash;

        Key(LinkedHashMap<Object, EventHandler[]> arrays) {
            this.arrays = arrays;
            int h = 1;
            for (Map.Entry<Object, EventHandler[]> e : arrays.entrySet()) {
                h = 31 * h + e.getKey().hashCode();
                for (EventHandler handler : e.getValue()) {
                    h = 31 * h + System.identityHashCode(handler);
                }
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k) || k.hash != hash || k.arrays.size() != arrays.size()) {
                return false;
            }
            java.util.Iterator<Map.Entry<Object, EventHandler[]>> other = k.arrays.entrySet().iterator();
            for (Map.Entry<Object, EventHandler[]> e : arrays.entrySet()) {
                Map.Entry<Object, EventHandler[]> f = other.next();
                if (!e.getKey().equals(f.getKey()) || e.getValue().length != f.getValue().length) {
                    return false;
                }
                for (int i = 0; i < e.getValue().length; i++) {
                    if (e.getValue()[i] != f.getValue()[i]) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
