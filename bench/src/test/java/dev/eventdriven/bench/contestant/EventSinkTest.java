package dev.eventdriven.bench.contestant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The throughput contestants deliver every value exactly once, from one or two producers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventSinkTest {

    private static final int N = 20_000;

    @ParameterizedTest
    @ValueSource(strings = {"controller", "controller-shared", "tpe", "disruptor-blocking", "disruptor-yielding"})
    void everyValueFromOneProducerArrivesOnce(String contestant) {
        Tally tally = new Tally();
        try (EventSink sink = EventSink.start(contestant, tally, 1)) {
            for (int round = 0; round < 3; round++) {
                tally.expect(N, Values.sum(0, N));
                for (int i = 0; i < N; i++) {
                    sink.send(Values.get(i));
                }
                tally.await();
            }
        }
        tally.verify();
        assertEquals(3L * N, tally.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"controller", "controller-shared", "tpe", "disruptor-blocking", "disruptor-yielding"})
    void everyValueFromTwoProducersArrivesOnce(String contestant) throws InterruptedException {
        Tally tally = new Tally();
        try (EventSink sink = EventSink.start(contestant, tally, 2)) {
            tally.expect(N, Values.sum(0, N));
            Thread second = new Thread(() -> {
                for (int i = N / 2; i < N; i++) {
                    sink.send(Values.get(i));
                }
            });
            second.start();
            for (int i = 0; i < N / 2; i++) {
                sink.send(Values.get(i));
            }
            tally.await();
            second.join();
        }
        tally.verify();
    }

    @Test
    void aMissingValueFailsTheCheck() {
        Tally tally = new Tally();
        tally.expect(2, Values.get(0) + Values.get(1));
        tally.add(Values.get(0));
        tally.add(Values.get(0));
        assertThrows(IllegalStateException.class, tally::await);
    }

    @Test
    void anUnknownContestantIsRefusedWithTheExpectedNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventSink.start("nope", new Tally(), 1));
        assertEquals("contestant: nope (expected: controller, controller-shared, tpe, disruptor-blocking or"
                + " disruptor-yielding)",
                e.getMessage());
    }
}
