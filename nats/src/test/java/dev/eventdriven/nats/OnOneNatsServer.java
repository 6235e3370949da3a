package dev.eventdriven.nats;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class whose tests share one real nats-server (with JetStream), started before and stopped after them. */
abstract class OnOneNatsServer {

    /** The class's server. */
    static NatsServer server;

    @BeforeAll
    static void startServer() {
        server = NatsServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
