package dev.eventdriven.internal;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.ControllerState;
import dev.eventdriven.EventDrivenException;
import dev.eventdriven.Event;
import dev.eventdriven.Pending;
import dev.eventdriven.SystemEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link LoopController} stops and gives back what it did not process: graceful shutdown (a
 * close marker in queue order), forced shutdown (stop after the running handler, hand back the rest),
 * {@code clean()}, and the end of the loop. Everything handed back fails its Pending with a
 * {@link ControllerClosedException}; nothing is dropped silently.
 *
 * <p>The queue has one consumer: draining happens on the loop thread, or on the caller's thread only
 * when no loop runs (NEW, or TERMINATED), under the controller's start lock.
 */
final class ShutdownSequence {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    private final LoopController c;
    /** A clean() waiting for the loop to serve it. */
    volatile CompletableFuture<List<Event>> cleanRequest;
    /** What the loop handed back when it stopped, for {@code shutdownNow()} (taken once); usually none. */
    @SuppressWarnings("unused") // accessed through HANDED_BACK
    private volatile List<Event> handedBack;
    private static final java.lang.invoke.VarHandle HANDED_BACK;

    static {
        try {
            HANDED_BACK = java.lang.invoke.MethodHandles.lookup().findVarHandle(ShutdownSequence.class, "handedBack",
                    List.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    ShutdownSequence(LoopController controller) {
        this.c = controller;
    }

    void shutdown() {
        try {
            closeGracefully(null);
        } catch (ControllerClosedException alreadyClosing) {
            // shutdown() is idempotent
        }
    }

    void closeGracefully(GuardedFuture.Completion pending) {
        for (;;) {
            ControllerState s = c.state();
            if (s == ControllerState.NEW) {
                synchronized (c.startLock()) {
                    if (c.state() == ControllerState.NEW) {
                        c.queue.close(new Envelope(SystemEvent.SHUTDOWN, null, new Envelope.CloseMarker(false, null)));
                        c.setState(ControllerState.TERMINATED);
                        c.eachAdapter("closed", a -> a.closed(c));
                        c.markEnded();
                        if (pending != null) {
                            pending.complete(List.of());
                        }
                        return;
                    }
                }
            } else if (s == ControllerState.RUNNING || s == ControllerState.SUSPENDED) {
                if (c.casState(s, ControllerState.SHUTTING_DOWN)) {
                    break;
                }
            } else {
                throw new ControllerClosedException("controller '" + c.name + "' is " + s + ": SHUTDOWN refused");
            }
        }
        Envelope marker = new Envelope(SystemEvent.SHUTDOWN, null, new Envelope.CloseMarker(false, pending));
        if (!c.queue.close(marker) && pending != null) {
            pending.completeExceptionally(new ControllerClosedException("controller '" + c.name
                    + "' is stopping already"));
        }
        // A suspended controller resumes so that everything before the shutdown is handled.
        c.clearControl(LoopController.CTL_SUSPEND);
        c.wakeLoop();
    }

    /** Loop thread: a graceful shutdown was cancelled by a SHUTDOWN handler. */
    void cancelShutdown(Envelope marker) {
        c.queue.reopen(marker);
        c.casState(ControllerState.SHUTTING_DOWN, ControllerState.RUNNING);
        LOG.info("controller '{}': shutdown cancelled by a SHUTDOWN handler", c.name);
    }

    List<Event> shutdownNow() {
        synchronized (c.startLock()) {
            ControllerState s = c.state();
            if (s == ControllerState.NEW || s == ControllerState.TERMINATED && c.loopThread == null) {
                c.queue.close(new Envelope(SystemEvent.SHUTDOWN, null, new Envelope.CloseMarker(true, null)));
                List<Event> back = drainHandingBack();
                if (s == ControllerState.NEW) {
                    c.setState(ControllerState.TERMINATED);
                    c.eachAdapter("closed", a -> a.closed(c));
                    c.markEnded();
                }
                return back;
            }
        }
        c.casState(ControllerState.RUNNING, ControllerState.SHUTTING_DOWN);
        c.casState(ControllerState.SUSPENDED, ControllerState.SHUTTING_DOWN);
        c.queue.close(new Envelope(SystemEvent.SHUTDOWN, null, new Envelope.CloseMarker(true, null)));
        c.setControl(LoopController.CTL_STOP);
        if (c.inLoop()) {
            // We are the consumer: take the rest now; the loop stops when this handler returns.
            return drainHandingBack();
        }
        c.interruptLoop();
        if (c.group != null) {
            DrivenExecutor.pumpUntil(c::hasEnded);
        }
        c.progress().awaitUninterruptibly(c::hasEnded);
        @SuppressWarnings("unchecked")
        List<Event> back = (List<Event>) HANDED_BACK.getAndSet(this, null);
        return back == null ? new ArrayList<>() : new ArrayList<>(back);
    }

    /**
     * Consumer side (loop thread, or any thread when no loop runs): removes every queued event, fails
     * its pending and hands it back.
     */
    List<Event> drainHandingBack() {
        List<Event> back = new ArrayList<>();
        Envelope e;
        while ((e = c.queue.poll()) != null) {
            if (e.isCloseMarker()) {
                GuardedFuture.Completion p = ((Envelope.CloseMarker) e.extra).pending;
                if (p != null) {
                    p.complete(List.of());
                }
            } else {
                handBack(e, back);
            }
            c.queue.publishConsumed(e.seq);
        }
        if (!back.isEmpty()) {
            c.loop().handedBack += back.size();
        }
        return back;
    }

    /** Hands an envelope's event back, or each event of a batch. */
    private void handBack(Envelope e, List<Event> back) {
        if (e.isBatch()) {
            dev.eventdriven.adapter.EventBatch batch = (dev.eventdriven.adapter.EventBatch) e.value;
            e.clear();
            try {
                batch.drainTo((eventId, value) -> back.add(new Event(eventId, value, Map.of(), List.of())));
            } catch (RuntimeException failed) {
                LOG.error("controller '{}': the event batch {} threw while handed back", c.name, batch, failed);
            }
            return;
        }
        back.add(handBack(e));
    }

    private Event handBack(Envelope e) {
        GuardedFuture.Completion p = e.pending();
        if (p != null) {
            p.completeExceptionally(new ControllerClosedException("controller '" + c.name
                    + "' stopped before event " + e.id + " ran; the event was handed back"));
        }
        Event event = e.toEvent();
        e.clear(); // the node may stay behind as the queue's stub: keep nothing of the event alive
        return event;
    }

    /**
     * Loop thread, at the end: keeps what the forced stop drained for {@code shutdownNow()} (the rest
     * of a batch it stopped in, then the queue), in that order.
     */
    void keepHandedBack(List<Event> back) {
        if (back.isEmpty()) {
            return;
        }
        for (;;) {
            @SuppressWarnings("unchecked")
            List<Event> kept = (List<Event>) HANDED_BACK.getVolatile(this);
            List<Event> all = back;
            if (kept != null) {
                all = new ArrayList<>(kept);
                all.addAll(back);
            }
            if (HANDED_BACK.compareAndSet(this, kept, all)) {
                return;
            }
        }
    }

    /** Loop thread, as the loop ends: no new event may enter, whatever ended it. */
    void shutdownStateForStop() {
        c.casState(ControllerState.RUNNING, ControllerState.SHUTTING_DOWN);
        c.casState(ControllerState.SUSPENDED, ControllerState.SHUTTING_DOWN);
        c.queue.close(new Envelope(SystemEvent.SHUTDOWN, null, new Envelope.CloseMarker(true, null)));
    }

    /** Loop thread: the loop has ended. */
    void terminated() {
        BlockedLoopDetector.unwatch(c);
        c.setState(ControllerState.TERMINATED);
        CompletableFuture<List<Event>> req = cleanRequest;
        if (req != null) {
            req.complete(List.of());
        }
        c.markEnded();
        c.signalSpaceWaiters();
    }

    List<Event> clean() {
        if (c.inLoop()) {
            return cleanOnLoop();
        }
        synchronized (c.startLock()) {
            ControllerState s = c.state();
            if (s == ControllerState.NEW || (s == ControllerState.TERMINATED)) {
                List<Event> back = new ArrayList<>();
                c.queue.drainUntilMarker(e -> handBack(e, back));
                return back;
            }
        }
        CompletableFuture<List<Event>> req;
        synchronized (this) {
            req = new CompletableFuture<>();
            cleanRequest = req;
            c.setControl(LoopController.CTL_CLEAN);
            if (c.state() == ControllerState.TERMINATED) {
                req.complete(List.of());
            }
            try {
                return req.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventDrivenException("interrupted in clean() of controller '" + c.name + "'", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("clean() of controller '" + c.name + "' failed", e.getCause());
            } finally {
                cleanRequest = null;
            }
        }
    }

    /** Loop thread: removes the queued events (not a close marker) and dispatches CLEAN. */
    List<Event> cleanOnLoop() {
        List<Event> back = new ArrayList<>();
        c.queue.drainUntilMarker(e -> handBack(e, back));
        c.loop().handedBack += back.size();
        c.signalSpace();
        try {
            c.dispatch(SystemEvent.CLEAN, List.copyOf(back));
        } catch (ControllerClosedException closing) {
            // no CLEAN for a controller that is stopping
        }
        return back;
    }

}
