package dev.eventdriven.metrics;

import dev.eventdriven.adapter.EventObserver;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The timers of one processor, fed by its loops' event observer: handler time per event id (at most
 * {@code maxEventIds} ids, the rest under {@code event=other}) and queue wait. Called from every
 * loop of the processor (a pool's workers) at once.
 */
final class EventTimers implements EventObserver {

    static final String HANDLER_TIME = "eventdriven.handler.time";
    static final String QUEUE_WAIT = "eventdriven.queue.wait";

    private final MeterRegistry registry;
    private final Tags tags;
    private final int maxEventIds;
    private final ConcurrentHashMap<Object, Timer> byId = new ConcurrentHashMap<>();
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final Timer queueWait;
    private volatile Timer other;

    EventTimers(MeterRegistry registry, Tags tags, int maxEventIds) {
        this.registry = registry;
        this.tags = tags;
        this.maxEventIds = maxEventIds;
        this.queueWait = Timer.builder(QUEUE_WAIT).tags(tags)
                .description("from the dispatch to the start of the handlers").register(registry);
        meters.add(queueWait);
    }

    @Override
    public void handled(String controller, Object eventId, long queueWaitNanos, long handlerNanos, boolean failed) {
        Timer t = byId.get(eventId);
        if (t == null) {
            t = timerOf(eventId);
        }
        t.record(handlerNanos, TimeUnit.NANOSECONDS);
        if (queueWaitNanos >= 0) {
            queueWait.record(queueWaitNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A new id: its own timer while under the cap (a race may pass it by the number of loops). */
    private Timer timerOf(Object eventId) {
        if (byId.size() >= maxEventIds) {
            Timer o = other;
            if (o == null) {
                o = handlerTimer(EventDrivenMetrics.OTHER_EVENTS);
                other = o;
            }
            return o;
        }
        return byId.computeIfAbsent(eventId, id -> handlerTimer(String.valueOf(id)));
    }

    private Timer handlerTimer(String event) {
        Timer t = Timer.builder(HANDLER_TIME).tags(tags).tag(EventDrivenMetrics.TAG_EVENT, event)
                .description("the handlers' time per event id").register(registry);
        meters.add(t);
        return t;
    }

    /** @return the timers registered so far */
    List<Meter> meters() {
        return meters;
    }
}
