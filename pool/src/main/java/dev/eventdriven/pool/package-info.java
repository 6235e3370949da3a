/**
 * Worker pools: {@link dev.eventdriven.pool.ControllerPool}, a fixed group of worker controllers
 * that share one mapping and one event queue, built with
 * {@link dev.eventdriven.pool.ControllerPoolBuilder}.
 *
 * <pre>
 *   dispatch(id, value) ----+                                    +--&gt; worker-0 (Controller) --+
 *   execute(task) ----------+--&gt; [ shared MPMC event queue ] ---+--&gt; worker-1 (Controller) --+--&gt; Pending
 *   request(..)/submit(..) -+        (lock-free, closable)       +--&gt; worker-n (Controller) --+   completes
 *        |                                                        ^    each: own queue first,
 *        +--&gt; Pending (list of the handlers' results)           |    then the shared queue;
 *                                                                 |    parks when both are empty
 *   dispatchOrdered(key, ..) --&gt; key's lane: the first event goes |
 *                                through the shared queue, later --+ (the worker that ran the key's
 *                                ones wait in the key's backlog      last event takes the next one)
 * </pre>
 *
 * <p>A producer wakes one parked worker, and only when one is parked. Handlers run on the workers'
 * threads, several at once: what they share must be thread-safe. Events with the same ordering key
 * never run at the same time and run in dispatch order.
 */
package dev.eventdriven.pool;
