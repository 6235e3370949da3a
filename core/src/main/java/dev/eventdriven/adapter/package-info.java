/**
 * The adapter SPI: plug-in behaviour installed into a controller, with lifecycle callbacks, handler
 * and context contributions, dependencies and dispatch-time validation.
 *
 * <pre>
 *   build: setup(ctx) --&gt; run(): running, run --&gt; [suspend | resume | exception]* --&gt; closing --&gt; closed
 * </pre>
 */
package dev.eventdriven.adapter;
