package dev.eventdriven;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Controllers on a shared {@link ExecutorGroup}: fairness, ordering across threads, the group's lifecycle. */
@Timeout(120)
class SharedExecutorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<Controller> made = new ArrayList<>();
    private final List<ExecutorGroup> groups = new ArrayList<>();

    private ExecutorGroup group(String name, int size) {
        ExecutorGroup g = ExecutorGroup.builder(name).size(size).daemon(true).build();
        groups.add(g);
        return g;
    }

    private Controller started(ControllerBuilder b) {
        Controller c = b.build();
        made.add(c);
        c.run();
        return c;
    }

    @AfterEach
    void stop() {
        for (Controller c : made) {
            c.shutdownNow();
            assertTrue(c.awaitTermination(WAIT), c.name());
        }
        for (ExecutorGroup g : groups) {
            g.shutdown();
            assertTrue(g.awaitTermination(WAIT), g.name());
        }
    }

    @Test
    void aBusyControllerDoesNotStarveTheOthersOnAOneThreadGroup() {
        ExecutorGroup g = group("fair", 1);
        AtomicLong busyHandled = new AtomicLong();
        Controller[] busy = new Controller[1];
        // Each event dispatches the next: the busy controller always has work.
        busy[0] = started(Controller.builder("busy").executor(g).on("spin", s -> {
            busyHandled.incrementAndGet();
            busy[0].dispatch("spin");
        }));
        busy[0].dispatch("spin");
        busy[0].dispatch("spin");
        Controller quiet = started(Controller.builder("quiet").executor(g).on("ask", Integer.class, i -> i + 1));

        for (int i = 0; i < 200; i++) {
            long before = busyHandled.get();
            assertEquals(i + 1, quiet.request("ask", i, Integer.class).await(WAIT));
            if (i == 199) {
                await().atMost(WAIT).until(() -> busyHandled.get() > before);
            }
        }
        assertTrue(busyHandled.get() > 0);
    }

    @Test
    void eventsHopThreadsInOrderNeverConcurrentlyAndSeeEachOthersWrites() {
        ExecutorGroup g = group("hops", 2);
        int[] plain = new int[1]; // written by every handler without synchronisation
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> order = new ArrayList<>();
        Controller c = started(Controller.builder("hops").executor(g).batchSize(1).on("e", Integer.class, i -> {
            if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            threads.add(Thread.currentThread().getName());
            plain[0]++;
            order.add(i);
            inside.decrementAndGet();
        }));
        // A second controller keeps the other thread busy, so that turns of "hops" land on both threads.
        Controller other = started(Controller.builder("other").executor(g).batchSize(1).on("x", s -> { }));
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            c.dispatch("e", i);
            other.dispatch("x");
        }
        assertTrue(c.awaitDrained(WAIT));
        Integer count = c.submit(() -> plain[0]).first(Integer.class).await(WAIT);

        assertEquals(n, count);
        assertEquals(0, overlaps.get());
        for (int i = 0; i < n; i++) {
            assertEquals(i, order.get(i));
        }
        assertTrue(threads.stream().allMatch(t -> t.startsWith("hops-")), threads.toString());
    }

    @Test
    void manyControllersOnTwoThreadsEachHandleTheirEventsExactlyOnce() {
        ExecutorGroup g = group("many", 2);
        int controllers = 2_000;
        AtomicLong total = new AtomicLong();
        List<Controller> cs = new ArrayList<>();
        for (int i = 0; i < controllers; i++) {
            cs.add(started(Controller.builder("c" + i).executor(g).on("e", s -> {
                total.incrementAndGet();
            })));
        }
        for (int round = 0; round < 10; round++) {
            for (Controller c : cs) {
                c.dispatch("e");
            }
        }
        await().atMost(WAIT).until(() -> total.get() == controllers * 10L);
        for (Controller c : cs) {
            assertEquals(10, c.stats().handled());
        }
        assertEquals(controllers, g.liveControllers());
        cs.forEach(Controller::shutdown);
        await().atMost(WAIT).until(() -> g.liveControllers() == 0);
    }

    @Test
    void aBlockedHandlerIsReportedAndTheControllersWaitingBehindItAreNot() throws Exception {
        ExecutorGroup g = group("blocked", 1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Controller stuck = started(Controller.builder("stuck").executor(g).blockedLoopThreshold(Duration.ofMillis(100))
                .on("block", s -> {
                    return release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                }));
        Controller waiting = started(Controller.builder("waiting").executor(g)
                .blockedLoopThreshold(Duration.ofMillis(100)).on("e", s -> "done"));
        Pending<List<Object>> blocked = stuck.request("block");
        await().atMost(WAIT).until(() -> stuck.stats().blocked() == 1);
        Pending<List<Object>> queued = waiting.request("e"); // behind the stuck turn on the group's one thread
        long until = System.nanoTime() + Duration.ofMillis(400).toNanos();
        while (System.nanoTime() < until) {
            assertEquals(0, waiting.stats().blocked(), "a controller waiting for its turn is not blocked");
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        release.countDown();
        assertEquals(List.of(true), blocked.await(WAIT));
        assertEquals(List.of("done"), queued.await(WAIT));
        assertEquals(1, stuck.stats().blocked());
        assertEquals(0, waiting.stats().blocked());
    }

    @Test
    void blockingOnItsOwnResultDuringItsTurnIsRefused() {
        ExecutorGroup g = group("guard", 2);
        Controller[] self = new Controller[1];
        self[0] = started(Controller.builder("guard").executor(g)
                .on("inner", s -> "x")
                .on("outer", s -> {
                    try {
                        self[0].request("inner").await(Duration.ofSeconds(5));
                        return "waited";
                    } catch (LoopThreadBlockingException refused) {
                        return "refused";
                    }
                }));

        assertEquals("refused", self[0].request("outer", null, String.class).await(WAIT));
        assertTrue(self[0].inLoop() == false);
    }

    @Test
    void theThreadOptionsBelongToTheGroupAndAShutDownGroupRefusesNewControllers() {
        ExecutorGroup g = group("opts", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Controller.builder("x").executor(g).threadFactory(Thread::new).build());
        assertTrue(e.getMessage().startsWith("threadFactory: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Controller.builder("x").executor(g).daemon(true).build());
        assertThrows(IllegalArgumentException.class, () -> Controller.builder("x").executor(null));
        assertThrows(IllegalArgumentException.class, () -> ExecutorGroup.builder("g").size(0));

        g.shutdown();
        Controller late = Controller.builder("late").executor(g).build();
        assertThrows(RejectedExecutionException.class, late::run);
        assertEquals(ControllerState.NEW, late.state());
        assertTrue(g.awaitTermination(WAIT));
    }

    @Test
    void aGroupOnTheCallersExecutorRunsTurnsThere() throws Exception {
        java.util.concurrent.ExecutorService exec = java.util.concurrent.Executors.newFixedThreadPool(1, r -> {
            Thread t = new Thread(r, "callers-pool");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorGroup g = ExecutorGroup.on("callers", exec);
            Controller c = started(Controller.builder("on-exec").executor(g).on("where", s -> {
                return Thread.currentThread().getName();
            }));
            assertEquals("callers-pool", c.request("where", null, String.class).await(WAIT));
            c.shutdown();
            assertTrue(c.awaitTermination(WAIT));
            g.shutdown();
            assertTrue(g.awaitTermination(WAIT));
        } finally {
            exec.shutdownNow();
        }
    }
}
