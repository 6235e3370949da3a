package dev.eventdriven.subprocess.internal;

import dev.eventdriven.Controller;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.ExecutorGroup;
import dev.eventdriven.Pending;
import dev.eventdriven.SubmittedTask;
import dev.eventdriven.pool.ControllerPool;
import dev.eventdriven.subprocess.ChannelProtocolException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The child's side of the channel. The {@link ChildCrew}'s threads take turns holding the channel: the
 * holder reads a frame and hands events and tasks to the worker pool, whose worker turns run on the
 * crew — the holder runs the turn of a worker it woke itself, so a call is handled and answered on the
 * thread that read it; remote-instance work goes to the bridge controller; answers are written back
 * from whichever thread completes them.
 * <pre>
 *   stdin --frames--&gt; holder --EVENT/TASK--&gt; ControllerPool (turns on the crew) --Pending--&gt; RESULT/FAILURE --&gt; stdout
 *                           --CREATE/CALL/RELEASE--&gt; bridge controller (instance table) --^
 *                           --RESULT/FAILURE--&gt; ParentLink (answers to the child's requests)
 *                           --PING--&gt; PONG
 * </pre>
 * The main thread waits for the end: SHUTDOWN (drain every answer, stop the controllers, say BYE) or
 * the parent's end (end of input, or the parent process gone): then the child stops at once and, whatever
 * its handlers do (a loop that never returns, one that swallows interrupts), halts within
 * {@link #ORPHAN_GRACE} of noticing, so that no child outlives its parent for long. The channel is read
 * whatever the workers do (the crew frees it from a turn that lasts), so liveness pings are answered.
 */
final class ChildRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ChildRuntime.class);

    /** How long an orphaned child may take to stop before it halts. */
    static final Duration ORPHAN_GRACE = Duration.ofMillis(1500);

    /** The link to the parent, for {@code SubprocessChild.parent()}; set once the child runs. */
    static volatile ParentLink parentLink;

    private final String name;
    private final FrameChannel channel;
    private final ChildCrew crew;
    private final ControllerPool workers;
    private final Controller bridge;
    private final RemoteObjects objects = new RemoteObjects();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean draining;
    private volatile boolean parentGone;
    private volatile boolean protocolError;

    ChildRuntime(String name, String blueprintClass, int workerCount, FrameChannel channel, int maxInFlight) throws ReflectiveOperationException {
        this.name = name;
        this.channel = channel;
        // Bounded like the parent's window: a parent that sends more than it may waits for room.
        crew = new ChildCrew(name, workerCount, new ChildCrew.FrameReader() {
            @Override
            public boolean readOne() {
                return ChildRuntime.this.readOne();
            }

            @Override
            public boolean moreBuffered() {
                return channel.hasInputWaiting();
            }
        });
        workers = ControllerPool.builder(name).size(workerCount).queueCapacity(maxInFlight)
                .executor(ExecutorGroup.on(name + "-workers", crew))
                .mapping(Blueprints.perWorkerMapping(blueprintClass, workerCount)).build();
        bridge = Controller.builder(name + "-bridge").build();
    }

    int runUntilDone() throws IOException, InterruptedException {
        parentLink = new ParentLink(name, channel);
        workers.run();
        bridge.run();
        crew.start();
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(this::parentEnded));
        channel.write(Arrays.asList(Protocol.READY, ProcessHandle.current().pid()));
        done.await();
        if (parentGone) {
            stopOrphaned();
            return protocolError ? 3 : 0;
        }
        workers.shutdown();
        bridge.shutdown();
        workers.awaitTermination(Duration.ofSeconds(5));
        bridge.awaitTermination(Duration.ofSeconds(5));
        crew.close();
        try {
            channel.write(List.of(Protocol.BYE));
        } catch (IOException ignored) {
            // the parent stopped listening; nothing to say goodbye to
        }
        channel.closeOutput();
        return 0;
    }

    /** The parent process is gone (its pipe may still be held open by someone else). */
    private void parentEnded() {
        LOG.info("child '{}': the parent process ended; stopping", name);
        parentGone = true;
        done.countDown();
    }

    /**
     * Nobody is left to answer: stop now, and halt after the grace whatever the handlers do (a forced
     * shutdown waits for a handler that swallows interrupts, and exit() for shutdown hooks).
     */
    private void stopOrphaned() {
        Thread halter = new Thread(() -> {
            java.util.concurrent.locks.LockSupport.parkNanos(ORPHAN_GRACE.toNanos());
            Runtime.getRuntime().halt(protocolError ? 3 : 0);
        }, name + "-halter");
        halter.setDaemon(true);
        halter.start();
        Thread stopper = new Thread(() -> {
            workers.shutdownNow();
            bridge.shutdownNow();
        }, name + "-stopper");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(ORPHAN_GRACE.toMillis() / 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The crew's channel holder: one frame read and handled; {@code false} once the channel has ended. */
    private boolean readOne() {
        try {
            Object frame = channel.read();
            if (frame != FrameChannel.END) {
                handle(frame);
                return true;
            }
            LOG.info("child '{}': the parent closed the channel; stopping", name);
        } catch (ChannelProtocolException e) {
            protocolError = true;
            LOG.error("child '{}': protocol error on the channel from the parent; stopping", name, e);
        } catch (IOException e) {
            LOG.info("child '{}': the channel from the parent failed ({}); stopping", name, e.toString());
        } catch (RuntimeException | Error e) {
            protocolError = true;
            LOG.error("child '{}': failed to handle a frame from the parent; stopping", name, e);
        }
        parentGone = true;
        ParentLink link = parentLink;
        if (link != null) {
            link.closed();
        }
        done.countDown();
        return false;
    }

    private void handle(Object frame) {
        List<?> m = Protocol.message(frame, 1);
        switch (Protocol.kind(m)) {
            case Protocol.EVENT -> {
                Protocol.message(m, 6);
                long id = Protocol.field(m, 1, Long.class);
                Object[] args = Protocol.listField(m, 5).toArray();
                Map<String, Object> ctx = stringKeys(Protocol.field(m, 4, Map.class));
                started();
                onWorker(id, w -> w.request(m.get(2), m.get(3), ctx, args), r -> r);
            }
            case Protocol.TASK -> {
                Protocol.message(m, 4);
                long id = Protocol.field(m, 1, Long.class);
                started();
                SubmittedTask task;
                try {
                    task = Blueprints.task(m.get(2), Protocol.listField(m, 3));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    answer(id, null, e);
                    return;
                }
                onWorker(id, w -> w.submit((Callable<Object>) task::call), r -> r.isEmpty() ? null : r.get(0));
            }
            case Protocol.CREATE -> {
                Protocol.message(m, 4);
                long id = Protocol.field(m, 1, Long.class);
                String className = Protocol.field(m, 2, String.class);
                List<?> args = Protocol.listField(m, 3);
                onBridge(id, () -> objects.create(className, args));
            }
            case Protocol.CALL -> {
                Protocol.message(m, 7);
                long id = Protocol.field(m, 1, Long.class);
                long instance = Protocol.field(m, 2, Long.class);
                String iface = Protocol.field(m, 3, String.class);
                String method = Protocol.field(m, 4, String.class);
                List<?> types = Protocol.listField(m, 5);
                List<?> args = Protocol.listField(m, 6);
                onBridge(id, () -> objects.call(instance, iface, method, types, args));
            }
            case Protocol.RELEASE -> {
                long instance = Protocol.field(Protocol.message(m, 2), 1, Long.class);
                try {
                    bridge.execute(() -> objects.release(instance));
                } catch (RuntimeException closing) {
                    LOG.debug("child '{}': release of {} ignored while stopping", name, instance);
                }
            }
            case Protocol.PING -> {
                try {
                    channel.write(Arrays.asList(Protocol.PONG, Protocol.field(Protocol.message(m, 2), 1, Long.class)));
                } catch (IOException e) {
                    LOG.debug("child '{}': pong not sent, the parent is gone", name);
                }
            }
            case Protocol.SHUTDOWN -> {
                draining = true;
                checkDrained();
            }
            case Protocol.RESULT -> parentLink.complete(Protocol.field(Protocol.message(m, 3), 1, Long.class),
                    m.get(2), null);
            case Protocol.FAILURE -> parentLink.complete(Protocol.field(Protocol.message(m, 3), 1, Long.class),
                    null, Protocol.field(m, 2, Throwable.class));
            default -> throw new ChannelProtocolException("unknown message kind " + m.get(0) + " from the parent");
        }
    }

    /** Hands work to the pool; a refusal (the pool shutting down) is answered too. */
    private void onWorker(long id, java.util.function.Function<ControllerPool, Pending<List<Object>>> work,
                          java.util.function.Function<List<Object>, Object> result) {
        Pending<List<Object>> p;
        try {
            p = work.apply(workers);
        } catch (RuntimeException e) {
            answer(id, null, e);
            return;
        }
        p.whenComplete((r, e) -> answer(id, e == null ? result.apply(r) : null, e));
    }

    private void onBridge(long id, Callable<Object> work) {
        started();
        Pending<List<Object>> p;
        try {
            p = bridge.submit(work);
        } catch (RuntimeException e) {
            answer(id, null, e);
            return;
        }
        p.thenCompose(r -> {
            Object v = r.isEmpty() ? null : r.get(0);
            return v instanceof CompletionStage<?> st ? st.thenApply(x -> (Object) x)
                    : CompletableFuture.completedFuture(v);
        }).whenComplete((r, e) -> answer(id, r, e));
    }

    private void started() {
        outstanding.incrementAndGet();
    }

    private void answer(long id, Object value, Throwable error) {
        try {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause != null) {
                channel.write(Arrays.asList(Protocol.FAILURE, id, cause));
            } else {
                try {
                    channel.write(Arrays.asList(Protocol.RESULT, id, value));
                } catch (IllegalArgumentException unencodable) {
                    channel.write(Arrays.asList(Protocol.FAILURE, id, new IllegalArgumentException(
                            "the result cannot be sent to the parent: " + unencodable.getMessage())));
                }
            }
        } catch (IOException e) {
            LOG.debug("child '{}': answer {} not sent, the parent is gone", name, id);
        } finally {
            outstanding.decrementAndGet();
            checkDrained();
        }
    }

    private void checkDrained() {
        if (draining && outstanding.get() == 0) {
            done.countDown();
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            ctx.put(String.valueOf(e.getKey()), e.getValue());
        }
        return ctx;
    }

    static Dispatcher parent() {
        return parentLink;
    }
}
