package dev.eventdriven;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BoundedQueueTest {

    private final TestControllers controllers = new TestControllers();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Object> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        controllers.close();
    }

    private Controller blockedController(ControllerBuilder b) throws InterruptedException {
        Controller c = controllers.run(b
                .on("block", s -> {
                    entered.countDown();
                    return release.await(20, TimeUnit.SECONDS);
                })
                .on("e", s -> seen.add(s.value())));
        c.dispatch("block");
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        return c;
    }

    @Test
    void failPolicyRejectsWhenFull() throws Exception {
        Controller c = blockedController(Controller.builder("fail").queueCapacity(2).overflowPolicy(OverflowPolicy.FAIL));
        c.dispatch("e", 1);
        c.dispatch("e", 2);
        RejectedEventException e = assertThrows(RejectedEventException.class, () -> c.dispatch("e", 3));
        assertEquals("controller 'fail': queue full (capacity 2), event e (overflow policy FAIL)", e.getMessage());
        release.countDown();
        assertTrue(c.awaitDrained(TestControllers.WAIT));
        assertEquals(List.of(1, 2), seen);
        assertEquals(1, c.stats().rejected());
    }

    @Test
    void dropNewestCountsAndFailsThePendingOfTheDropped() throws Exception {
        Controller c = blockedController(Controller.builder("drop").queueCapacity(1)
                .overflowPolicy(OverflowPolicy.DROP_NEWEST));
        c.dispatch("e", 1);
        c.dispatch("e", 2);
        Pending<List<Object>> dropped = c.request("e", 3);
        assertInstanceOf(RejectedEventException.class, assertThrows(ExecutionException.class, dropped::get).getCause());
        release.countDown();
        assertTrue(c.awaitDrained(TestControllers.WAIT));
        assertEquals(List.of(1), seen);
        assertEquals(2, c.stats().dropped());
    }

    @Test
    void blockPolicyWaitsForRoom() throws Exception {
        Controller c = blockedController(Controller.builder("block").queueCapacity(1));
        c.dispatch("e", 1);
        Thread producer = new Thread(() -> c.dispatch("e", 2));
        producer.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.getState() == Thread.State.TIMED_WAITING
                || producer.getState() == Thread.State.WAITING);
        release.countDown();
        producer.join(10_000);
        assertTrue(c.awaitDrained(TestControllers.WAIT));
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void blockPolicyTimesOut() throws Exception {
        Controller c = blockedController(Controller.builder("block-timeout").queueCapacity(1)
                .blockTimeout(Duration.ofMillis(50)));
        c.dispatch("e", 1);
        RejectedEventException e = assertThrows(RejectedEventException.class, () -> c.dispatch("e", 2));
        assertTrue(e.getMessage().endsWith("no room within PT0.05S (overflow policy BLOCK)"), e.getMessage());
    }

    @Test
    void blockPolicyOnTheLoopThreadThrowsInsteadOfDeadlocking() {
        Controller c = controllers.run(Controller.builder("self-block").queueCapacity(1).on("e", s -> null));
        Object outcome = c.submit(() -> {
            c.dispatch("e", 1);
            try {
                c.dispatch("e", 2);
                return "no exception";
            } catch (LoopThreadBlockingException e) {
                return e.getClass().getSimpleName();
            }
        }).first(Object.class).await(TestControllers.WAIT);
        assertEquals("LoopThreadBlockingException", outcome);
    }

    @Test
    void boundedQueueUnderManyProducersLosesNothing() throws Exception {
        long[] sum = new long[1];
        Controller c = controllers.run(Controller.builder("bounded-many").queueCapacity(64)
                .on("n", s -> sum[0] += (Integer) s.value()));
        Thread[] producers = new Thread[4];
        for (int t = 0; t < producers.length; t++) {
            producers[t] = new Thread(() -> {
                for (int i = 1; i <= 20_000; i++) {
                    c.dispatch("n", i);
                }
            });
            producers[t].start();
        }
        for (Thread t : producers) {
            t.join(20_000);
        }
        assertEquals(4L * 20_000 * 20_001 / 2, c.submit(() -> sum[0]).first(Object.class).await(TestControllers.WAIT));
    }
}
