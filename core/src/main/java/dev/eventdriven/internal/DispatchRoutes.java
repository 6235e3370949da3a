package dev.eventdriven.internal;

import dev.eventdriven.adapter.DispatchRoute;
import dev.eventdriven.adapter.RoutedEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link DispatchRoute}s of one controller or pool. Copy-on-write: a dispatch reads the array
 * once and pays one volatile read when it is empty.
 */
public final class DispatchRoutes {

    private static final DispatchRoute[] NONE = new DispatchRoute[0];

    private volatile DispatchRoute[] routes = NONE;

    /**
     * Adds a route (while the owner is NEW).
     *
     * @param route the route
     */
    public synchronized void add(DispatchRoute route) {
        DispatchRoute[] next = Arrays.copyOf(routes, routes.length + 1);
        next[routes.length] = route;
        routes = next;
    }

    /**
     * Whether no route is registered (a batch of events may then skip them as a whole).
     *
     * @return {@code true} if there is none
     */
    public boolean isEmpty() {
        return routes.length == 0;
    }

    /**
     * Shows an envelope to the routes, on the dispatching thread, before it is queued.
     *
     * @param e the envelope
     * @return {@code true} if a route took it: it must not be queued
     */
    public boolean apply(Envelope e) {
        DispatchRoute[] rs = routes;
        if (rs.length == 0) {
            return false;
        }
        Routed view = new Routed(e);
        for (DispatchRoute r : rs) {
            if (r.route(view)) {
                return true;
            }
        }
        return false;
    }

    /** An envelope as a route sees it. */
    private static final class Routed implements RoutedEvent {
        private final Envelope e;

        Routed(Envelope e) {
            this.e = e;
        }

        @Override
        public Object eventId() {
            return e.id();
        }

        @Override
        public Object value() {
            return e.value();
        }

        @Override
        public Map<String, Object> context() {
            return e.context();
        }

        @Override
        public List<Object> args() {
            return e.args();
        }

        @Override
        public boolean wantsResult() {
            return e.pending() != null;
        }

        @Override
        public CompletableFuture<List<Object>> take() {
            GuardedFuture.Completion p = e.pending();
            if (p != null) {
                p.take(); // a cancellation that came first stays: completing a cancelled result does nothing
            }
            return p;
        }

        @Override
        public void attach(Object attachment) {
            e.attach(Checks.notNull("attachment", attachment));
        }
    }
}
