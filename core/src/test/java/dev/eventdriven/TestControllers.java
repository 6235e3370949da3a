package dev.eventdriven;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts controllers for a test and stops every one of them afterwards. */
final class TestControllers implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final List<Controller> started = new ArrayList<>();

    Controller run(ControllerBuilder builder) {
        Controller c = builder.build();
        started.add(c);
        c.run();
        return c;
    }

    Controller keep(Controller c) {
        started.add(c);
        return c;
    }

    @Override
    public void close() {
        for (Controller c : started) {
            c.shutdownNow();
            if (!c.awaitTermination(WAIT)) {
                throw new AssertionError("controller " + c.name() + " did not terminate");
            }
        }
    }
}
