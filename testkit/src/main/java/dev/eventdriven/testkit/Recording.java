package dev.eventdriven.testkit;

import dev.eventdriven.EventAction;
import dev.eventdriven.EventHandler;
import dev.eventdriven.Session;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.mapping.MappingManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one controller or pool of a {@link TestKit} handled, in the order it took the events: ids,
 * values, the handlers' returns, failures. The kit records every processor it builds, through an
 * adapter that adds a first BEFORE hook and a last AFTER hook and hears of handler failures.
 *
 * <p>The assertion methods throw {@link AssertionError} with what was recorded, so they work with any
 * test framework. Read it on the test's thread (where the handlers run).
 */
public final class Recording {

    private volatile String name;
    private final List<Entry> entries = new ArrayList<>();
    private final Hooks hooks = new Hooks();

    Recording(String name) {
        this.name = name;
    }

    void name(String processorName) {
        this.name = processorName;
    }

    Adapter adapter() {
        return hooks;
    }

    /**
     * Every event taken so far, in order.
     *
     * @return a snapshot
     */
    public synchronized List<HandledEvent> events() {
        List<HandledEvent> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.snapshot());
        }
        return out;
    }

    /**
     * The ids of the events taken so far, in order.
     *
     * @return a snapshot
     */
    public synchronized List<Object> eventIds() {
        List<Object> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.eventId);
        }
        return out;
    }

    /**
     * The events of one id taken so far.
     *
     * @param eventId the id
     * @return a snapshot, in order
     */
    public List<HandledEvent> events(Object eventId) {
        return events().stream().filter(e -> Objects.equals(e.eventId(), eventId)).toList();
    }

    /**
     * The first handler's return of each event of one id, in order.
     *
     * @param eventId the id
     * @return the returns ({@code null} for an event that failed, was skipped, or returned nothing)
     */
    public List<Object> returnsOf(Object eventId) {
        return events(eventId).stream().map(HandledEvent::firstReturn).toList();
    }

    /**
     * What the handlers threw so far, in order.
     *
     * @return a snapshot
     */
    public List<Throwable> failures() {
        return events().stream().filter(HandledEvent::failed).map(HandledEvent::failure).toList();
    }

    /** Forgets what was recorded so far. */
    public synchronized void clear() {
        entries.clear();
    }

    /**
     * Asserts that exactly these events were taken so far, in this order.
     *
     * @param eventIds the expected ids
     * @throws AssertionError if not, naming both sequences
     */
    public void assertHandled(Object... eventIds) {
        List<Object> expected = Arrays.asList(eventIds);
        List<Object> actual = eventIds();
        if (!expected.equals(actual)) {
            throw new AssertionError("'" + name + "' handled " + actual + " (expected: " + expected + ")");
        }
    }

    /**
     * Asserts that no handler threw.
     *
     * @throws AssertionError if one did, with the first failure as cause
     */
    public void assertNoFailures() {
        List<Throwable> failures = failures();
        if (!failures.isEmpty()) {
            throw new AssertionError("'" + name + "': " + failures.size() + " handler failure(s), the first: "
                    + failures.get(0), failures.get(0));
        }
    }

    /**
     * Asserts that an event of this id failed with an exception of this type, and returns it.
     *
     * @param eventId the id
     * @param type the exception type
     * @param <T> the type
     * @return the first such failure
     * @throws AssertionError if there is none
     */
    public <T extends Throwable> T assertFailed(Object eventId, Class<T> type) {
        for (HandledEvent e : events(eventId)) {
            if (type.isInstance(e.failure())) {
                return type.cast(e.failure());
            }
        }
        throw new AssertionError("'" + name + "': no " + type.getName() + " from event " + eventId + " (recorded: "
                + events(eventId) + ")");
    }

    @Override
    public String toString() {
        return "Recording[" + name + ", " + eventIds() + "]";
    }

    private synchronized void before(Session s) {
        entries.add(new Entry(s.controller().name(), s.originEventId(), s.value()));
    }

    private synchronized void after(Session s) {
        if (!entries.isEmpty()) {
            Entry last = entries.get(entries.size() - 1);
            last.returns = s.returns() == null ? List.of() : new ArrayList<>(s.returns());
        }
    }

    private synchronized void failed(Throwable error) {
        if (!entries.isEmpty()) {
            entries.get(entries.size() - 1).failure = error;
        }
    }

    private static final class Entry {
        final String processor;
        final Object eventId;
        final Object value;
        List<Object> returns;
        Throwable failure;

        Entry(String processor, Object eventId, Object value) {
            this.processor = processor;
            this.eventId = eventId;
            this.value = value;
        }

        HandledEvent snapshot() {
            return new HandledEvent(processor, eventId, value, returns == null ? null
                    : java.util.Collections.unmodifiableList(new ArrayList<>(returns)), failure);
        }
    }

    /** The recording's adapter: a first BEFORE hook, a last AFTER hook, the exception callback. */
    private final class Hooks implements Adapter {
        private final EventAction beforeHook = Recording.this::before;
        private final EventAction afterHook = Recording.this::after;

        @Override
        public String name() {
            return "testkit-recording";
        }

        @Override
        public void setup(AdapterContext context) {
            MappingManager m = context.mapping();
            List<EventHandler> before = new ArrayList<>();
            before.add(beforeHook);
            before.addAll(m.get(SystemEvent.BEFORE));
            m.set(SystemEvent.BEFORE, before);
            m.add(SystemEvent.AFTER, afterHook);
        }

        @Override
        public void exception(Session session, Throwable error) {
            failed(error);
        }
    }
}
