package dev.eventdriven.bench.contestant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** W4's bound runs every index exactly once, on two threads, batch after batch. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DirectHalvesTest {

    private static final int N = 20_001;

    @Test
    void everyIndexRunsOnceOnTwoThreads() {
        SharedTally tally = new SharedTally();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        try (DirectHalves direct = new DirectHalves()) {
            for (int round = 0; round < 3; round++) {
                tally.expect(N, Values.sum(0, N));
                direct.runHalves(N, i -> {
                    threads.add(Thread.currentThread());
                    tally.add(Values.get(i));
                });
                tally.await();
            }
        }
        tally.verify();
        assertEquals(2, threads.size(), "the caller and the helper: " + threads);
    }

    @Test
    void aFailingHalfIsReported() {
        try (DirectHalves direct = new DirectHalves()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> direct.runHalves(10, i -> {
                if (i == 7) {
                    throw new ArithmeticException("task 7");
                }
            }));
            assertEquals("task 7", e.getCause().getMessage());
        }
    }
}
