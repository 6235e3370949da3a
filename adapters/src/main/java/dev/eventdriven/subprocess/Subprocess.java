package dev.eventdriven.subprocess;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.ControllerState;
import dev.eventdriven.EventDrivenException;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.HandlerFailure;
import dev.eventdriven.Listenable;
import dev.eventdriven.RemoteHandlerException;
import dev.eventdriven.Session;
import dev.eventdriven.SubmittedTask;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.adapter.RoutedEvent;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.Listeners;
import dev.eventdriven.internal.LoopController;
import dev.eventdriven.internal.codec.ValueCodec;
import dev.eventdriven.subprocess.internal.Blueprints;
import dev.eventdriven.subprocess.internal.ChildConnection;
import dev.eventdriven.subprocess.internal.ChildSettings;
import dev.eventdriven.subprocess.internal.PreparedCall;
import dev.eventdriven.subprocess.internal.Protocol;
import dev.eventdriven.subprocess.internal.RemoteProxies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter that hands a controller's events and tasks to a child JVM. See the package documentation
 * for the picture and the rules for values, tasks and the blueprint class.
 *
 * <p><b>What is forwarded.</b> An event the parent controller has no handler for (it would go to
 * OTHER) and every submitted task. The parent's Pending completes with what ran in the child: for an
 * event the returns of the child's handlers (in their order, in place of the forwarding handler), for
 * a task the task's result. A failure in the child fails the
 * Pending with a {@link RemoteHandlerException} and dispatches {@link SystemEvent#ERROR} in the parent
 * with a {@link HandlerFailure}. Events the parent maps itself and system events stay in the parent.
 *
 * <p><b>Call-site checks.</b> An event for the child, or a task, is encoded on the dispatching
 * thread into the frame that will be sent: a value outside the encodable set or bigger than the
 * maximum frame, or a task that is a lambda (or another class the child cannot re-create), is
 * refused by {@code dispatch}/{@code request}/{@code submit} with an {@link IllegalArgumentException}
 * saying why, and nothing is sent.
 *
 * <p><b>Two paths.</b> When nothing in the parent must see the event first (no BEFORE/AFTER hooks, no
 * listeners, the controller RUNNING, none of its own events for the child still queued), the frame is
 * written to the child from the dispatching thread: no hop through the parent's loop, and the parent's
 * counters do not see the event. Otherwise it is queued with its frame attached and the forwarding
 * handler sends it from the loop. Either way the events of one producer reach the child in dispatch
 * order, and a full window of calls in flight applies the controller's overflow policy (on the
 * dispatching thread, or on the loop). Events for the child that the controller hands back
 * ({@code clean()}, {@code shutdownNow()}) are never sent, and keep later events on the loop path.
 *
 * <p><b>Channel.</b> A frame written after a quiet spell is flushed by its writer at once; frames
 * written in quick succession are flushed together by a flusher thread ({@code <name>-flusher}, one
 * in each JVM), so a burst of calls costs one pipe write, not one per call.
 *
 * <p><b>Life.</b> The child starts when the controller runs; a graceful shutdown of the controller
 * drains and stops the child; the child dying (killed, {@code System.exit}, out of memory) fails every
 * answer still awaited with a {@link ChildProcessException} (exit code, last stderr lines), dispatches
 * ERROR, and then either restarts the child ({@link RestartPolicy}) or shuts the controller down.
 * Unique per controller. Methods may be called from any thread unless stated.
 */
public final class Subprocess implements Adapter {

    private static final Logger LOG = LoggerFactory.getLogger(Subprocess.class);

    private final SubprocessBuilder config;
    private final ValueCodec codec = new ValueCodec(null);
    private final Object lock = new Object();
    private AdapterContext context;
    private ChildSettings settings;
    private volatile ChildConnection child;
    private volatile boolean closing;
    private volatile Thread restarter;
    private volatile Listeners listeners;
    private final ChildEventSource events = new ChildEventSource(() -> listeners,
            () -> settings == null ? "child" : settings.name());
    /** Ids of calls to the child, unique across restarts (a call prepared before a restart stays valid). */
    private final AtomicLong ids = new AtomicLong();
    /** Events for the child queued in the parent and not yet sent: while any is, none goes straight. */
    private final AtomicInteger throughLoop = new AtomicInteger();
    private int restarts;

    Subprocess(SubprocessBuilder config) {
        this.config = config;
    }

    /**
     * Starts building an adapter whose child workers are mapped by {@code blueprintClass}: a public
     * class with a public no-arg constructor that either implements
     * {@code Supplier<MappingBlueprint>} or has public {@code @On}/{@code @Before}/{@code @After}/
     * {@code @Other} methods. Each child worker gets its own instance.
     *
     * @param blueprintClass the class, checked now
     * @return a builder
     * @throws IllegalArgumentException if the class does not qualify, saying why
     */
    public static SubprocessBuilder builder(Class<?> blueprintClass) {
        return new SubprocessBuilder(blueprintClass);
    }

    /**
     * Whether this adapter is unique: yes, one child per controller.
     *
     * @return {@code true}
     */
    @Override
    public boolean unique() {
        return true;
    }

    /**
     * Contributes the forwarding handlers (OTHER and SUBMIT) and the call-site check. Building thread.
     *
     * @param context the controller being built
     */
    @Override
    public void setup(AdapterContext context) {
        this.context = context;
        this.settings = config.settings(context.processor().name());
        this.listeners = new Listeners(settings.name());
        context.mapping().add(SystemEvent.OTHER, this::forwardEvent);
        context.mapping().add(SystemEvent.SUBMIT, this::forwardTask);
        context.addDispatchRoute(this::route);
        context.putStatic("subprocess", this);
    }

    /**
     * Starts the child. Caller of {@code run()}.
     *
     * @param processor the controller or pool
     * @throws ChildProcessException if the child cannot be started
     */
    @Override
    public void running(EventProcessor processor) {
        startChild();
    }

    /**
     * Drains and stops the child (killing it after the shutdown timeout). Loop thread or the caller of
     * {@code shutdownNow()}.
     *
     * @param processor the controller or pool
     */
    @Override
    public void closing(EventProcessor processor) {
        closing = true;
        Thread r = restarter;
        if (r != null) {
            r.interrupt();
        }
        ChildConnection c = child;
        if (c != null && !c.isDead()) {
            c.stop();
        }
    }

    /**
     * Makes sure the child is gone. Loop thread.
     *
     * @param processor the controller or pool
     */
    @Override
    public void closed(EventProcessor processor) {
        closing = true;
        // A restart in progress may still start a child: let it finish first, then kill what runs.
        Thread r = restarter;
        if (r != null && r != Thread.currentThread()) {
            r.interrupt();
            try {
                r.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ChildConnection c = child;
        if (c != null && !c.isDead()) {
            c.kill();
        }
    }

    /**
     * Whether no answer from the child is awaited; {@code awaitIdle}/{@code awaitDrained} of the parent
     * wait for this.
     *
     * @return {@code true} when the child has no work of this parent in hand
     */
    @Override
    public boolean isIdle() {
        ChildConnection c = child;
        return c == null || c.isIdle();
    }

    /**
     * The child's name (the builder's, else the controller's): what its threads, log lines and
     * Flight Recorder events are named by.
     *
     * @return the name, or {@code null} before the adapter is installed
     */
    public String childName() {
        ChildSettings s = settings;
        return s == null ? null : s.name();
    }

    /**
     * The child's name, its pid (while it runs), whether it is alive, its restarts, and its
     * {@link #events()} source (a topology draws a line to it).
     *
     * @return the facts, for pictures such as {@code Topology}
     */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("child", childName());
        ChildConnection c = child;
        boolean alive = c != null && !c.isDead();
        if (alive) {
            facts.put("pid", c.pid());
        }
        facts.put("alive", alive);
        facts.put("restarts", restarts());
        facts.put("events", events);
        return facts;
    }

    /**
     * The process id of the current child.
     *
     * @return the pid
     * @throws ChildProcessException if no child runs (not started, dead, restarting)
     */
    public long pid() {
        return live().pid();
    }

    /**
     * Whether a child runs now.
     *
     * @return {@code true} if a child process is up
     */
    public boolean isChildAlive() {
        ChildConnection c = child;
        return c != null && !c.isDead();
    }

    /**
     * How many times the child was restarted.
     *
     * @return the count
     */
    public int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    /**
     * Creates an object inside the child and returns a proxy of one of its interfaces. The object's
     * class must be public with a public constructor taking {@code args} (encodable values). Calls on
     * the proxy run in the child, one at a time on its bridge loop; a method returning a
     * {@link CompletionStage} returns at once, the others block until the answer (at most the call
     * timeout, then {@link dev.eventdriven.PendingTimeoutException}). Arguments and results must be
     * encodable. An exception in the child is thrown as {@link RemoteHandlerException}. The instance
     * lives until {@link #release(Object)} or the child's end.
     *
     * @param type the interface the proxy implements (the object must implement it)
     * @param className the object's class, resolved in the child
     * @param args the constructor arguments
     * @param <T> the interface
     * @return the proxy
     * @throws IllegalArgumentException if {@code type} is not an interface or an argument is not encodable
     * @throws RemoteHandlerException if the child cannot create the object
     * @throws ChildProcessException if no child runs
     */
    public <T> T newRemote(Class<T> type, String className, Object... args) {
        if (type == null || !type.isInterface()) {
            throw new IllegalArgumentException(Checks.message("type", type, "an interface"));
        }
        ChildConnection c = live();
        CompletableFuture<Object> id = c.call(config.callTimeout(), Protocol.CREATE, Checks.notNull("className", className),
                args == null ? List.of() : List.of(args));
        try {
            Object instance = id.get(config.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return RemoteProxies.proxy(c, type, (Long) instance, config.callTimeout());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EventDrivenException ede ? ede
                    : new EventDrivenException("creating " + className + " in the child failed", e.getCause());
        } catch (TimeoutException e) {
            throw new dev.eventdriven.PendingTimeoutException("creating " + className + " in the child got no"
                    + " answer within " + config.callTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventDrivenException("interrupted while creating " + className + " in the child", e);
        }
    }

    /**
     * Forgets a remote instance in the child; later calls on the proxy throw
     * {@link IllegalStateException}.
     *
     * @param remote a proxy from {@link #newRemote}
     * @return {@code true} if it was live, {@code false} if released before
     * @throws IllegalArgumentException if it is not such a proxy
     */
    public boolean release(Object remote) {
        return RemoteProxies.release(remote);
    }

    // ----------------------------------------------------------------------------------- forwarding

    private ChildConnection live() {
        ChildConnection c = child;
        if (c == null || c.isDead()) {
            throw new ChildProcessException("child '" + settings.name() + "' is not running"
                    + (closing ? " (the controller is shutting down)" : ""), null, List.of());
        }
        return c;
    }

    // Routing: every event for the child is encoded on the dispatching thread (so that what cannot
    // be carried fails in dispatch, and what is sent is what was checked), then written to the child
    // from that thread when nothing in the parent needs to see it first, or else attached to the event
    // for the forwarding handler to send from the loop.

    /** Dispatching thread: see the comment above. */
    private boolean route(RoutedEvent ev) {
        Object id = ev.eventId();
        PreparedCall call;
        if (id == SystemEvent.SUBMIT) {
            call = prepareTask(ev.value());
        } else if (id instanceof SystemEvent || !context.processor().mapping().get(id).isEmpty()) {
            return false; // stays in the parent
        } else {
            call = prepareEvent(id, ev.value(), ev.context(), ev.args());
        }
        ChildConnection c = child;
        if (c != null && !c.isDead() && !c.onReader() && straightToChild()) {
            Listeners ls = listeners;
            if (!ls.isEmpty()) {
                ls.forward(id, ev.value(), ev.context());
            }
            c.send(call, new ChildAnswers.Direct(ev.take(), id, ev.value(), this::reportFailure), context.overflowPolicy(), context.blockTimeout());
            return true;
        }
        throughLoop.incrementAndGet();
        ev.attach(call);
        return false;
    }

    /**
     * Whether an event may skip the parent's loop: the parent runs, nothing it queued for the child
     * is still on its way (per-producer order), and it has no BEFORE/AFTER hooks or listeners that
     * must see the event first.
     */
    private boolean straightToChild() {
        return throughLoop.get() == 0 && context.processor() instanceof LoopController lc
                && lc.state() == ControllerState.RUNNING && !lc.seesEveryEvent();
    }

    private PreparedCall prepareEvent(Object eventId, Object value, Map<String, Object> ctx, List<Object> args) {
        try {
            return PreparedCall.encode(ids, codec, settings.maxFrameBytes(), "event " + eventId, Protocol.EVENT,
                    eventId, value, ctx, args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("event " + eventId + " cannot be sent to child process '"
                    + settings.name() + "': " + e.getMessage(), e);
        }
    }

    private PreparedCall prepareTask(Object value) {
        Object task = value instanceof SubmittedTask st ? st.task() : value;
        List<Object> taskArgs = value instanceof SubmittedTask st ? st.args() : List.of();
        try {
            return PreparedCall.encode(ids, codec, settings.maxFrameBytes(), "task " + task.getClass().getName(),
                    Protocol.TASK, Blueprints.taskDescriptor(task), taskArgs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("task cannot be sent to child process '" + settings.name() + "': "
                    + e.getMessage(), e);
        }
    }

    /** Loop thread: sends what the route attached (the event did not go straight to the child). */
    private CompletableFuture<Object> sendFromLoop(Session s, CompletableFuture<Object> answer) {
        PreparedCall call = (PreparedCall) s.attachment();
        try {
            live().send(call, answer, context.overflowPolicy(), context.blockTimeout());
        } catch (RuntimeException e) { // no child, or a full window under FAIL / BLOCK in vain
            answer.completeExceptionally(e);
        } finally {
            throughLoop.decrementAndGet();
        }
        return answer;
    }

    private Object forwardEvent(Session s) {
        Object eventId = s.originEventId();
        Object value = s.value();
        Listeners ls = listeners;
        if (!ls.isEmpty()) {
            ls.forward(eventId, value, s.eventContext());
        }
        return sendFromLoop(s, new ChildAnswers.Forwarded(eventId, value, this::reportFailure));
    }

    /**
     * The events this adapter hands to the child, as a source others can listen to
     * ({@code controller.listen(child.events(), allow, name)}): each event (or SUBMIT task) forwarded
     * to the child whose id is allowed is forwarded to the listener too, as a
     * {@link dev.eventdriven.ForwardingPacket} whose source is the child's name.
     *
     * @return the child's events as a listenable source
     */
    public Listenable events() {
        return events;
    }

    private Object forwardTask(Session s) {
        SubmittedTask task = (SubmittedTask) s.value();
        Listeners ls = listeners;
        if (!ls.isEmpty()) {
            ls.forward(SystemEvent.SUBMIT, task, s.eventContext());
        }
        CompletableFuture<Object> answer = sendFromLoop(s, new CompletableFuture<>());
        return answer.whenComplete((r, error) -> reportFailure(error, SystemEvent.SUBMIT, task));
    }

    private void reportFailure(Throwable error, Object eventId, Object value) {
        if (error instanceof RemoteHandlerException) {
            dispatchError(new HandlerFailure(eventId, value, error, context.processor().name(),
                    "child process '" + settings.name() + "'", false));
        }
    }

    private void dispatchError(HandlerFailure failure) {
        try {
            context.processor().dispatch(SystemEvent.ERROR, failure);
        } catch (ControllerClosedException e) {
            LOG.debug("child '{}': ERROR not dispatched, the controller is closed: {}", settings.name(),
                    failure.error().toString());
        } catch (RuntimeException e) {
            // A full queue under FAIL, say: the failure still reaches the caller through its Pending.
            LOG.warn("child '{}': ERROR for the failure of event {} not dispatched: {}", settings.name(),
                    failure.eventId(), e.toString());
        }
    }

    // -------------------------------------------------------------------------------------- lifecycle

    private void startChild() {
        ChildConnection c = new ChildConnection(settings, new Events(), ids);
        c.start();
        child = c;
    }

    /** What the child's channel reports; runs on the child's reader thread. */
    private final class Events implements ChildConnection.Listener {
        @Override
        public void dispatched(List<?> m) {
            try {
                context.processor().dispatch(m.get(1), m.get(2), stringKeys(m.get(3)), args(m.get(4)));
            } catch (RuntimeException e) {
                LOG.warn("child '{}': its event {} could not be dispatched to the parent: {}", settings.name(),
                        m.get(1), e.toString());
            }
        }

        @Override
        public CompletionStage<?> requested(List<?> m) {
            return context.processor().request(m.get(2), m.get(3), stringKeys(m.get(4)), args(m.get(5)));
        }

        @Override
        public void idle() {
            context.signal();
        }

        @Override
        public void exited(ChildConnection connection, ChildProcessException cause, boolean requested,
                           boolean wasReady) {
            context.signal();
            if (requested || closing || !wasReady) {
                return; // a child that never got ready failed its start, which reports it itself
            }
            dispatchError(new HandlerFailure("subprocess:" + settings.name(), null, cause, context.processor().name(),
                    "child process '" + settings.name() + "'", false));
            RestartPolicy policy = config.restartPolicy();
            int attempt;
            synchronized (lock) {
                attempt = restarts < policy.maxRestarts() ? ++restarts : -1;
            }
            if (attempt < 0) {
                LOG.error("child '{}' is gone and will not be restarted ({}); shutting down '{}'",
                        settings.name(), policy, context.processor().name());
                context.shutdown(summary(cause) + " and is not restarted (" + policy + ")");
                return;
            }
            restarter = Thread.currentThread();
            LOG.warn("child '{}' is gone; restart {} of {} in {}", settings.name(), attempt, policy.maxRestarts(),
                    policy.backoff());
            long deadline = System.nanoTime() + policy.backoff().toNanos();
            for (long left = policy.backoff().toNanos(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(this, left); // closing() interrupts, which unparks
                if (closing || Thread.interrupted()) {
                    return;
                }
            }
            if (closing) {
                return;
            }
            try {
                startChild();
            } catch (ChildProcessException e) {
                LOG.error("child '{}' could not be restarted; shutting down '{}'", settings.name(),
                        context.processor().name(), e);
                context.shutdown("child '" + settings.name() + "' could not be restarted: " + summary(e));
            }
        }
    }

    /** The first line of a child's death: who, pid, what happened, exit code (not the stderr lines). */
    private static String summary(ChildProcessException cause) {
        String m = String.valueOf(cause.getMessage());
        int cut = m.indexOf("; last stderr lines:");
        return cut < 0 ? m : m.substring(0, cut);
    }

    private static Map<String, Object> stringKeys(Object raw) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> ctx.put(String.valueOf(k), v));
        }
        return ctx;
    }

    private static Object[] args(Object raw) {
        return raw instanceof List<?> l ? l.toArray() : new Object[0];
    }

}
