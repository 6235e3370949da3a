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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listenings registered on one controller (the source). Copy-on-write: the loop reads the array
 * once per event and pays nothing when it is empty.
 */
public final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private static final Forwarder[] NONE = new Forwarder[0];

    private final String sourceName;
    private volatile Forwarder[] forwarders = NONE;

    /**
     * Creates the listenings of one source.
     *
     * @param sourceName the source's name, carried by its packets
     */
    public Listeners(String sourceName) {
        this.sourceName = sourceName;
    }

    /**
     * The listenings now, in registration order.
     *
     * @return a snapshot
     */
    public List<Listening> snapshot() {
        return List.of(forwarders);
    }

    /**
     * The listenings now whose packets name {@code packetSource} (a pool's, on one of its workers).
     *
     * @param packetSource the source name
     * @return a snapshot
     */
    public List<Listening> snapshot(String packetSource) {
        List<Listening> of = new ArrayList<>();
        for (Forwarder f : forwarders) {
            if (f.source.equals(packetSource)) {
                of.add(f);
            }
        }
        return List.copyOf(of);
    }

    /** @return whether nobody listens */
    public boolean isEmpty() {
        return forwarders.length == 0;
    }

    /**
     * Registers a forwarder.
     *
     * @param target a {@link Dispatcher} or a {@link BlockingQueue}
     * @param allow the event ids to forward
     * @param name the listening's name
     * @param targetName how the target is named in messages
     * @return the listening
     */
    public Listening add(Object target, Collection<?> allow, String name, String targetName) {
        return add(target, allow, name, sourceName, targetName);
    }

    /**
     * Registers a forwarder whose packets carry another source name (a pool's, for its workers).
     *
     * @param target a {@link Dispatcher} or a {@link BlockingQueue}
     */
    synchronized Listening add(Object target, Collection<?> allow, String name, String packetSource,
                               String targetName) {
        Checks.name(name);
        if (allow == null || allow.isEmpty()) {
            throw new IllegalArgumentException(Checks.message("allow", allow, "a non-empty collection of event ids"));
        }
        for (Forwarder f : forwarders) {
            if (f.target == target) {
                throw new IllegalArgumentException(targetName + " already listens to '" + packetSource
                        + "' (as '" + f.name + "'); close that listening first");
            }
        }
        Forwarder f = new Forwarder(this, target, Set.copyOf(allow), name, packetSource);
        Forwarder[] next = Arrays.copyOf(forwarders, forwarders.length + 1);
        next[forwarders.length] = f;
        forwarders = next;
        return f;
    }

    /**
     * Removes the forwarders to a target.
     *
     * @param target the target
     * @return whether one was removed
     */
    public synchronized boolean remove(Object target) {
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

    /**
     * Loop thread: forwards an event to every listener that allows its id, unless the listener is on
     * the event's route already (a cycle of listenings). A forwarded packet is forwarded flat: the
     * original value and context, the route one source longer.
     */
    void forward(Envelope e) {
        forward(e.id, e.value, e.context());
    }

    /**
     * Forwards an event to every listener that allows its id (see {@link #forward(Envelope)}). The
     * thread that takes the source's events.
     *
     * @param id the event id
     * @param value its value
     * @param context its event context
     */
    public void forward(Object id, Object value, Map<String, Object> context) {
        for (Forwarder f : forwarders) {
            if (f.allow.contains(id)) {
                ForwardingPacket packet;
                if (value instanceof ForwardingPacket in) {
                    String to = f.targetName();
                    if (to != null && in.passedThrough(to) || in.passedThrough(f.source)) {
                        continue;
                    }
                    List<String> route = new ArrayList<>(in.route().size() + 1);
                    route.addAll(in.route());
                    route.add(f.source);
                    packet = new ForwardingPacket(id, in.value(), in.context(), f.name, f.source, route);
                } else {
                    packet = new ForwardingPacket(id, value, context, f.name, f.source, List.of(f.source));
                }
                f.forward(packet, id);
            }
        }
    }

    /** One listening. */
    private static final class Forwarder implements Listening {
        final Listeners owner;
        final Object target;
        final Set<Object> allow;
        final String name;
        final String source;

        Forwarder(Listeners owner, Object target, Set<Object> allow, String name, String source) {
            this.owner = owner;
            this.target = target;
            this.allow = allow;
            this.name = name;
            this.source = source;
        }

        /** The listener's name as a route would hold it ({@code null} for a plain queue). */
        String targetName() {
            return target instanceof Dispatcher d ? d.name() : null;
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
        public Set<?> allow() {
            return allow;
        }

        @Override
        public Object target() {
            return target;
        }

        @Override
        public void close() {
            owner.remove(target);
        }
    }
}
