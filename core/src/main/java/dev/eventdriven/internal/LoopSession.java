package dev.eventdriven.internal;

import dev.eventdriven.Controller;
import dev.eventdriven.Session;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The one {@link Session} of a controller, reused for every event on its loop thread: nothing is
 * allocated or copied per event. Context lookups walk event, runtime and global contexts in turn.
 */
public final class LoopSession extends CacheLinePadding implements Session {

    private static final ThreadLocal<LoopSession> CURRENT = new ThreadLocal<>();
    private static final List<Object> NO_RETURNS = List.of();
    /** {@code value} holds this when the event's value is its envelope's own (the common case). */
    private static final Object ENVELOPE_VALUE = new Object();

    private final LoopController controller;

    private Envelope envelope;
    private Object eventId;
    private Object value = ENVELOPE_VALUE;
    private List<Object> returns = NO_RETURNS;
    private boolean skipped;
    private boolean active;

    LoopSession(LoopController controller) {
        this.controller = controller;
    }

    /**
     * The session of the handler running on this thread.
     *
     * @return the session
     * @throws IllegalStateException outside a handler
     */
    public static Session current() {
        LoopSession s = CURRENT.get();
        if (s == null || !s.active) {
            throw new IllegalStateException("Session.current(): the calling thread "
                    + Thread.currentThread().getName() + " is not running a handler");
        }
        return s;
    }

    void bindToThread() {
        CURRENT.set(this);
    }

    void unbindFromThread() {
        CURRENT.remove();
    }

    /** @return the session bound to the calling thread, or {@code null} (a turn run inside another saves it) */
    static LoopSession boundToThread() {
        return CURRENT.get();
    }

    /** @param s the session to bind back to the calling thread, or {@code null} for none */
    static void rebind(LoopSession s) {
        if (s == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(s);
        }
    }

    void begin(Envelope e, Object handlerId, Object eventValue) {
        // Every reference store into this long-lived object pays a GC write barrier (under G1 with a
        // StoreLoad fence); per event only the envelope changes in the common case, so the other
        // fields are written only when they differ, and the value is read through the envelope.
        envelope = e;
        if (eventId != handlerId) {
            eventId = handlerId;
        }
        Object v = eventValue == e.value ? ENVELOPE_VALUE : eventValue;
        if (value != v) {
            value = v;
        }
        if (returns != NO_RETURNS) {
            returns = NO_RETURNS;
        }
        skipped = false;
        active = true;
    }

    void returns(List<Object> r) {
        returns = r == null ? NO_RETURNS : Collections.unmodifiableList(r);
    }

    void end() {
        active = false;
        envelope = null;
        if (value != ENVELOPE_VALUE) {
            value = ENVELOPE_VALUE;
        }
        if (returns != NO_RETURNS) {
            returns = NO_RETURNS;
        }
    }

    boolean skipped() {
        return skipped;
    }

    @Override
    public Controller controller() {
        return controller;
    }

    @Override
    public Object eventId() {
        return eventId;
    }

    @Override
    public Object attachment() {
        return envelope == null ? null : envelope.attachment();
    }

    @Override
    public Object originEventId() {
        return envelope == null ? eventId : envelope.id;
    }

    @Override
    public Object value() {
        Object v = value;
        if (v == ENVELOPE_VALUE) {
            Envelope e = envelope;
            return e == null ? null : e.value;
        }
        return v;
    }

    @Override
    public List<Object> args() {
        return envelope == null ? List.of() : envelope.args();
    }

    @Override
    public Object get(String key) {
        return getOrDefault(key, null);
    }

    @Override
    public Object getOrDefault(String key, Object defaultValue) {
        Map<String, Object> ctx = eventContext();
        if (ctx.containsKey(key)) {
            return ctx.get(key);
        }
        Map<String, Object> runtime = controller.runtime();
        if (runtime.containsKey(key)) {
            return runtime.get(key);
        }
        Map<String, Object> global = controller.globalView();
        if (global.containsKey(key)) {
            return global.get(key);
        }
        return defaultValue;
    }

    @Override
    public boolean has(String key) {
        return eventContext().containsKey(key) || controller.runtime().containsKey(key)
                || controller.globalView().containsKey(key);
    }

    @Override
    public Map<String, Object> eventContext() {
        return envelope == null ? Map.of() : envelope.context();
    }

    @Override
    public Object getStatic(String key) {
        switch (key) {
            case CONTROLLER:
                return controller;
            case EVENT_ID:
                return eventId;
            case VALUE:
                return value();
            case RETURNS:
                return returns;
            case ORIGIN_EVENT_ID:
                return originEventId();
            default:
                return controller.staticsView().get(key);
        }
    }

    @Override
    public List<Object> returns() {
        return returns;
    }

    @Override
    public void skip() {
        skipped = true;
    }

    @Override
    public boolean isSkipped() {
        return skipped;
    }

    @Override
    public String toString() {
        return "Session[" + controller.name() + ", " + eventId + "]";
    }
}
