/**
 * Event id to handler mappings: {@link dev.eventdriven.mapping.MappingBlueprint} collects
 * registrations in user code (lambdas, annotated methods, inherited blueprints);
 * {@link dev.eventdriven.mapping.MappingManager} is a controller's live, thread-safe mapping.
 *
 * <pre>
 *   &#64;On("evt") methods --+
 *   on(id, lambda) -------+--&gt; MappingBlueprint --build--&gt; MappingManager --snapshot per event--&gt; loop
 *   inherit(other) -------+                              (add/remove/set/clear at any time)
 * </pre>
 */
package dev.eventdriven.mapping;
