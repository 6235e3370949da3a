package dev.eventdriven.nats;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.nats.internal.CoreExposure;
import dev.eventdriven.nats.internal.Counters;
import dev.eventdriven.nats.internal.DurableExposure;
import dev.eventdriven.nats.internal.DurableSender;
import dev.eventdriven.nats.internal.Exposures;
import dev.eventdriven.nats.internal.RemoteCalls;
import dev.eventdriven.nats.internal.RemoteDispatcher;
import dev.eventdriven.nats.internal.RemoteSourceSubscription;
import dev.eventdriven.nats.internal.SharedSource;
import dev.eventdriven.nats.internal.SharingHandle;
import dev.eventdriven.nats.internal.Subjects;
import dev.eventdriven.nats.internal.Wire;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.NUID;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Controllers and pools across JVMs, over NATS. One bridge holds one connection (its own, or one the
 * application made) and offers:
 * <ul>
 *   <li>{@link #expose(String, EventProcessor) expose} a local controller or pool under a name; JVMs
 *       exposing the same name form a <b>distributed pool</b> (a NATS queue group: each event goes to
 *       exactly one of them);</li>
 *   <li>{@link #remote(String) remote}: a dispatcher for an exposed name, with the controller's
 *       {@code dispatch}/{@code request} interface;</li>
 *   <li>{@link #share(EventProcessor, Collection) share} a processor's events and
 *       {@link #source(String) listen} to a source in another JVM, receiving the same
 *       {@link dev.eventdriven.ForwardingPacket}s as in-process listening;</li>
 *   <li>durable delivery on JetStream, opt-in per endpoint:
 *       {@link #expose(String, EventProcessor, Durability)} and {@link #durable(String)}.</li>
 * </ul>
 *
 * <pre>
 *   JVM A                               NATS                              JVM B, JVM C
 *   remote("billing").request ──▶ &lt;prefix&gt;.ep.billing (queue group) ──▶ expose("billing", pool)
 *                             ◀──────────── reply ◀─────────────────────── handlers' returns
 *   share(console, ["done"])  ──▶ &lt;prefix&gt;.ev.console ────────────────▶ stats.listen(source("console"), ["done"], …)
 * </pre>
 *
 * <p><b>Delivery.</b> Core NATS delivers at most once: an event published while no member listens, or
 * lost with a member that died, is gone (a request then fails with a clear exception, see
 * {@link RemoteEndpoint}). Durable endpoints deliver at least once (see {@link Durability}).
 *
 * <p><b>Values</b> travel in the library's allow-listed value codec (the same as a child process's:
 * scalars, strings, bytes, enums, records, lists, sets and maps of these; no Java serialization, no
 * class instantiated but enums and records), within {@link NatsBridgeBuilder#maxMessageBytes}. A
 * message that does not decode is counted in its endpoint's stats and logged; it never reaches a
 * handler and never stops a loop.
 *
 * <p><b>Connection.</b> The bridge reconnects by itself (the client's reconnection); what is published
 * while the connection is down is held in a bounded buffer, and a publish beyond it fails with a
 * {@link BridgeConnectionException}. Requests in flight when the connection drops fail with a
 * {@link BridgeConnectionException} at once rather than wait for replies that cannot come.
 *
 * <p>Thread-safe. Closing the bridge ends its exposures, sharings and remote sources, fails the
 * requests in flight and closes the connection if the bridge made it; it closes no processor.
 */
public final class NatsBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.eventdriven.nats");

    private final Connection connection;
    private final boolean ownsConnection;
    private final Subjects subjects;
    private final Wire wire;
    private final Duration requestTimeout;
    private final ScheduledThreadPoolExecutor timer;
    private final RemoteCalls calls;
    private final ConnectionListener connectionEvents;
    private final String id = NUID.nextGlobal();
    private final Map<String, Counters> remoteCounters = new ConcurrentHashMap<>();
    private final Map<String, RemoteSourceSubscription> sources = new ConcurrentHashMap<>();
    private final List<AutoCloseable> ends = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    NatsBridge(Connection connection, boolean ownsConnection, String prefix, int maxMessageBytes,
               Duration requestTimeout) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.subjects = new Subjects(prefix);
        this.wire = new Wire(Math.min(maxMessageBytes, maxPayload(connection, maxMessageBytes)));
        this.requestTimeout = requestTimeout;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "eventdriven-nats-timeouts");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.calls = new RemoteCalls(connection, wire, timer);
        this.connectionEvents = (conn, event) -> onConnectionEvent(event);
        connection.addConnectionListener(connectionEvents);
    }

    private static int maxPayload(Connection connection, int fallback) {
        long max = connection.getMaxPayload();
        return max > 0 && max < Integer.MAX_VALUE ? (int) max : fallback;
    }

    /**
     * Starts building a bridge.
     *
     * @return a builder
     */
    public static NatsBridgeBuilder builder() {
        return new NatsBridgeBuilder();
    }

    /**
     * Connects a bridge with the defaults to NATS servers.
     *
     * @param servers server URLs, e.g. {@code nats://127.0.0.1:4222}
     * @return the bridge, connected
     * @throws BridgeConnectionException if no server could be reached
     */
    public static NatsBridge connect(String... servers) {
        return builder().servers(servers).build();
    }

    private void onConnectionEvent(ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> {
                LOG.warn("NATS connection lost; reconnecting ({} requests in flight fail)", calls.inFlight());
                calls.failAll("lost");
            }
            case CLOSED -> calls.failAll("closed");
            case RECONNECTED -> LOG.info("NATS connection back, to {}", connection.getConnectedUrl());
            default -> LOG.debug("NATS connection event {}", event);
        }
    }

    /**
     * The NATS connection.
     *
     * @return the connection
     */
    public Connection connection() {
        return connection;
    }

    /**
     * The application prefix of every subject the bridge uses.
     *
     * @return the prefix
     */
    public String prefix() {
        return subjects.prefix();
    }

    /**
     * The largest message the bridge sends or takes: the smaller of
     * {@link NatsBridgeBuilder#maxMessageBytes} and the server's maximum payload.
     *
     * @return bytes
     */
    public int maxMessageBytes() {
        return wire.maxBytes();
    }

    /**
     * Exposes a processor under a name, on core NATS (at most once). Events and requests sent to the
     * name (by {@link #remote(String)} in any JVM) are dispatched into it; a request's results, or
     * its first handler's exception, are sent back. Several JVMs (or several exposures in one) under
     * one name share its events: each goes to one of them.
     *
     * @param name the endpoint's name: one subject token ({@code A-Z a-z 0-9 _ -})
     * @param processor the controller or pool
     * @return the exposure, to close it; it also ends with the processor, and shows in its
     *     {@linkplain dev.eventdriven.topology.Topology topology} as an adapter
     * @throws IllegalArgumentException if the name is not a token or the processor {@code null}
     * @throws dev.eventdriven.IllegalControllerStateException if the processor is shutting down or
     *     terminated
     */
    public Exposure expose(String name, EventProcessor processor) {
        checkOpen();
        Checks.notNull("processor", processor);
        String subject = subjects.endpoint(name);
        return keep(Exposures.attach(new CoreExposure(name, subject, connection, wire, processor), subject, processor));
    }

    /**
     * Exposes a processor under a name with durable delivery (JetStream): the name's events, sent by
     * {@link #durable(String)}, are stored in a stream and each handed to one member, acknowledged
     * after its handlers ran and delivered again if the member died. Creates the stream and its
     * consumer if missing. The server must run JetStream ({@code nats-server -js}).
     *
     * @param name the endpoint's name: one subject token
     * @param processor the controller or pool
     * @param durability the acknowledgement and duplicate settings
     * @return the exposure, to close it
     * @throws IllegalArgumentException if an argument is invalid
     * @throws BridgeException if JetStream refused the stream or the consumer
     */
    public Exposure expose(String name, EventProcessor processor, Durability durability) {
        checkOpen();
        Checks.notNull("processor", processor);
        Checks.notNull("durability", durability);
        return keep(Exposures.attach(new DurableExposure(Subjects.token("name", name), subjects, connection, wire,
                processor, durability), subjects.durable(name), processor));
    }

    /**
     * A dispatcher for the endpoint exposed under a name, in whichever JVMs expose it, with the
     * bridge's request timeout. Every call for one name shares the endpoint's counters.
     *
     * @param name the endpoint's name
     * @return the remote endpoint
     * @throws IllegalArgumentException if the name is not a subject token
     */
    public RemoteEndpoint remote(String name) {
        checkOpen();
        String subject = subjects.endpoint(name);
        return new RemoteDispatcher(name, subject, connection, wire, calls, requestTimeout,
                remoteCounters.computeIfAbsent(name, n -> new Counters()));
    }

    /**
     * The sending side of a durable endpoint (see {@link #expose(String, EventProcessor, Durability)}).
     *
     * @param name the endpoint's name
     * @return the durable endpoint
     * @throws IllegalArgumentException if the name is not a subject token
     * @throws BridgeConnectionException if the connection offers no JetStream context
     */
    public DurableEndpoint durable(String name) {
        checkOpen();
        Subjects.token("name", name);
        try {
            return new DurableSender(name, subjects, connection.jetStream(), wire, id + "-");
        } catch (IOException e) {
            throw new BridgeConnectionException("durable '" + name + "': no JetStream context: " + e.getMessage(), e);
        }
    }

    /**
     * Shares a local processor's events with listeners in other JVMs: every event it takes whose id
     * is in {@code allow} is published under the processor's name, to be listened to there through
     * {@link #source(String)}. The processor's name must be a subject token.
     *
     * @param processor the source
     * @param allow the event ids to share, not empty
     * @return the sharing, to close it
     * @throws IllegalArgumentException if the processor's name is not a subject token, or it is shared
     *     already, or {@code allow} is empty
     */
    public Sharing share(EventProcessor processor, Collection<?> allow) {
        checkOpen();
        Checks.notNull("processor", processor);
        String source = Subjects.token("processor name", processor.name());
        SharedSource publisher = new SharedSource(source, subjects.events(source), connection, wire);
        publisher.listening(processor.listenedBy(publisher, allow, "nats"));
        SharingHandle handle = new SharingHandle(publisher, "nats:" + source);
        ends.add(handle);
        return handle;
    }

    /**
     * A source in another JVM, by the name it is shared under, to listen to like a local one:
     * {@code controller.listen(bridge.source("console"), List.of("done"), "stats")}.
     *
     * @param name the shared processor's name
     * @return the remote source (one per name and bridge)
     * @throws IllegalArgumentException if the name is not a subject token
     */
    public RemoteSource source(String name) {
        checkOpen();
        String subject = subjects.events(name);
        return sources.computeIfAbsent(name, n -> new RemoteSourceSubscription(n, subject, connection, wire));
    }

    private <T extends AutoCloseable> T keep(T end) {
        ends.add(end);
        return end;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the NATS bridge is closed");
        }
    }

    /**
     * Ends the exposures, sharings and remote sources, fails the requests in flight, and closes the
     * connection if the bridge made it. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable end : ends) {
            try {
                end.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", end, e.toString());
            }
        }
        sources.values().forEach(RemoteSourceSubscription::close);
        calls.close();
        connection.removeConnectionListener(connectionEvents);
        timer.shutdownNow();
        if (ownsConnection) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "NatsBridge[" + subjects.prefix() + " on " + connection.getConnectedUrl() + "]";
    }
}
