package dev.eventdriven.bench.idle;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerBuilder;
import dev.eventdriven.ExecutorGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Idle controllers: with a platform loop thread each, a virtual one each (JDK 21+), or on a shared
 * group of 2 threads. Each has one handler; no idle spin, no blocked-loop detector (an idle fleet of
 * many sparse controllers is configured so).
 */
final class ControllerFleet implements IdleFleet {

    /** Controllers checked and stopped at a time. */
    private static final int WINDOW = 10_000;

    private final String kind;
    private final int count;
    private final List<Controller> controllers = new ArrayList<>();
    private final ExecutorGroup group;
    private final ThreadFactory factory;

    ControllerFleet(String kind, int count) {
        this.kind = kind;
        this.count = count;
        this.group = kind.equals("shared") ? ExecutorGroup.builder("w7").size(2).daemon(true).build() : null;
        this.factory = kind.equals("virtual") ? virtualFactory() : kind.equals("platform") ? Thread::new : null;
    }

    private static ThreadFactory virtualFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            // Through the public interface: the builder's own class is not exported.
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need JDK 21+ (running " + Runtime.version() + ")", e);
        }
    }

    @Override
    public int fill(double heapShare) {
        for (int i = 0; i < count; i++) {
            if (i % 10_000 == 0 && i > 0 && IdleFleet.heapAbove(heapShare) && IdleFleet.heapUsedAfterGc()
                    > heapShare * Runtime.getRuntime().maxMemory()) {
                break;
            }
            ControllerBuilder b = Controller.builder("idle-" + i).idleSpin(Duration.ZERO)
                    .blockedLoopThreshold(Duration.ZERO).on("ping", s -> { return s.value(); });
            Controller c = (group != null ? b.executor(group) : b.threadFactory(factory).daemon(true)).build();
            c.run();
            controllers.add(c);
        }
        return controllers.size();
    }

    @Override
    public void verifyAndStop() {
        // In windows: a fleet that filled the heap to its share while idle has no room for every
        // controller's request, shutdown and terminated state at once. Each still answers a request
        // before it is stopped; the stopped ones are let go.
        int total = controllers.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long got = 0;
        for (int from = 0; from < total; from += WINDOW) {
            List<Controller> window = controllers.subList(from, Math.min(total, from + WINDOW));
            LongAdder answered = new LongAdder();
            for (Controller c : window) {
                c.request("ping", 1).thenRun(answered::increment);
            }
            while (answered.sum() < window.size() && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            got += answered.sum();
            for (Controller c : window) {
                c.shutdown();
            }
            for (Controller c : window) {
                if (!c.awaitTermination(Duration.ofSeconds(60))) {
                    throw new IllegalStateException(c.name() + " did not terminate");
                }
            }
            java.util.Collections.fill(window, null);
        }
        if (group != null) {
            group.shutdown();
            if (!group.awaitTermination(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the group did not terminate");
            }
        }
        if (got != total) {
            throw new IllegalStateException(kind + ": " + got + " of " + total + " answered");
        }
        controllers.clear();
    }
}
