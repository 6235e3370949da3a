/**
 * Unit tests of handlers without threads or sleeps: a {@link dev.eventdriven.testkit.TestKit} builds
 * controllers and pools that take their turns on the test's thread, when the test says, on one
 * virtual clock.
 *
 * <pre>
 *   test thread: dispatch / request ---&gt; [queue] ---&gt; (turn queued in the kit)
 *   test thread: kit.runNext() / runAll() ---&gt; handlers run here, one event at a time, in order
 *   test thread: kit.advance(d) ---&gt; virtual clock: timers, delayed dispatches fire in deadline order,
 *                                    the handlers of each deadline run before the clock moves on
 *   test thread: kit.recording(c).assertHandled("a", "b") / returnsOf / failures; kit.listen(...).packets()
 * </pre>
 *
 * <p>The controllers are real ones on a hand-driven {@link dev.eventdriven.ExecutorGroup}: the same
 * mapping, hooks, contexts, adapters, error path and lifecycle; a blocking wait called on the test's
 * thread (a Pending's {@code await}, {@code awaitIdle}, {@code close}) runs the queued turns instead
 * of parking.
 */
package dev.eventdriven.testkit;
