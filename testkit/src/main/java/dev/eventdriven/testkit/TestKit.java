package dev.eventdriven.testkit;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerBuilder;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.ExecutorGroup;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.pool.ControllerPool;
import dev.eventdriven.pool.ControllerPoolBuilder;
import dev.eventdriven.timer.Timer;
import dev.eventdriven.timer.VirtualTimeScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives controllers and pools on the test's thread, on one virtual clock (as Netty's
 * {@code EmbeddedChannel} or Agrona's {@code AgentInvoker} do): dispatch as usual, then
 * {@link #runNext()} or {@link #runAll()} runs the handlers, one event at a time, in the order the
 * events arrived; {@link #advance(Duration)} moves the clock and fires timers and delayed dispatches
 * in deadline order, running the handlers of each deadline before going on.
 *
 * <pre>
 *   try (TestKit kit = TestKit.create()) {
 *       Controller c = kit.start(Controller.builder("greeter").on("greet", String.class, n -&gt; "hello " + n));
 *       Pending&lt;String&gt; p = c.request("greet", "Ada", String.class);
 *       kit.runAll();                                   // the handler runs here
 *       assertEquals("hello Ada", p.join());
 *       kit.recording(c).assertHandled("greet");
 *   }
 * </pre>
 *
 * <p><b>What is real.</b> The controllers are real ones, put on the kit's hand-driven
 * {@link ExecutorGroup} with a batch of one event per turn: the same mapping, hooks, contexts,
 * adapters, error path (error handler, ERROR handlers, policies) and lifecycle. What the kit adds: a
 * {@link Recording} of each (a first BEFORE and a last AFTER hook, and the adapters' exception
 * callback), and the virtual clock ({@link #clock()}) that the kit's timers ({@link #every},
 * {@code Timer.builder().scheduler(kit.clock())}) and delayed dispatches
 * ({@code kit.clock().dispatchLater(…)}) run on. The real blocked-loop detector is off for the kit's
 * controllers; instead a turn during which the virtual clock moved past
 * {@link #blockedLoopThreshold(Duration)} (a handler that jumps the clock, simulating a slow call) is
 * reported in {@link #blockedTurns()} and logged.
 *
 * <p><b>Waits.</b> A blocking wait on the test's thread runs the queued turns until it is satisfied:
 * {@code c.request(…).await(d)}, {@code awaitIdle}, {@code awaitDrained}, {@code close()} work as
 * against a real controller (and wait the full timeout only if nothing left to run can satisfy them).
 *
 * <p><b>Threads.</b> The kit belongs to the thread that created it; other threads may dispatch to its
 * controllers (their turns then wait for the test's thread). Not for concurrent use otherwise.
 */
public final class TestKit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestKit.class);
    /** {@link #runAll()} gives up after this many turns: a handler that keeps dispatching to itself. */
    private static final int MAX_TURNS = 10_000_000;

    private final VirtualTimeScheduler clock = new VirtualTimeScheduler();
    private final ManualExecutor executor = new ManualExecutor(this);
    private final ExecutorGroup group = ExecutorGroup.on("testkit", executor);
    private final List<EventProcessor> processors = new ArrayList<>();
    private final Map<EventProcessor, Recording> recordings = new IdentityHashMap<>();
    private final List<String> blocked = new ArrayList<>();
    private long blockedThresholdNanos = Duration.ofSeconds(3).toNanos();
    private int listenings;
    private boolean closed;

    private TestKit() {
        executor.bind();
    }

    /**
     * A kit driven by the calling thread (the test's); close it at the end of the test.
     *
     * @return the kit
     */
    public static TestKit create() {
        return new TestKit();
    }

    /**
     * The virtual clock of the kit's timers and delayed dispatches.
     *
     * @return the clock
     */
    public VirtualTimeScheduler clock() {
        return clock;
    }

    /**
     * The hand-driven group the kit's controllers run on.
     *
     * @return the group
     */
    public ExecutorGroup group() {
        return group;
    }

    /**
     * How far the virtual clock may move during one turn before the kit reports it as a blocked loop.
     * Default 3 s, the real detector's default.
     *
     * @param threshold the threshold, &gt; 0
     * @return this kit
     */
    public TestKit blockedLoopThreshold(Duration threshold) {
        this.blockedThresholdNanos = Checks.positive("blockedLoopThreshold", threshold).toNanos();
        return this;
    }

    /**
     * Builds a controller on the kit (its group, one event per turn, recorded) without starting it.
     *
     * @param builder the builder, with the handlers and options of the controller under test; not
     *     with a thread factory or daemon setting (the kit's group runs it)
     * @return the controller, NEW
     */
    public Controller build(ControllerBuilder builder) {
        Checks.notNull("builder", builder);
        Recording r = new Recording("?");
        Controller c = builder.executor(group).batchSize(1).blockedLoopThreshold(Duration.ZERO)
                .adapter(r.adapter()).build();
        return track(c, r, c.name());
    }

    /**
     * Builds a controller on the kit and starts it ({@code run()}); its first turn is queued.
     *
     * @param builder the builder
     * @return the controller, RUNNING
     */
    public Controller start(ControllerBuilder builder) {
        Controller c = build(builder);
        c.run();
        return c;
    }

    /**
     * Builds a pool whose workers run on the kit, and starts it.
     *
     * @param builder the builder, with the pool's size, handlers and options
     * @return the pool, RUNNING
     */
    public ControllerPool start(ControllerPoolBuilder builder) {
        Checks.notNull("builder", builder);
        Recording r = new Recording("?");
        ControllerPool p = builder.executor(group).batchSize(1).blockedLoopThreshold(Duration.ZERO)
                .adapter(r.adapter()).build();
        track(p, r, p.name());
        p.run();
        return p;
    }

    private <P extends EventProcessor> P track(P p, Recording r, String name) {
        r.name(name);
        processors.add(p);
        recordings.put(p, r);
        return p;
    }

    /**
     * What a processor the kit built has handled.
     *
     * @param processor a controller or pool of this kit
     * @return its recording
     * @throws IllegalArgumentException if the kit did not build it
     */
    public Recording recording(EventProcessor processor) {
        Recording r = recordings.get(processor);
        if (r == null) {
            throw new IllegalArgumentException(Checks.message("processor", processor, "one built by this kit"));
        }
        return r;
    }

    /**
     * Listens to a source's events: what a listener would receive as forwarding packets.
     *
     * @param source the source (a controller, pool or child events of this kit or not)
     * @param allow the event ids to forward
     * @return the packets, filled as the source takes the events
     */
    public ForwardedPackets listen(EventProcessor source, Collection<?> allow) {
        Checks.notNull("source", source);
        String name = "testkit-" + (++listenings);
        ForwardedPackets packets = new ForwardedPackets(name);
        source.listenedBy(packets.queue(), allow, name);
        return packets;
    }

    /**
     * A timer on the kit's clock, to install in a controller ({@code .adapter(kit.every(d))}).
     *
     * @param interval the interval
     * @return the timer, sending TIMING
     */
    public Timer every(Duration interval) {
        return Timer.builder().interval(interval).scheduler(clock).build();
    }

    /**
     * Runs turns until one event has been handled (by any of the kit's processors), or nothing is
     * queued. The turns run in the order they were queued; a turn takes one event.
     *
     * @return {@code true} if an event was handled
     */
    public boolean runNext() {
        long before = handledTotal();
        while (executor.runNext()) {
            if (handledTotal() != before) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs turns until none is queued: every event dispatched so far, and those their handlers
     * dispatch, is handled.
     *
     * @return the number of events handled
     * @throws AssertionError if handlers keep dispatching without end (10,000,000 turns)
     */
    public int runAll() {
        long before = handledTotal();
        int turns = 0;
        while (executor.runNext()) {
            if (++turns == MAX_TURNS) {
                throw new AssertionError("runAll(): still running after " + MAX_TURNS
                        + " turns; does a handler keep dispatching to itself?");
            }
        }
        return (int) (handledTotal() - before);
    }

    /**
     * Moves the virtual clock forward, firing what falls due in deadline order: at each deadline the
     * clock stands there, the actions due fire (timer ticks, delayed dispatches) and the handlers
     * run ({@link #runAll()}), then the clock moves to the next deadline, and finally to the end.
     * What was queued before runs first, at the current time.
     *
     * @param duration how far, &gt;= 0
     * @return the number of events handled
     */
    public int advance(Duration duration) {
        Checks.nonNegative("duration", duration);
        int handled = runAll();
        long left = duration.toNanos();
        for (;;) {
            Optional<Duration> next = clock.timeToNext();
            if (next.isEmpty() || next.get().toNanos() > left) {
                clock.advance(Duration.ofNanos(left));
                return handled + runAll();
            }
            long step = next.get().toNanos();
            clock.advance(Duration.ofNanos(step));
            left -= step;
            handled += runAll();
        }
    }

    /**
     * The number of turns queued, not yet run.
     *
     * @return the count
     */
    public int queuedTurns() {
        return executor.queued();
    }

    /**
     * The turns during which the virtual clock moved past the blocked-loop threshold, each described
     * with its controller and how far the clock moved.
     *
     * @return a snapshot, in order
     */
    public List<String> blockedTurns() {
        return List.copyOf(blocked);
    }

    /** Runs one turn, timing it on the virtual clock. */
    void runTimed(Runnable turn) {
        long start = clock.nanoTime();
        executor.runTurnHere(turn);
        long took = clock.nanoTime() - start;
        if (took >= blockedThresholdNanos) {
            String report = turn + " took " + Duration.ofNanos(took) + " of virtual time (threshold "
                    + Duration.ofNanos(blockedThresholdNanos) + ")";
            blocked.add(report);
            LOG.warn("test kit: {}: a handler blocked the loop", report);
        }
    }

    private long handledTotal() {
        long n = 0;
        for (EventProcessor p : processors) {
            n += p.stats().handled();
        }
        return n;
    }

    /**
     * Stops every processor of the kit (a forced shutdown, run to its end here), closes the clock and
     * the group, and releases the test's thread. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (EventProcessor p : processors) {
                p.shutdownNow();
            }
            runAll();
        } finally {
            executor.unbind();
            clock.close();
            group.shutdown();
        }
    }

    @Override
    public String toString() {
        return "TestKit[" + processors.size() + " processors, " + executor.queued() + " turns queued, clock at "
                + clock.elapsed() + "]";
    }
}
