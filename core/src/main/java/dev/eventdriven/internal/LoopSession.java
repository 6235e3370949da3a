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
public final class LoopSession implements Session {

    private static final ThreadLocal<LoopSession> CURRENT = new ThreadLocal<>();

    private final Controller controller;
    private final Map<String, Object> global;
    private final Map<String, Object> statics;
    private Map<String, Object> runtime = Map.of();

    private Envelope envelope;
    private Object eventId;
    private Object value;
    private List<Object> returns = List.of();
    private boolean skipped;
    private boolean active;

    LoopSession(Controller controller, Map<String, Object> global, Map<String, Object> statics) {
        this.controller = controller;
        this.global = global;
        this.statics = statics;
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

    void runtime(Map<String, Object> runtimeContext) {
        this.runtime = runtimeContext;
    }

    void begin(Envelope e, Object handlerId, Object eventValue) {
        envelope = e;
        eventId = handlerId;
        value = eventValue;
        returns = List.of();
        skipped = false;
        active = true;
    }

    void returns(List<Object> r) {
        returns = r == null ? List.of() : Collections.unmodifiableList(r);
    }

    void end() {
        active = false;
        envelope = null;
        value = null;
        returns = List.of();
    }

    boolean skipped() {
        return skipped;
    }

    void unskip() {
        skipped = false;
    }

    Envelope envelope() {
        return envelope;
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
    public Object originEventId() {
        return envelope == null ? eventId : envelope.id;
    }

    @Override
    public Object value() {
        return value;
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
        if (runtime.containsKey(key)) {
            return runtime.get(key);
        }
        if (global.containsKey(key)) {
            return global.get(key);
        }
        return defaultValue;
    }

    @Override
    public boolean has(String key) {
        return eventContext().containsKey(key) || runtime.containsKey(key) || global.containsKey(key);
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
                return value;
            case RETURNS:
                return returns;
            case ORIGIN_EVENT_ID:
                return originEventId();
            default:
                return statics.get(key);
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
