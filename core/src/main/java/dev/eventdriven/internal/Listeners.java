package dev.eventdriven.internal;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.EventDrivenException;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.Listening;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listenings registered on one controller (the source). Copy-on-write: the loop reads the array
 * once per event and pays nothing when it is empty.
 */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private static final Forwarder[] NONE = new Forwarder[0];

    private final String sourceName;
    private volatile Forwarder[] forwarders = NONE;

    Listeners(String sourceName) {
        this.sourceName = sourceName;
    }

    boolean isEmpty() {
        return forwarders.length == 0;
    }

    /**
     * Registers a forwarder.
     *
     * @param target a {@link Dispatcher} or a {@link BlockingQueue}
     */
    synchronized Listening add(Object target, Collection<?> allow, String name, String targetName) {
        Checks.name(name);
        if (allow == null || allow.isEmpty()) {
            throw new IllegalArgumentException(Checks.message("allow", allow, "a non-empty collection of event ids"));
        }
        for (Forwarder f : forwarders) {
            if (f.target == target) {
                throw new IllegalArgumentException(targetName + " already listens to controller '" + sourceName
                        + "' (as '" + f.name + "'); close that listening first");
            }
        }
        Forwarder f = new Forwarder(this, target, Set.copyOf(allow), name);
        Forwarder[] next = Arrays.copyOf(forwarders, forwarders.length + 1);
        next[forwarders.length] = f;
        forwarders = next;
        return f;
    }

    synchronized boolean remove(Object target) {
        List<Forwarder> keep = new ArrayList<>();
        boolean removed = false;
        for (Forwarder f : forwarders) {
            if (f.target == target) {
                removed = true;
            } else {
                keep.add(f);
            }
        }
        forwarders = keep.toArray(NONE);
        return removed;
    }

    /** Loop thread: forwards an event to every listener that allows its id. */
    void forward(Envelope e) {
        for (Forwarder f : forwarders) {
            if (f.allow.contains(e.id)) {
                f.forward(new ForwardingPacket(e.id, e.value, e.context(), f.name, sourceName), e.id);
            }
        }
    }

    /** One listening. */
    private static final class Forwarder implements Listening {
        final Listeners owner;
        final Object target;
        final Set<Object> allow;
        final String name;

        Forwarder(Listeners owner, Object target, Set<Object> allow, String name) {
            this.owner = owner;
            this.target = target;
            this.allow = allow;
            this.name = name;
        }

        @SuppressWarnings("unchecked")
        void forward(ForwardingPacket packet, Object id) {
            if (target instanceof Dispatcher d) {
                try {
                    d.dispatch(id, packet);
                } catch (ControllerClosedException closed) {
                    LOG.info("listener '{}' of controller '{}' is closed; listening ends", name, packet.source());
                    owner.remove(target);
                } catch (EventDrivenException refused) {
                    LOG.warn("listener '{}' refused event {} from controller '{}': {}", name, id, packet.source(),
                            refused.getMessage());
                }
            } else if (!((BlockingQueue<Object>) target).offer(packet)) {
                LOG.warn("listening queue '{}' is full; event {} from controller '{}' dropped", name, id,
                        packet.source());
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            owner.remove(target);
        }
    }
}
