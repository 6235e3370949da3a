/**
 * Micrometer meters for EventDriven: what a dashboard of an event-loop program needs, bound to any
 * {@link io.micrometer.core.instrument.MeterRegistry}.
 *
 * <pre>
 *   EventDrivenMetrics.builder(registry) ... build()
 *        |
 *        +-- adapter() --&gt; installed on a controller or pool builder:
 *        |                  counters + queue gauge (read from stats() when scraped)
 *        |                  + an EventObserver on every loop --&gt; handler-time timer per event id (capped)
 *        |                                                    --&gt; queue-wait timer
 *        +-- bind(processor) --&gt; counters + queue gauge of a processor built without the adapter
 *        +-- bind(MeteredSource) --&gt; the same for another module's endpoint (a bridge, ...)
 *   ChildProcessMetrics --&gt; a child process: alive, pid, restarts
 * </pre>
 *
 * <table>
 *   <caption>Meters (tags: controller = the name, kind = controller, pool, child or the source's kind;
 *   plus the builder's common tags)</caption>
 *   <tr><th>name</th><th>type</th><th>what</th></tr>
 *   <tr><td>{@code eventdriven.events.dispatched}</td><td>function counter</td><td>accepted into the queue</td></tr>
 *   <tr><td>{@code eventdriven.events.handled}</td><td>function counter</td><td>taken and processed</td></tr>
 *   <tr><td>{@code eventdriven.events.failed}</td><td>function counter</td><td>a handler threw</td></tr>
 *   <tr><td>{@code eventdriven.events.rejected}</td><td>function counter</td><td>dispatch refused</td></tr>
 *   <tr><td>{@code eventdriven.events.dropped}</td><td>function counter</td><td>dropped (DROP_NEWEST)</td></tr>
 *   <tr><td>{@code eventdriven.loop.blocked}</td><td>function counter</td><td>blocked-loop reports</td></tr>
 *   <tr><td>{@code eventdriven.queue.depth}</td><td>gauge</td><td>events waiting now</td></tr>
 *   <tr><td>{@code eventdriven.handler.time}</td><td>timer, tag {@code event}</td>
 *       <td>handlers' time per event id; ids past the cap share {@code event=other}</td></tr>
 *   <tr><td>{@code eventdriven.queue.wait}</td><td>timer</td><td>dispatch to the start of the handlers</td></tr>
 * </table>
 */
package dev.eventdriven.metrics;
