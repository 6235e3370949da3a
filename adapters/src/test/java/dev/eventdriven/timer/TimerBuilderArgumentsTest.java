package dev.eventdriven.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timer builders refuse bad arguments by the library's one rule: IAE naming the value. */
class TimerBuilderArgumentsTest {

    @Test
    void everyNullArgumentIsRefusedNamingIt() {
        TimerBuilder timer = Timer.builder();
        TimerSchedulerBuilder scheduler = TimerScheduler.builder("s");
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("name", () -> timer.name(null));
        calls.put("eventId", () -> timer.eventId(null));
        calls.put("missedTickPolicy", () -> timer.missedTickPolicy(null));
        calls.put("scheduler", () -> timer.scheduler(null));
        calls.put("threadFactory", () -> scheduler.threadFactory(null));
        calls.put("keepAlive", () -> scheduler.keepAlive(null));
        calls.forEach((name, call) -> assertEquals(true, assertThrows(IllegalArgumentException.class, call::run)
                .getMessage().startsWith(name + ": null ("), name));
    }

    @Test
    void aTimerSetBuilderRefusesBadArgumentsNamingThem() {
        TimerSetBuilder set = TimerSet.builder();
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("name", () -> set.name(" "));
        calls.put("scheduler", () -> set.scheduler(null));
        calls.put("resolution", () -> set.resolution(null));
        calls.put("resolution: PT-0.001S", () -> set.resolution(Duration.ofMillis(-1)));
        calls.put("resolution: PT1.001S (expected: <= PT1S)", () -> set.resolution(Duration.ofMillis(1_001)));
        calls.forEach((prefix, call) -> {
            String message = assertThrows(IllegalArgumentException.class, call::run).getMessage();
            assertTrue(message.startsWith(prefix), prefix + " / " + message);
        });
        TimerSet built = set.resolution(Duration.ofSeconds(1)).build();
        assertEquals(Duration.ofSeconds(1), built.resolution());
        assertEquals("TimerSet", built.name());
        assertEquals(TimerSet.DEFAULT_RESOLUTION, TimerSet.create().resolution());
    }
}
