package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Controllers on virtual threads, for real: 10,000 of them run, handle an event each and shut down
 * with no thread left. Virtual threads exist from Java 21 on: the test is tagged {@code jdk21} and
 * runs where the build runs on such a JDK (the {@code jdk21+} profile; {@code .ci/run} runs the
 * suite on Java 25 as well as on Java 17).
 */
@Tag("jdk21")
@Timeout(120)
class VirtualThreadControllersTest {

    private static ThreadFactory virtualThreads(Set<Thread> made) throws ReflectiveOperationException {
        // Reflection: the library builds for Java 17, where Thread.ofVirtual() does not exist.
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        ThreadFactory factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory")
                .invoke(builder);
        return r -> {
            Thread t = factory.newThread(r);
            made.add(t);
            return t;
        };
    }

    @Test
    void tenThousandControllersOnVirtualThreadsRunHandleAnEventAndLeaveNoThread() throws Exception {
        Set<Thread> made = ConcurrentHashMap.newKeySet();
        ThreadFactory factory = virtualThreads(made);
        AtomicInteger handled = new AtomicInteger();
        List<Controller> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Controller c = Controller.builder("virtual-" + i).threadFactory(factory).idleSpin(Duration.ZERO)
                    .on("hello", s -> handled.incrementAndGet()).build();
            all.add(c);
            c.run();
        }
        List<Pending<List<Object>>> answers = new ArrayList<>();
        for (Controller c : all) {
            answers.add(c.request("hello"));
        }
        for (Pending<List<Object>> p : answers) {
            p.await(Duration.ofSeconds(30));
        }
        assertEquals(10_000, handled.get());
        assertTrue(made.stream().allMatch(t -> (Boolean) invoke(t, "isVirtual")), "every loop thread is virtual");

        all.forEach(Controller::shutdown);
        for (Controller c : all) {
            assertTrue(c.awaitTermination(Duration.ofSeconds(30)), c.name());
        }
        assertEquals(10_000, made.size());
        assertTrue(made.stream().noneMatch(Thread::isAlive), "no loop thread is left");
    }

    @Test
    void tenThousandControllersOnAGroupOfFourVirtualThreadsRunHandleAnEventAndLeaveNoThread() throws Exception {
        Set<Thread> made = ConcurrentHashMap.newKeySet();
        ExecutorGroup group = ExecutorGroup.builder("virtual-group").size(4).threadFactory(virtualThreads(made)).build();
        AtomicInteger handled = new AtomicInteger();
        List<Controller> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Controller c = Controller.builder("on-group-" + i).executor(group)
                    .on("hello", s -> handled.incrementAndGet()).build();
            all.add(c);
            c.run();
        }
        for (Controller c : all) {
            c.request("hello").await(Duration.ofSeconds(30));
        }
        assertEquals(10_000, handled.get());
        all.forEach(Controller::shutdown);
        group.shutdown();
        assertTrue(group.awaitTermination(Duration.ofSeconds(30)));
        assertTrue(made.size() <= 4 && !made.isEmpty(), made.size() + " threads");
        assertTrue(made.stream().allMatch(t -> (Boolean) invoke(t, "isVirtual")), "every group thread is virtual");
        assertTrue(made.stream().noneMatch(Thread::isAlive), "no group thread is left");
    }

    private static Object invoke(Thread t, String method) {
        try {
            return Thread.class.getMethod(method).invoke(t);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
