package dev.eventdriven.bench.timers;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerBuilder;
import dev.eventdriven.ExecutorGroup;
import dev.eventdriven.timer.Timer;
import dev.eventdriven.timer.TimerSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This library: the timers spread over {@code controllers} controllers (timer j on controller
 * {@code j % controllers}), with loop threads of their own or on a shared group (one thread per
 * controller up to 2, the machine's cores). Either one {@link Timer} adapter per timer, installed into
 * the running controller with its first delay (event id: the timer's index, taken by an OTHER
 * handler), or one {@link TimerSet} per controller. Ticks come from the shared timer scheduler.
 */
final class LibraryTicks implements TickSource {

    private final List<Controller> controllers = new ArrayList<>();
    private final ExecutorGroup group;

    LibraryTicks(TickRecorder recorder, int timers, int n, boolean shared, boolean set) {
        group = shared ? ExecutorGroup.builder("w6-group").size(Math.min(n, 2)).threadFactory(daemons("w6-group"))
                .build() : null;
        Duration interval = Duration.ofNanos(recorder.intervalNanos());
        List<TimerSet> sets = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            TimerSet ts = TimerSet.create();
            ControllerBuilder b = Controller.builder("w6-" + c)
                    .other(s -> recorder.tick((Integer) s.originEventId(), System.nanoTime()))
                    .on("tick", Integer.class, j -> recorder.tick(j, System.nanoTime()));
            if (set) {
                b.adapter(ts);
            }
            Controller controller = (shared ? b.executor(group) : b.threadFactory(daemons("w6-" + c))).build();
            controller.run();
            controllers.add(controller);
            sets.add(ts);
        }
        for (int j = 0; j < timers; j++) {
            Duration first = Duration.ofNanos(TickSource.delayTo(recorder.firstDue(j)));
            if (set) {
                sets.get(j % n).every("tick", interval, first, j);
            } else {
                controllers.get(j % n).adapters().install(Timer.builder().name("t" + j).eventId(j)
                        .interval(interval).firstDelay(first).build());
            }
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        for (Controller c : controllers) {
            c.shutdownNow();
        }
        for (Controller c : controllers) {
            if (!c.awaitTermination(Duration.ofSeconds(30))) {
                throw new IllegalStateException(c.name() + " did not terminate within 30 s");
            }
        }
        if (group != null) {
            group.shutdown();
            if (!group.awaitTermination(Duration.ofSeconds(30))) {
                throw new IllegalStateException("the group did not terminate within 30 s");
            }
        }
    }
}
