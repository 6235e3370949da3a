/**
 * EventDriven across machines, over NATS: controllers and pools exposed under a name, remote
 * endpoints with the controller's dispatch/request interface, distributed pools (NATS queue groups),
 * remote listening, and durable delivery on JetStream. The engine is the official NATS Java client;
 * values travel in the library's allow-listed value codec, never in Java serialization.
 */
module dev.eventdriven.nats {
    requires transitive dev.eventdriven.core;
    requires transitive io.nats.jnats;
    requires org.slf4j;

    exports dev.eventdriven.nats;
}
