package dev.eventdriven.bench.idle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The W7 fleets start what they are asked, and every one answers before they stop. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IdleFleetTest {

    @ParameterizedTest
    @ValueSource(strings = {"platform", "shared", "pekko"})
    void aFleetStartsItsCountAndEveryOneAnswersBeforeItStops(String kind) {
        IdleFleet fleet = IdleFleet.of(kind, 300);
        assertEquals(300, fleet.fill(0.99));
        fleet.verifyAndStop();
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IdleFleet.of("nope", 1));
    }
}
