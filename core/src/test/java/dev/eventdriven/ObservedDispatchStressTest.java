package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.adapter.AdapterContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Timing events does not change what is handled: many producers (plain, with a context, requests),
 * recordings started and stopped at random meanwhile; every event is handled once, its value intact,
 * and the observer hears each one once with a sane queue wait.
 */
@Timeout(120)
class ObservedDispatchStressTest {

    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 50_000;

    @Test
    void everyEventIsHandledAndObservedOnceWhileRecordingsComeAndGo() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            round(random.nextBoolean(), "seed " + seed + ", round " + round);
        }
    }

    private void round(boolean withObserver, String where) throws Exception {
        AtomicLong sum = new AtomicLong();
        AtomicLong observed = new AtomicLong();
        AtomicLong badWaits = new AtomicLong();
        ControllerBuilder b = Controller.builder("observed-stress").on("e", s -> sum.addAndGet((Long) s.value()));
        if (withObserver) {
            b.adapter(new Adapter() {
                @Override
                public void setup(AdapterContext context) {
                    context.addEventObserver((c, id, wait, took, failed) -> {
                        observed.incrementAndGet();
                        if (wait < -1 || took < 0) {
                            badWaits.incrementAndGet();
                        }
                    });
                }
            });
        }
        Controller c = b.build();
        c.run();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread toggler = new Thread(() -> {
            Random r = new Random();
            while (producing.get()) {
                try (Recording rec = new Recording()) {
                    rec.enable("dev.eventdriven.EventHandled").withThreshold(Duration.ofMillis(r.nextInt(2)));
                    rec.start();
                    Thread.onSpinWait();
                    rec.stop();
                }
            }
        }, "recording-toggler");
        toggler.start();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int kind = p % 3;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 1; i <= PER_PRODUCER; i++) {
                    long v = i;
                    switch (kind) {
                        case 0 -> c.dispatch("e", v);
                        case 1 -> c.dispatch("e", v, java.util.Map.of("k", i), i);
                        default -> {
                            if (i % 100 == 0) {
                                c.request("e", v).await(Duration.ofSeconds(30));
                            } else {
                                c.dispatch("e", v);
                            }
                        }
                    }
                }
            });
            producers.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : producers) {
            t.join();
        }
        assertTrue(c.awaitDrained(Duration.ofSeconds(60)), where);
        producing.set(false);
        toggler.join();
        long handled = c.stats().handled();
        c.close();

        long perProducer = (long) PER_PRODUCER * (PER_PRODUCER + 1) / 2;
        assertEquals(perProducer * PRODUCERS, sum.get(), where);
        assertEquals((long) PER_PRODUCER * PRODUCERS, handled, where);
        if (withObserver) {
            assertEquals((long) PER_PRODUCER * PRODUCERS, observed.get(), where);
            assertEquals(0, badWaits.get(), where);
        }
    }
}
