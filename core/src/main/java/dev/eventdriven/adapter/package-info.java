/**
 * The adapter SPI: plug-in behaviour installed into a controller, with lifecycle callbacks, handler
 * and context contributions, dependencies and dispatch-time validation, event observers, and batches
 * of events handed to the loop as one queue entry ({@link dev.eventdriven.adapter.EventBatch}, what a
 * {@code TimerSet} uses for its ticks).
 *
 * <pre>
 *   build: setup(ctx) --&gt; run(): running, run --&gt; [suspend | resume | exception]* --&gt; closing --&gt; closed
 *   dynamic adapter, installed while it runs: setup, running, run (at once) --&gt; ... --&gt; removed (uninstall)
 * </pre>
 */
package dev.eventdriven.adapter;
