package dev.eventdriven.pool;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.ControllerClosedException;
import dev.eventdriven.ControllerState;
import dev.eventdriven.ErrorPolicy;
import dev.eventdriven.Event;
import dev.eventdriven.EventFailedException;
import dev.eventdriven.HandlerFailure;
import dev.eventdriven.Pending;
import dev.eventdriven.SystemEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolErrorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    final StartedPools pools = new StartedPools();

    private ControllerPool started(ControllerPoolBuilder b) {
        return pools.started(b);
    }


    private static Object failOn13(dev.eventdriven.Session s) {
        if (Integer.valueOf(13).equals(s.value())) {
            throw new IllegalStateException("unlucky");
        }
        return s.value();
    }

    @Test
    void aHandlerErrorInOneWorkerNeverStopsTheOthers() {
        AtomicInteger handled = new AtomicInteger();
        ControllerPool pool = started(ControllerPool.builder("robust").size(3)
                .on("e", s -> {
                    handled.incrementAndGet();
                    return failOn13(s);
                }));
        Pending<List<Object>> bad = pool.request("e", 13);
        for (int i = 0; i < 100; i++) {
            pool.dispatch("e", i);
        }
        EventFailedException e = assertThrows(EventFailedException.class, () -> bad.await(WAIT));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(pool.awaitDrained(WAIT));
        assertEquals(101, handled.get());
        assertEquals(2, pool.stats().failed());
        assertEquals(ControllerState.RUNNING, pool.state());
        for (var w : pool) {
            assertEquals(ControllerState.RUNNING, w.state());
        }
    }

    @Test
    void errorHandlersOfTheFailingWorkerSeeTheFailure() {
        List<HandlerFailure> failures = new CopyOnWriteArrayList<>();
        ControllerPool pool = started(ControllerPool.builder("report").size(2)
                .on("e", PoolErrorTest::failOn13)
                .on(SystemEvent.ERROR, s -> failures.add((HandlerFailure) s.value())));
        pool.dispatch("e", 13);
        await().atMost(WAIT).until(() -> failures.size() == 1);
        assertEquals("e", failures.get(0).eventId());
        assertEquals(13, failures.get(0).value());
        assertEquals("unlucky", failures.get(0).error().getMessage());
    }

    @Test
    void errorPolicyShutdownShutsThePoolDownAfterItsQueue() {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        ControllerPool pool = started(ControllerPool.builder("strict").size(2).errorPolicy(ErrorPolicy.SHUTDOWN)
                .on("e", s -> {
                    gate.await(10, TimeUnit.SECONDS);
                    handled.incrementAndGet();
                    return failOn13(s);
                }));
        pool.dispatch("e", 13);
        for (int i = 0; i < 20; i++) {
            pool.dispatch("e", i);
        }
        gate.countDown();
        assertTrue(pool.awaitTermination(WAIT));
        assertEquals(21, handled.get());
        assertThrows(ControllerClosedException.class, () -> pool.dispatch("e", 1));
    }

    @Test
    void errorPolicyStopStopsThePoolAndKeepsTheRestForShutdownNow() {
        CountDownLatch gate = new CountDownLatch(1);
        ControllerPool pool = started(ControllerPool.builder("halt").size(1).errorPolicy(ErrorPolicy.STOP)
                .on("e", s -> {
                    gate.await(10, TimeUnit.SECONDS);
                    return failOn13(s);
                }));
        pool.dispatch("e", 13);
        List<Pending<List<Object>>> rest = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rest.add(pool.request("e", i));
        }
        gate.countDown();
        assertTrue(pool.awaitTermination(WAIT));
        for (Pending<List<Object>> p : rest) {
            assertThrows(EventFailedException.class, () -> p.await(WAIT));
        }
        List<Event> back = pool.shutdownNow();
        assertEquals(List.of(0, 1, 2, 3, 4), back.stream().map(Event::value).toList());
    }
}
