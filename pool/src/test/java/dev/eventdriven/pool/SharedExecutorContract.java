package dev.eventdriven.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.ControllerState;
import dev.eventdriven.ErrorHandler;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.ExecutorGroup;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.mapping.HandlerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link EventProcessor} contract on a shared {@link ExecutorGroup}: each processor gets a group
 * of two threads of its own, built from the thread factory and daemon setting the test asks for (on a
 * group they are the group's options). "No thread outlives close" becomes "no thread of the group
 * outlives the group's shutdown once its processors have terminated".
 */
abstract class SharedExecutorContract extends EventProcessorContract {

    private final List<ExecutorGroup> groups = new ArrayList<>();

    /** @return a builder of the kind under test */
    abstract HandlerRegistry<?> builder(String name);

    @Override
    protected Spec spec(String name) {
        return new GroupSpec(name, new BuilderSpec(builder(name)));
    }

    /** Runs before the contract's own clean-up: the groups end their threads once it has stopped everything. */
    @AfterEach
    void shutDownGroups() {
        groups.forEach(ExecutorGroup::shutdown);
    }

    private ExecutorGroup lastGroup() {
        return groups.get(groups.size() - 1);
    }

    @Override
    @Test
    void closeShutsDownGracefullyAndWaits() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        AtomicInteger handled = new AtomicInteger();
        EventProcessor p = spec("close").threadFactory(r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        }).handlers(reg -> reg.on("e", s -> handled.incrementAndGet())).build();
        ExecutorGroup group = lastGroup();
        try (p) {
            p.run();
            for (int i = 0; i < 100; i++) {
                p.dispatch("e", i);
            }
        }
        assertEquals(100, handled.get());
        assertEquals(ControllerState.TERMINATED, p.state());
        assertEquals(0, group.liveControllers());
        group.close();
        assertTrue(group.awaitTermination(WAIT));
        assertFalse(threads.isEmpty());
        threads.forEach(t -> assertFalse(t.isAlive(), t.getName() + " outlived the group"));
    }

    @Override
    @Test
    void awaitTerminationReturnsOnlyOnceEveryLoopThreadHasEnded() {
        for (int round = 0; round < 100; round++) {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            EventProcessor p = spec("ended-" + round).threadFactory(r -> {
                Thread t = new Thread(r);
                threads.add(t);
                return t;
            }).handlers(reg -> reg.on("e", s -> "ok")).build();
            ExecutorGroup group = lastGroup();
            p.run();
            group.shutdown(); // running controllers go on; the threads end after the last one
            p.request("e").await(WAIT);
            p.shutdown();

            assertTrue(p.awaitTermination(WAIT));
            assertEquals(0, group.liveControllers(), "round " + round);
            assertTrue(group.awaitTermination(WAIT), "round " + round);
            for (Thread t : threads) {
                assertFalse(t.isAlive(), "round " + round + ": " + t.getName() + " alive after the group ended");
            }
        }
    }

    /** Maps the thread options onto a group made at build time; the rest onto the builder. */
    private final class GroupSpec implements Spec {
        private final String name;
        private final BuilderSpec inner;
        private ThreadFactory factory = Thread::new;
        private boolean daemon;

        GroupSpec(String name, BuilderSpec inner) {
            this.name = name;
            this.inner = inner;
        }

        @Override
        public Spec handlers(Consumer<HandlerRegistry<?>> registrations) {
            inner.handlers(registrations);
            return this;
        }

        @Override
        public Spec adapter(Adapter adapter) {
            inner.adapter(adapter);
            return this;
        }

        @Override
        public Spec errorHandler(ErrorHandler handler) {
            inner.errorHandler(handler);
            return this;
        }

        @Override
        public Spec blockedLoopThreshold(Duration threshold) {
            inner.blockedLoopThreshold(threshold);
            return this;
        }

        @Override
        public Spec daemon(boolean on) {
            daemon = on;
            return this;
        }

        @Override
        public Spec closeTimeout(Duration timeout) {
            inner.closeTimeout(timeout);
            return this;
        }

        @Override
        public Spec threadFactory(ThreadFactory threadFactory) {
            factory = threadFactory;
            return this;
        }

        @Override
        public EventProcessor build() {
            ExecutorGroup group = ExecutorGroup.builder(name + "-group").size(2).threadFactory(factory)
                    .daemon(daemon).build();
            groups.add(group);
            inner.call("executor", ExecutorGroup.class, group);
            return inner.build();
        }
    }
}
