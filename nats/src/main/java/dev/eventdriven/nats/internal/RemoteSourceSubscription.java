package dev.eventdriven.nats.internal;

import dev.eventdriven.Dispatcher;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.Listening;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.Listeners;
import dev.eventdriven.internal.codec.MalformedValueException;
import dev.eventdriven.nats.EndpointStats;
import dev.eventdriven.nats.RemoteSource;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * A remote source: a subscription to the source's events subject (while it has listeners) whose
 * client dispatcher thread forwards each shared event to the local listeners, through the same
 * {@link Listeners} an in-process source uses (allow lists, packets, route and cycle cut).
 */
public final class RemoteSourceSubscription implements RemoteSource {

    private final String name;
    private final String subject;
    private final Connection connection;
    private final Wire wire;
    private final Listeners listeners;
    private final Counters counters = new Counters();
    private io.nats.client.Dispatcher dispatcher;

    /**
     * Creates the source; it subscribes with its first listener.
     *
     * @param name the source's name
     * @param subject its events subject
     * @param connection the connection
     * @param wire the wire format
     */
    public RemoteSourceSubscription(String name, String subject, Connection connection, Wire wire) {
        this.name = name;
        this.subject = subject;
        this.connection = connection;
        this.wire = wire;
        this.listeners = new Listeners(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Listening listenedBy(Dispatcher target, Collection<?> allow, String listening) {
        Checks.notNull("target", target);
        Listening l = listeners.add(target, allow, listening, target.name());
        subscribe();
        return l;
    }

    @Override
    public Listening listenedBy(BlockingQueue<? super ForwardingPacket> queue, Collection<?> allow, String listening) {
        Listening l = listeners.add(Checks.notNull("queue", queue), allow, listening, "the queue");
        subscribe();
        return l;
    }

    @Override
    public boolean unlistenedBy(Dispatcher target) {
        boolean removed = listeners.remove(target);
        if (removed && listeners.isEmpty()) {
            unsubscribe();
        }
        return removed;
    }

    private synchronized void subscribe() {
        if (dispatcher == null) {
            dispatcher = connection.createDispatcher(this::onMessage);
            dispatcher.subscribe(subject);
        }
    }

    private synchronized void unsubscribe() {
        if (dispatcher != null && listeners.isEmpty()) {
            if (connection.getStatus() != Connection.Status.CLOSED) {
                connection.closeDispatcher(dispatcher);
            }
            dispatcher = null;
        }
    }

    private void onMessage(Message m) {
        counters.received.increment();
        Wire.Shared e;
        try {
            e = wire.readShared(m.getData());
        } catch (MalformedValueException bad) {
            DecodeFailures.report(counters, "remote source '" + name + "'", m, bad);
            return;
        }
        List<String> route = e.route();
        if (route.size() == 1) {
            listeners.forward(e.eventId(), e.value(), e.context());
        } else {
            // It came to the source through listenings already: forward it flat, the route kept.
            List<String> before = route.subList(0, route.size() - 1);
            listeners.forward(e.eventId(), new ForwardingPacket(e.eventId(), e.value(), e.context(), name,
                    before.get(before.size() - 1), before), e.context());
        }
    }

    @Override
    public EndpointStats stats() {
        return counters.snapshot();
    }

    /** Unsubscribes, whatever listens. */
    public synchronized void close() {
        if (dispatcher != null && connection.getStatus() != Connection.Status.CLOSED) {
            connection.closeDispatcher(dispatcher);
        }
        dispatcher = null;
    }

    @Override
    public String toString() {
        return "RemoteSource[" + name + " on " + subject + "]";
    }
}
