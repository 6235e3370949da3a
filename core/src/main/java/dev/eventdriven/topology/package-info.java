/**
 * A picture of what is wired to what, with live state and counters: {@link
 * dev.eventdriven.topology.Topology#of} takes a snapshot of controllers, pools (and their workers),
 * their adapters (timers, child processes, ...) and the listenings between them, and writes it as
 * Mermaid or Graphviz DOT text.
 *
 * <pre>
 *   Topology.of(console, workers, stats, child.events())
 *        |  reads: name, state, stats(), adapters().all() + describe(), listenings() + allow()
 *        v
 *   toMermaid()  -- paste into a Markdown file that renders Mermaid
 *   toDot()      -- dot -Tpng topology.dot -o topology.png
 * </pre>
 */
package dev.eventdriven.topology;
