package dev.eventdriven.bench.contestant;

import dev.eventdriven.Controller;
import dev.eventdriven.EventHandler;
import java.time.Duration;

/** This library: a {@link Controller} with one handler mapped to the event, {@code dispatch(id, value)}. */
final class ControllerSink implements EventSink {

    static final String EVENT = "value";

    private final Controller controller;

    ControllerSink(Tally tally) {
        controller = Controller.builder("bench")
                .threadFactory(Threads.factory("bench-controller"))
                .on(EVENT, s -> tally.add(s.value()))
                .build();
        controller.run();
    }

    @Override
    public void send(Integer value) {
        controller.dispatch(EVENT, value);
    }

    @Override
    public void close() {
        controller.shutdown();
        if (!controller.awaitTermination(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the controller did not terminate within 30 s");
        }
    }
}
