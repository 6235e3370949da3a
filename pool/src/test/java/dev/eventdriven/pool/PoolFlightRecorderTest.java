package dev.eventdriven.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.OverflowPolicy;
import dev.eventdriven.RejectedEventException;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import dev.eventdriven.jfr.EventHandledEvent;
import dev.eventdriven.jfr.OverflowEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pool's workers emit the same Flight Recorder events as a controller (each under its own name),
 * its shared queue's overflows are recorded under the pool's name, and an adapter's event observer on
 * the pool hears every worker.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoolFlightRecorderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int EVENTS = 200;
    @RegisterExtension
    final StartedPools pools = new StartedPools();

    private static List<RecordedEvent> record(Recording r) throws IOException {
        r.stop();
        Path file = Files.createTempFile("eventdriven-pool-test", ".jfr");
        try {
            r.dump(file);
            return RecordingFile.readAllEvents(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void everyWorkerRecordsTheEventsItHandledWithTheirQueueWait() throws IOException {
        List<RecordedEvent> events;
        try (Recording r = new Recording()) {
            r.enable(EventHandledEvent.NAME).withThreshold(Duration.ZERO);
            r.start();
            ControllerPool pool = pools.started(ControllerPool.builder("jfr-pool").size(2).on("e", s -> 1), false);
            for (int i = 0; i < EVENTS; i++) {
                pool.dispatch("e", i);
            }
            assertTrue(pool.awaitDrained(WAIT));
            events = record(r).stream().filter(e -> e.getEventType().getName().equals(EventHandledEvent.NAME)
                    && e.getString("controller").startsWith("jfr-pool-worker-")).toList();
        }
        assertEquals(EVENTS, events.size());
        assertTrue(events.stream().allMatch(e -> "e".equals(e.getString("eventId"))
                && e.getDuration("queueWait").toNanos() >= 0));
        Set<String> workers = events.stream().map(e -> e.getString("controller")).collect(Collectors.toSet());
        assertTrue(Set.of("jfr-pool-worker-0", "jfr-pool-worker-1").containsAll(workers), workers.toString());
    }

    @Test
    void aFullPoolRecordsTheRejectionUnderThePoolsName() throws IOException {
        List<RecordedEvent> events;
        try (Recording r = new Recording()) {
            r.enable(OverflowEvent.NAME);
            r.start();
            ControllerPool pool = pools.started(ControllerPool.builder("jfr-full").size(1).queueCapacity(1)
                    .overflowPolicy(OverflowPolicy.FAIL).on("e", s -> 1), true);
            pool.dispatch("e", 1);
            assertThrows(RejectedEventException.class, () -> pool.dispatch("e", 2));
            events = record(r).stream().filter(e -> e.getEventType().getName().equals(OverflowEvent.NAME)
                    && "jfr-full".equals(e.getString("processor"))).toList();
        }
        assertEquals(1, events.size(), events.toString());
        assertEquals(OverflowEvent.REJECTED, events.get(0).getString("action"));
        assertEquals(1, events.get(0).getLong("capacity"));
    }

    @Test
    void anObserverOnThePoolHearsEveryWorker() {
        AtomicInteger heard = new AtomicInteger();
        Set<String> loops = ConcurrentHashMap.newKeySet();
        ControllerPool pool = pools.started(ControllerPool.builder("observed-pool").size(2).on("e", s -> 1)
                .adapter(new Adapter() {
                    @Override
                    public void setup(AdapterContext context) {
                        context.addEventObserver((controller, id, wait, took, failed) -> {
                            loops.add(controller);
                            if (wait >= 0 && took >= 0) {
                                heard.incrementAndGet();
                            }
                        });
                    }
                }), false);
        for (int i = 0; i < EVENTS; i++) {
            pool.dispatch("e", i);
        }
        assertTrue(pool.awaitDrained(WAIT));
        assertEquals(EVENTS, heard.get());
        assertTrue(Set.of("observed-pool-worker-0", "observed-pool-worker-1").containsAll(loops), loops.toString());
    }
}
