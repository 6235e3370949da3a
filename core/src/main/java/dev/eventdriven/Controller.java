package dev.eventdriven;

/**
 * One event loop: a queue and the one thread that takes events from it and runs their handlers, in
 * registration order, one after another. Build one with {@link #builder(String)}; its lifecycle,
 * waits, listening and counters are those of every {@link EventProcessor}.
 *
 * <pre>
 *   dispatch(id, value) ---+                      +--&gt; BEFORE handlers
 *   execute/submit(task) --+--&gt; [ MPSC queue ] --&gt;| loop thread: handlers of id (or OTHER)
 *   request(...) --&gt; Pending                      +--&gt; AFTER handlers --&gt; Pending completes
 *        ^                                                   |
 *        +--------------------- results --------------------+
 * </pre>
 *
 * <p><b>Threads.</b> Dispatch methods and lifecycle methods may be called from any thread. Handlers,
 * adapters' handler contributions and forwarding to listeners run on the loop thread, named
 * {@code <name>-loop}. Everything a producer did before {@code dispatch} happens-before the handlers
 * of that event run; the handlers of one event happen-before those of the next.
 *
 * <p><b>Lifecycle.</b> See {@link ControllerState}. Events may be dispatched before {@code run()};
 * they wait in the queue. {@link #close()} (try-with-resources) shuts down and waits a bounded time.
 */
public interface Controller extends EventProcessor {

    /**
     * Starts building a controller.
     *
     * @param name the name, not blank; used for the thread ({@code <name>-loop}), logs and the MDC
     * @return a builder
     * @throws IllegalArgumentException if the name is {@code null} or blank
     */
    static ControllerBuilder builder(String name) {
        return new ControllerBuilder(name);
    }
}
