package dev.eventdriven.nats;

import dev.eventdriven.internal.Checks;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link NatsBridge}: either from server URLs and connection options (the bridge then owns
 * its connection), or over an existing {@link Connection} (which the bridge does not close). Each
 * setter checks its argument at once; options that only apply to a connection the bridge makes are
 * refused together with {@link #connection(Connection)}.
 */
public final class NatsBridgeBuilder {

    private static final Logger LOG = LoggerFactory.getLogger("dev.eventdriven.nats");

    private String[] servers;
    private Connection connection;
    private String user;
    private char[] password;
    private char[] token;
    private Path credentials;
    private SSLContext sslContext;
    private String prefix = "eventdriven";
    private String name = "eventdriven";
    private int maxMessageBytes = 1 << 20;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long reconnectBufferBytes = 8L << 20;
    private int maxReconnects = -1;
    private Duration reconnectWait = Duration.ofMillis(250);
    private Duration connectionTimeout = Duration.ofSeconds(5);
    private boolean connectionOptionSet;

    NatsBridgeBuilder() {
    }

    /**
     * The servers to connect to (the client picks one and fails over to the others, and to those
     * the cluster announces).
     *
     * @param servers URLs such as {@code nats://127.0.0.1:4222}, not empty
     * @return this builder
     * @throws IllegalArgumentException if none is given or one is blank
     */
    public NatsBridgeBuilder servers(String... servers) {
        if (servers == null || servers.length == 0 || Arrays.stream(servers).anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException(Checks.message("servers", servers == null ? null
                    : Arrays.toString(servers), "one or more server URLs, none blank"));
        }
        this.servers = servers.clone();
        return connectionOption();
    }

    /**
     * Bridges over an existing connection, which the bridge leaves open when it closes.
     *
     * @param connection a connected client
     * @return this builder
     * @throws IllegalArgumentException if {@code connection} is {@code null}
     */
    public NatsBridgeBuilder connection(Connection connection) {
        this.connection = Checks.notNull("connection", connection);
        return this;
    }

    /**
     * User and password authentication.
     *
     * @param user the user, not blank
     * @param password the password
     * @return this builder
     * @throws IllegalArgumentException if an argument is {@code null} or the user blank
     */
    public NatsBridgeBuilder userInfo(String user, char[] password) {
        this.user = Checks.name(user);
        this.password = Checks.notNull("password", password).clone();
        return connectionOption();
    }

    /**
     * Token authentication.
     *
     * @param token the token, not empty
     * @return this builder
     * @throws IllegalArgumentException if the token is {@code null} or empty
     */
    public NatsBridgeBuilder token(char[] token) {
        if (token == null || token.length == 0) {
            throw new IllegalArgumentException(Checks.message("token", token == null ? null : "empty",
                    "a non-empty token"));
        }
        this.token = token.clone();
        return connectionOption();
    }

    /**
     * Authentication by a credentials file (a user JWT and its NKey seed, as {@code nsc} writes them).
     *
     * @param credentials the {@code .creds} file, which must exist
     * @return this builder
     * @throws IllegalArgumentException if the file does not exist
     */
    public NatsBridgeBuilder credentials(Path credentials) {
        if (credentials == null || !Files.isRegularFile(credentials)) {
            throw new IllegalArgumentException(Checks.message("credentials", credentials, "an existing .creds file"));
        }
        this.credentials = credentials;
        return connectionOption();
    }

    /**
     * TLS with the given context (its trust and key material).
     *
     * @param sslContext the context
     * @return this builder
     * @throws IllegalArgumentException if {@code sslContext} is {@code null}
     */
    public NatsBridgeBuilder tls(SSLContext sslContext) {
        this.sslContext = Checks.notNull("sslContext", sslContext);
        return connectionOption();
    }

    /**
     * The application prefix of every subject, so that several applications share one NATS without
     * seeing each other's endpoints. Default {@code eventdriven}.
     *
     * @param prefix subject tokens ({@code A-Z a-z 0-9 _ -}) joined by dots
     * @return this builder
     * @throws IllegalArgumentException if it is not that
     */
    public NatsBridgeBuilder prefix(String prefix) {
        this.prefix = new dev.eventdriven.nats.internal.Subjects(prefix).prefix();
        return this;
    }

    /**
     * The connection's name, as the server's monitoring shows it. Default {@code eventdriven}.
     *
     * @param name not blank
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public NatsBridgeBuilder name(String name) {
        this.name = Checks.name(name);
        return connectionOption();
    }

    /**
     * The largest message sent or taken; the server's maximum payload caps it too. A bigger value
     * fails at the call; a bigger message received is counted as a decode failure. Default 1 MiB.
     *
     * @param maxMessageBytes at least 1,024
     * @return this builder
     * @throws IllegalArgumentException if below 1,024
     */
    public NatsBridgeBuilder maxMessageBytes(int maxMessageBytes) {
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException(Checks.message("maxMessageBytes", maxMessageBytes, ">= 1024"));
        }
        this.maxMessageBytes = maxMessageBytes;
        return this;
    }

    /**
     * How long a remote request waits for its reply, unless its endpoint says otherwise
     * ({@link RemoteEndpoint#withRequestTimeout}). Default 30 s.
     *
     * @param requestTimeout longer than zero
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public NatsBridgeBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = Checks.positive("requestTimeout", requestTimeout);
        return this;
    }

    /**
     * How many bytes published while the connection is down are held for the reconnection; a publish
     * beyond them fails with a {@link BridgeConnectionException}. Default 8 MiB.
     *
     * @param bytes at least 0 (0: nothing is held, every publish during an outage fails)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public NatsBridgeBuilder reconnectBufferBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException(Checks.message("reconnectBufferBytes", bytes, ">= 0"));
        }
        this.reconnectBufferBytes = bytes;
        return connectionOption();
    }

    /**
     * How often to try to reconnect before the connection closes for good. Default: forever.
     *
     * @param maxReconnects a count, or -1 for forever
     * @return this builder
     * @throws IllegalArgumentException if below -1
     */
    public NatsBridgeBuilder maxReconnects(int maxReconnects) {
        if (maxReconnects < -1) {
            throw new IllegalArgumentException(Checks.message("maxReconnects", maxReconnects, ">= -1"));
        }
        this.maxReconnects = maxReconnects;
        return connectionOption();
    }

    /**
     * The pause between two tries of the same server. Default 250 ms.
     *
     * @param reconnectWait zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public NatsBridgeBuilder reconnectWait(Duration reconnectWait) {
        this.reconnectWait = Checks.nonNegative("reconnectWait", reconnectWait);
        return connectionOption();
    }

    /**
     * How long one connection attempt may take. Default 5 s.
     *
     * @param connectionTimeout longer than zero
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public NatsBridgeBuilder connectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = Checks.positive("connectionTimeout", connectionTimeout);
        return connectionOption();
    }

    private NatsBridgeBuilder connectionOption() {
        connectionOptionSet = true;
        return this;
    }

    /**
     * Connects (unless given a connection) and builds the bridge.
     *
     * @return the bridge
     * @throws IllegalStateException if neither servers nor a connection were given, or both a
     *     connection and options for a connection the bridge would make
     * @throws BridgeConnectionException if no server could be reached
     */
    public NatsBridge build() {
        if (connection != null) {
            if (connectionOptionSet) {
                throw new IllegalStateException("connection: given, with servers or connection options (expected:"
                        + " either an existing connection, or servers and the options of the connection to make)");
            }
            return new NatsBridge(connection, false, prefix, maxMessageBytes, requestTimeout);
        }
        if (servers == null) {
            throw new IllegalStateException("servers: not set (expected: servers(...) or connection(...))");
        }
        Options.Builder options = new Options.Builder()
                .servers(servers)
                .connectionName(name)
                .maxReconnects(maxReconnects)
                .reconnectWait(reconnectWait)
                .connectionTimeout(connectionTimeout)
                .reconnectBufferSize(reconnectBufferBytes)
                .errorListener(new LoggingErrors());
        if (user != null) {
            options.userInfo(user.toCharArray(), password);
        }
        if (token != null) {
            options.token(token);
        }
        if (credentials != null) {
            options.authHandler(Nats.credentials(credentials.toString()));
        }
        if (sslContext != null) {
            options.sslContext(sslContext);
        }
        try {
            return new NatsBridge(Nats.connect(options.build()), true, prefix, maxMessageBytes, requestTimeout);
        } catch (IOException e) {
            throw new BridgeConnectionException("no NATS server reachable at " + Arrays.toString(servers) + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeConnectionException("interrupted while connecting to " + Arrays.toString(servers), e);
        }
    }

    /** The client's asynchronous errors, through slf4j. */
    private static final class LoggingErrors implements ErrorListener {
        @Override
        public void errorOccurred(Connection conn, String error) {
            LOG.warn("NATS server error: {}", error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            LOG.warn("NATS client exception: {}", exp.toString());
        }

        @Override
        public void slowConsumerDetected(Connection conn, io.nats.client.Consumer consumer) {
            LOG.warn("NATS slow consumer: messages dropped by the client ({} pending)", consumer.getPendingMessageCount());
        }
    }
}
