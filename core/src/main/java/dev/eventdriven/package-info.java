/**
 * Controllers: one event loop each, driven only by the events and tasks handed to it.
 *
 * <pre>
 * +------------------------------------+   install
 * |          AdapterManager            |&lt;------------ Adapter (timer, child process, ...)
 * +------------------------------------+
 * |   |                     |          |
 * |   |                     v          |
 * |   |    handlers  +-----------------+     id, value
 * |   |    +---------|  MappingManager |&lt;------------ dispatch / request --&gt; Pending
 * |   |    |         +-----------------+
 * |   v    v                           |
 * +------------------------------------+
 * |                                    |     task
 * |   EventLoop (one thread, one queue)|&lt;------------ execute / submit   --&gt; Pending
 * |                                    |
 * +------------------------------------+
 *     ^                    |  BEFORE, handlers (or OTHER), AFTER
 *     |                    v
 *     |              Session: id, value, args, contexts (event &gt; runtime &gt; global), statics
 *     |                    |
 *     +---- returns -------+--&gt; Pending completes; listeners get ForwardingPackets
 * </pre>
 *
 * <p>Start with {@link dev.eventdriven.Controller#builder(String)}. Handlers are
 * {@link dev.eventdriven.EventHandler} lambdas or annotated methods
 * ({@link dev.eventdriven.mapping.MappingBlueprint}). Results are {@link dev.eventdriven.Pending}s,
 * which are {@link java.util.concurrent.CompletableFuture}s.
 *
 * <p><b>Without a thread of its own.</b> A controller built with
 * {@link dev.eventdriven.ControllerBuilder#executor(ExecutorGroup)} runs its loop in turns on a
 * shared {@link dev.eventdriven.ExecutorGroup}: a batch per turn, then it yields; the same guarantees,
 * and an idle controller holds no thread.
 * <pre>
 *   many controllers (queues) --(idle to ready: hand in one turn)--&gt; [ready line] --&gt; a few group threads
 *                 ^                                                                   |
 *                 +------------------ more events: back of the line -----------------+
 * </pre>
 */
package dev.eventdriven;
