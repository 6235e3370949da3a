package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DispatchTest {
    @Test
    void smoke() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Controller c = Controller.builder("smoke").on("a", s -> { seen.add(s.value()); return "r" + s.value(); }).build();
        c.run();
        c.dispatch("a", 1);
        Pending p = c.request("a", 2);
        assertEquals(List.of("r2"), p.await(Duration.ofSeconds(5)));
        assertEquals(42, c.submit(() -> 42).awaitFirst(Duration.ofSeconds(5)));
        c.shutdown();
        assertTrue(c.awaitTermination(Duration.ofSeconds(5)));
        assertEquals(List.of(1, 2), seen);
    }
}
