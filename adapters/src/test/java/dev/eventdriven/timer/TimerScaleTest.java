package dev.eventdriven.timer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerBuilder;
import dev.eventdriven.EventHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many timers share one scheduler thread. */
@Timeout(120)
class TimerScaleTest {

    private static final int CONTROLLERS = 10;
    private static final int TIMERS_PER_CONTROLLER = 1_000;

    @Test
    void tenThousandTimersRunOnOneSchedulerThread() {
        List<Thread> created = new CopyOnWriteArrayList<>();
        ThreadFactory counting = r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            created.add(t);
            return t;
        };
        AtomicLong handled = new AtomicLong();
        List<Timer> timers = new ArrayList<>();
        List<Controller> controllers = new ArrayList<>();
        try (TimerScheduler scheduler = TimerScheduler.builder("scale-timer").threadFactory(counting)
                .keepAlive(Duration.ofMinutes(1)).build()) {
            for (int c = 0; c < CONTROLLERS; c++) {
                ControllerBuilder b = Controller.builder("scale-" + c)
                        .on("tick", s -> handled.incrementAndGet());
                for (int i = 0; i < TIMERS_PER_CONTROLLER; i++) {
                    // Spread the intervals so that deadlines do not all fall on the same instant.
                    Timer t = Timer.builder().name("t" + i).eventId("tick")
                            .interval(Duration.ofMillis(200 + i % 50)).scheduler(scheduler).build();
                    timers.add(t);
                    b.adapter(t);
                }
                controllers.add(b.build());
            }
            controllers.forEach(Controller::run);
            await().atMost(Duration.ofSeconds(60)).until(() -> timers.stream().allMatch(t -> t.ticks() >= 3));
            assertEquals(1, created.size(), "scheduler threads for 10,000 timers");
            // Everything this test started: one loop per controller and one scheduler thread.
            long ours = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("scale-")).count();
            assertEquals(CONTROLLERS + 1, ours, "threads named scale-*");
            controllers.forEach(Controller::shutdown);
            for (Controller c : controllers) {
                assertTrue(c.awaitTermination(Duration.ofSeconds(30)));
            }
            assertTrue(timers.stream().allMatch(Timer::isClosed));
            long total = timers.stream().mapToLong(Timer::ticks).sum();
            assertEquals(total, handled.get(), "every tick dispatched was handled");
        }
        assertTrue(created.stream().noneMatch(Thread::isAlive));
    }
}
