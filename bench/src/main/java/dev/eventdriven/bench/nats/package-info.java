/**
 * W8's machinery: a nats-server the benchmark starts on a free loopback port, and the remote JVM
 * ({@link dev.eventdriven.bench.nats.W8Remote}) that runs the receiving side of each contestant.
 */
package dev.eventdriven.bench.nats;
