/**
 * EventDriven across machines, over NATS. A {@link dev.eventdriven.nats.NatsBridge} exposes local
 * controllers and pools under names, gives {@link dev.eventdriven.nats.RemoteEndpoint remote
 * endpoints} with the controller's dispatch/request interface, forms distributed pools (JVMs
 * exposing one name), shares events with listeners in other JVMs, and offers durable delivery on
 * JetStream.
 *
 * <pre>
 *  console JVM                          NATS                      worker JVMs (distributed pool)
 *  ┌────────────────────────┐                                     ┌──────────────────────────┐
 *  │ remote("work")         │──▶ app.ep.work  (queue group) ─────▶│ expose("work", pool)     │
 *  │   .request(...)        │◀── reply ◀──────────────────────────│   handlers' returns      │
 *  │ share(console, [done]) │──▶ app.ev.console ──┐               └──────────────────────────┘
 *  └────────────────────────┘                     │               statistics JVM
 *                                                 └──────────────▶ stats.listen(source("console"), [done], "stats")
 * </pre>
 */
package dev.eventdriven.nats;
