package dev.eventdriven.subprocess;

import dev.eventdriven.Dispatcher;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.Listenable;
import dev.eventdriven.Listening;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.Listeners;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * The events a {@link Subprocess} hands to its child, as a source others can listen to. Listenings
 * can be registered once the adapter is installed (it then knows its child's name).
 */
final class ChildEventSource implements Listenable {

    private final Supplier<Listeners> listeners;
    private final Supplier<String> sourceName;

    ChildEventSource(Supplier<Listeners> listeners, Supplier<String> sourceName) {
        this.listeners = listeners;
        this.sourceName = sourceName;
    }

    private Listeners installed() {
        Listeners ls = listeners.get();
        if (ls == null) {
            throw new IllegalStateException("child process events: install the Subprocess adapter (build the"
                    + " controller) before listening to it");
        }
        return ls;
    }

    @Override
    public String name() {
        return sourceName.get();
    }

    @Override
    public Listening listenedBy(Dispatcher target, Collection<?> allow, String name) {
        Checks.notNull("target", target);
        return installed().add(target, allow, name, "'" + target.name() + "'");
    }

    @Override
    public Listening listenedBy(BlockingQueue<? super ForwardingPacket> queue, Collection<?> allow, String name) {
        Checks.notNull("queue", queue);
        return installed().add(queue, allow, name, "queue '" + name + "'");
    }

    @Override
    public List<Listening> listenings() {
        Listeners ls = listeners.get();
        return ls == null ? List.of() : ls.snapshot();
    }

    @Override
    public boolean unlistenedBy(Dispatcher target) {
        Listeners ls = listeners.get();
        return ls != null && ls.remove(target);
    }
}
