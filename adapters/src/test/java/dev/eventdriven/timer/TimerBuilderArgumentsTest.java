package dev.eventdriven.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
