package dev.eventdriven.bench.contestant;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pool contestants run every task exactly once, batch after batch. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TaskRunnerTest {

    private static final int N = 20_000;

    @ParameterizedTest
    @ValueSource(strings = {"pool", "tpe", "fjp"})
    void everyTaskRunsOnce(String contestant) {
        SharedTally tally = new SharedTally();
        try (TaskRunner runner = TaskRunner.start(contestant)) {
            for (int round = 0; round < 3; round++) {
                tally.expect(N, Values.sum(0, N));
                for (int i = 0; i < N; i++) {
                    Integer v = Values.get(i);
                    runner.execute(() -> tally.add(v));
                }
                tally.await();
            }
        }
        tally.verify();
    }
}
