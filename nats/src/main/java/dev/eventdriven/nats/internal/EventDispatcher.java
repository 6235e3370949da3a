package dev.eventdriven.nats.internal;

import dev.eventdriven.Dispatcher;
import dev.eventdriven.Pending;
import dev.eventdriven.Task;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The shape the bridge's dispatchers share: the short forms of {@code dispatch} and {@code request}
 * lead to the full ones, and tasks (local code, which cannot cross the network) are refused with the
 * subclass's reason; so are requests, unless the subclass answers them.
 */
abstract class EventDispatcher implements Dispatcher {

    /**
     * Why this dispatcher refuses what it refuses.
     *
     * @return the exception to throw
     */
    abstract UnsupportedOperationException refusal();

    @Override
    public final void dispatch(Object eventId) {
        dispatch(eventId, null, null);
    }

    @Override
    public final void dispatch(Object eventId, Object value) {
        dispatch(eventId, value, null);
    }

    @Override
    public final Pending<List<Object>> request(Object eventId) {
        return request(eventId, null, (Map<String, ?>) null);
    }

    @Override
    public final Pending<List<Object>> request(Object eventId, Object value) {
        return request(eventId, value, (Map<String, ?>) null);
    }

    @Override
    public Pending<List<Object>> request(Object eventId, Object value, Map<String, ?> context, Object... args) {
        throw refusal();
    }

    @Override
    public final void execute(Runnable task) {
        throw refusal();
    }

    @Override
    public final Pending<List<Object>> submit(Callable<?> task) {
        throw refusal();
    }

    @Override
    public final Pending<List<Object>> submit(Task task, Object... args) {
        throw refusal();
    }
}
