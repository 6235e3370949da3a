package dev.eventdriven.subprocess;

import dev.eventdriven.EventProcessor;
import dev.eventdriven.Controller;
import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.EventDrivenException;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.HandlerFailure;
import dev.eventdriven.Listenable;
import dev.eventdriven.Listening;
import dev.eventdriven.Session;
import dev.eventdriven.SubmittedTask;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.Listeners;
import dev.eventdriven.internal.SplicedReturns;
import dev.eventdriven.subprocess.internal.Blueprints;
import dev.eventdriven.subprocess.internal.ChildConnection;
import dev.eventdriven.subprocess.internal.ChildSettings;
import dev.eventdriven.subprocess.internal.Protocol;
import dev.eventdriven.subprocess.internal.RemoteProxies;
import dev.eventdriven.subprocess.internal.ValueCodec;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.BlockingQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <p><b>Call-site checks.</b> A forwarded event whose value, context or arguments are outside the
 * encodable set, or a task that is a lambda (or another class the child cannot re-create), is refused
 * by {@code dispatch}/{@code submit} with an {@link IllegalArgumentException} saying why.
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
    private final ChildEvents events = new ChildEvents();
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
        context.addDispatchValidator(this::validate);
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
        CompletableFuture<Object> id = c.call(Protocol.CREATE, Checks.notNull("className", className),
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

    private Object forwardEvent(Session s) {
        Object eventId = s.originEventId();
        Object value = s.value();
        Listeners ls = listeners;
        if (!ls.isEmpty()) {
            ls.forward(eventId, value, s.eventContext());
        }
        ForwardedAnswer answer = new ForwardedAnswer(eventId, value);
        try {
            // Encoded right away, on this thread: the session's context and arguments need no copy.
            live().call(answer, Protocol.EVENT, eventId, value, s.eventContext(), s.args());
        } catch (ChildProcessException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    /**
     * The forwarding handler's return: completed by the channel's reader with the child handlers'
     * returns (spliced into the parent's), or failed; a remote handler failure is also dispatched as
     * ERROR. Acting in {@code complete} saves a dependent stage per call.
     */
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

    /** The child's side of listening: registrations wait until the adapter knows its child's name. */
    private final class ChildEvents implements Listenable {
        private Listeners installed() {
            Listeners ls = listeners;
            if (ls == null) {
                throw new IllegalStateException("child process events: install the Subprocess adapter (build the"
                        + " controller) before listening to it");
            }
            return ls;
        }

        @Override
        public String name() {
            ChildSettings s = settings;
            return s == null ? "child" : s.name();
        }

        @Override
        public Listening listenedBy(Dispatcher target, Collection<?> allow, String name) {
            Checks.notNull("target", target);
            return installed().add(target, allow, name, "'" + target.name() + "'");
        }

        @Override
        public Listening listenedBy(BlockingQueue<? super ForwardingPacket> queue, Collection<?> allow, String name) {
            Checks.notNull("queue", queue);
            return installed().add(queue, allow, name, "queue '" + name + "'");
        }

        @Override
        public boolean unlistenedBy(Dispatcher target) {
            Listeners ls = listeners;
            return ls != null && ls.remove(target);
        }
    }

    private final class ForwardedAnswer extends CompletableFuture<Object> {
        private final Object eventId;
        private final Object value;

        ForwardedAnswer(Object eventId, Object value) {
            this.eventId = eventId;
            this.value = value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean complete(Object childReturns) {
            return super.complete(childReturns instanceof List<?> l ? new SplicedReturns((List<Object>) l)
                    : childReturns);
        }

        @Override
        public boolean completeExceptionally(Throwable error) {
            reportFailure(error, eventId, value); // never throws: the answer fails whatever happens
            return super.completeExceptionally(error);
        }
    }

    private Object forwardTask(Session s) {
        SubmittedTask task = (SubmittedTask) s.value();
        Listeners ls = listeners;
        if (!ls.isEmpty()) {
            ls.forward(SystemEvent.SUBMIT, task, s.eventContext());
        }
        CompletableFuture<Object> answer;
        try {
            answer = live().call(Protocol.TASK, Blueprints.taskDescriptor(task.task()), task.args());
        } catch (ChildProcessException e) {
            answer = CompletableFuture.failedFuture(e);
        }
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

    private void validate(Object eventId, Object value, Map<String, Object> ctx, List<Object> args) {
        String where = " cannot be sent to child process '" + settings.name() + "': ";
        if (eventId == SystemEvent.SUBMIT) {
            Object task = value instanceof SubmittedTask st ? st.task() : value;
            List<Object> taskArgs = value instanceof SubmittedTask st ? st.args() : List.of();
            try {
                Object descriptor = Blueprints.taskDescriptor(task);
                codec.check("task", descriptor);
                codec.check("task arguments", taskArgs);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("task" + where + e.getMessage(), e);
            }
            return;
        }
        if (eventId instanceof SystemEvent || !context.processor().mapping().get(eventId).isEmpty()) {
            return; // stays in the parent
        }
        try {
            codec.check("event id", eventId);
            codec.check("value", value);
            codec.check("context", ctx);
            codec.check("args", args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("event " + eventId + where + e.getMessage(), e);
        }
    }

    // -------------------------------------------------------------------------------------- lifecycle

    private void startChild() {
        ChildConnection c = new ChildConnection(settings, new Events());
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
        public void exited(ChildConnection connection, ChildProcessException cause, boolean requested) {
            context.signal();
            if (requested || closing) {
                return;
            }
            dispatchError(new HandlerFailure("subprocess:" + settings.name(), null, cause, context.processor().name(),
                    "child process '" + settings.name() + "'", false));
            RestartPolicy policy = config.restartPolicy();
            int attempt;
            synchronized (lock) {
                attempt = restarts < policy.maxRestarts() ? ++restarts : -1;
            }
            if (attempt < 0) {
                LOG.error("child '{}' is gone and will not be restarted ({}); shutting down controller '{}'",
                        settings.name(), policy, context.processor().name());
                context.processor().shutdown();
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
                LOG.error("child '{}' could not be restarted; shutting down controller '{}'", settings.name(),
                        context.processor().name(), e);
                context.processor().shutdown();
            }
        }
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
