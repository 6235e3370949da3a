package dev.eventdriven.pool.internal;

import dev.eventdriven.EventHandler;
import dev.eventdriven.internal.LoopController;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.mapping.MappingManager;
import java.util.List;
import java.util.Set;

/**
 * The mapping of a whole pool: reads come from the first worker, writes go to every worker, one
 * writer at a time so that all workers end up with the same registrations in the same order. A
 * worker sees a change from its next event on; during a write some workers may already use the new
 * mapping while others still use the old one.
 */
final class PoolMapping implements MappingManager {

    private final LoopController[] workers;

    PoolMapping(LoopController[] workers) {
        this.workers = workers;
    }

    @Override
    public List<EventHandler> get(Object eventId) {
        return workers[0].mapping().get(eventId);
    }

    @Override
    public Set<Object> eventIds() {
        return workers[0].mapping().eventIds();
    }

    @Override
    public synchronized void add(Object eventId, EventHandler handler) {
        for (LoopController w : workers) {
            w.mapping().add(eventId, handler);
        }
    }

    @Override
    public synchronized boolean remove(Object eventId, EventHandler handler) {
        boolean removed = false;
        for (LoopController w : workers) {
            removed |= w.mapping().remove(eventId, handler);
        }
        return removed;
    }

    @Override
    public synchronized List<EventHandler> removeAll(Object eventId) {
        List<EventHandler> first = workers[0].mapping().removeAll(eventId);
        for (int i = 1; i < workers.length; i++) {
            workers[i].mapping().removeAll(eventId);
        }
        return first;
    }

    @Override
    public synchronized void set(Object eventId, List<? extends EventHandler> handlers) {
        for (LoopController w : workers) {
            w.mapping().set(eventId, handlers);
        }
    }

    @Override
    public synchronized void setAll(MappingBlueprint blueprint) {
        for (LoopController w : workers) {
            w.mapping().setAll(blueprint);
        }
    }

    @Override
    public synchronized void update(MappingBlueprint blueprint) {
        for (LoopController w : workers) {
            w.mapping().update(blueprint);
        }
    }

    @Override
    public synchronized void clear() {
        for (LoopController w : workers) {
            w.mapping().clear();
        }
    }

    @Override
    public MappingBlueprint toBlueprint() {
        return workers[0].mapping().toBlueprint();
    }
}
