/**
 * Worker pools: {@link dev.eventdriven.pool.ControllerPool}, a fixed group of worker controllers
 * that share one mapping and one event queue, built with
 * {@link dev.eventdriven.pool.ControllerPoolBuilder}.
 *
 * <pre>{@code
 *   dispatch(id, value) ----+
 *   execute(task) ----------+--> [ shared MPMC queue ] --+--> worker-0 --+
 *   request/submit(..) -----+             ^              +--> worker-1 --+--> Pending completes
 *        |                                |              +--> worker-n --+    (handlers' results)
 *        +--> Pending                     |
 *                                         |     each worker takes its own queue first, then the
 *   dispatchOrdered(key, ..) -> key idle? + yes shared one; it parks when both are empty, and
 *                                 | no    |     a producer unparks one parked worker
 *                                 v       |
 *                           key's backlog +  when the key's running event completes
 * }</pre>
 *
 * <p>A producer wakes one parked worker, and only when one is parked. Handlers run on the workers'
 * threads, several at once: what they share must be thread-safe. Events with the same ordering key
 * never run at the same time and run in dispatch order.
 */
package dev.eventdriven.pool;
