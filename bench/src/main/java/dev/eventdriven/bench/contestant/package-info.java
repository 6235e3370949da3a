/**
 * The contestants of the benchmarks behind small adapter interfaces: this library's controller and
 * its peers (JDK executors, the LMAX Disruptor), and the {@link dev.eventdriven.bench.contestant.Tally}
 * that counts what the consumer saw.
 */
package dev.eventdriven.bench.contestant;
