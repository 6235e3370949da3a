/**
 * JMH benchmarks of the library against its peers, one class per workload of BENCH.md.
 *
 * <pre>
 *   benchmark thread (+ 2nd producer in W2)        contestant (a @Param)          consumer thread
 *   send(value) x N  ------------------------&gt;  EventSink / RequestReply  ----&gt;  Tally.add(value)
 *   Tally.await()  &lt;------------------------- unpark when all N seen ---------------------'
 * </pre>
 *
 * <p>Every contestant is driven by the same code through a small adapter
 * ({@link dev.eventdriven.bench.contestant.EventSink}, {@link dev.eventdriven.bench.contestant.RequestReply}),
 * and every trial checks that each value arrived exactly once.
 */
package dev.eventdriven.bench;
