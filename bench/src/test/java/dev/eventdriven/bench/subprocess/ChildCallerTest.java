package dev.eventdriven.bench.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both W5 contestants answer every call with its own value, with real child processes. */
@Timeout(120)
class ChildCallerTest {

    @ParameterizedTest
    @ValueSource(strings = {"subprocess", "raw-echo"})
    void everyCallIsAnsweredWithItsValueOneByOneAndPipelined(String contestant) throws Exception {
        try (ChildCaller caller = ChildCaller.start(contestant)) {
            for (int i = 0; i < 100; i++) {
                assertEquals(i, caller.call(i).get(30, TimeUnit.SECONDS));
            }
            List<CompletableFuture<Object>> inFlight = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                inFlight.add(caller.call(i));
            }
            for (int i = 0; i < 2_000; i++) {
                assertEquals(i, inFlight.get(i).get(30, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void anUnknownContestantIsRefused() {
        assertEquals("contestant: x (expected: subprocess or raw-echo)",
                assertThrows(IllegalArgumentException.class, () -> ChildCaller.start("x")).getMessage());
    }
}
