package dev.eventdriven.subprocess.internal;

import dev.eventdriven.Dispatcher;
import dev.eventdriven.Pending;
import dev.eventdriven.Task;
import dev.eventdriven.internal.GuardedFuture;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.subprocess.ChildProcessException;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parent controller as seen from inside the child: events dispatched here travel over the channel
 * and are dispatched to the parent controller. Tasks cannot travel this way (the parent runs no code of
 * the child's choosing). Any thread.
 */
final class ParentLink implements Dispatcher {

    private final String name;
    private final FrameChannel channel;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, GuardedFuture.Completion> waiting = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ParentLink(String name, FrameChannel channel) {
        this.name = name;
        this.channel = channel;
    }

    @Override
    public String name() {
        return name + "-parent";
    }

    @Override
    public void dispatch(Object eventId) {
        dispatch(eventId, null, null);
    }

    @Override
    public void dispatch(Object eventId, Object value) {
        dispatch(eventId, value, null);
    }

    @Override
    public void dispatch(Object eventId, Object value, Map<String, ?> context, Object... args) {
        send(Arrays.asList(Protocol.DISPATCH, Checks.eventId(eventId), value, copy(context), list(args)));
    }

    @Override
    public Pending<List<Object>> request(Object eventId) {
        return request(eventId, null, (Map<String, ?>) null);
    }

    @Override
    public Pending<List<Object>> request(Object eventId, Object value) {
        return request(eventId, value, (Map<String, ?>) null);
    }

    @Override
    public Pending<List<Object>> request(Object eventId, Object value, Map<String, ?> context, Object... args) {
        long id = ids.incrementAndGet();
        GuardedFuture.Completion p = new GuardedFuture.Completion(eventId, () -> false);
        byte[] frame = channel.encode(Arrays.asList(Protocol.REQUEST, id, Checks.eventId(eventId), value,
                copy(context), list(args)));
        waiting.put(id, p);
        try {
            channel.writeEncoded(frame);
        } catch (IOException e) {
            waiting.remove(id);
            p.completeExceptionally(gone());
        }
        if (closed) {
            closed();
        }
        return p.view();
    }

    @Override
    public void execute(Runnable task) {
        throw refused();
    }

    @Override
    public Pending<List<Object>> submit(Callable<?> task) {
        throw refused();
    }

    @Override
    public Pending<List<Object>> submit(Task task, Object... args) {
        throw refused();
    }

    void complete(long id, Object value, Throwable error) {
        GuardedFuture.Completion p = waiting.remove(id);
        if (p == null) {
            return;
        }
        if (error != null) {
            p.completeExceptionally(error);
        } else {
            p.complete(value instanceof List<?> l ? nullSafe(l) : Arrays.asList(value));
        }
    }

    void closed() {
        closed = true;
        for (Long id : waiting.keySet()) {
            GuardedFuture.Completion p = waiting.remove(id);
            if (p != null) {
                p.completeExceptionally(gone());
            }
        }
    }

    private static List<Object> nullSafe(List<?> l) {
        // List.copyOf refuses nulls; handler returns may be null.
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(l));
    }

    private void send(List<Object> message) {
        try {
            channel.write(message);
        } catch (IOException e) {
            throw gone();
        }
    }

    private ChildProcessException gone() {
        return new ChildProcessException("child '" + name + "': the parent process is gone", null, List.of());
    }

    private UnsupportedOperationException refused() {
        return new UnsupportedOperationException("child '" + name + "': tasks cannot be sent to the parent"
                + " process; dispatch an event the parent handles instead");
    }

    private static Map<String, Object> copy(Map<String, ?> context) {
        return context == null ? Map.of() : new LinkedHashMap<>(context);
    }

    private static List<Object> list(Object[] args) {
        return args == null ? List.of() : Arrays.asList(args);
    }
}
