package dev.eventdriven.pool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The pools a test made: after each test every one is stopped at once and must terminate (no
 * worker thread outlives its test). Register with {@code @RegisterExtension}.
 */
final class StartedPools implements AfterEachCallback {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<ControllerPool> pools = new ArrayList<>();

    /** Stops {@code pool} after the test. */
    ControllerPool track(ControllerPool pool) {
        pools.add(pool);
        return pool;
    }

    /** Builds, tracks and runs a pool. */
    ControllerPool started(ControllerPoolBuilder builder) {
        return started(builder, false);
    }

    /** Builds, tracks and runs a pool, suspended if asked. */
    ControllerPool started(ControllerPoolBuilder builder, boolean suspended) {
        ControllerPool pool = track(builder.build());
        pool.run(null, suspended);
        return pool;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (ControllerPool p : pools) {
            p.shutdownNow();
            assertTrue(p.awaitTermination(WAIT), "pool did not terminate: " + p.name());
        }
        pools.clear();
    }
}
