package dev.eventdriven.bench.contestant;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerBuilder;
import dev.eventdriven.ExecutorGroup;
import dev.eventdriven.EventHandler;
import java.time.Duration;

/**
 * This library: a {@link Controller} with one handler mapped to the event, {@code dispatch(id, value)};
 * on a loop thread of its own, or ({@code controller-shared}) on a shared {@link ExecutorGroup} of one
 * thread.
 */
final class ControllerSink implements EventSink {

    static final String EVENT = "value";

    private final Controller controller;
    private final ExecutorGroup group;

    ControllerSink(Tally tally) {
        this(tally, false);
    }

    /**
     * @param tally the tally
     * @param shared on a shared executor group of one thread instead of a loop thread of its own
     */
    ControllerSink(Tally tally, boolean shared) {
        group = shared ? ExecutorGroup.builder("bench-group").size(1).threadFactory(Threads.factory("bench-group"))
                .build() : null;
        ControllerBuilder b = Controller.builder("bench").on(EVENT, s -> tally.add(s.value()));
        controller = (shared ? b.executor(group) : b.threadFactory(Threads.factory("bench-controller"))).build();
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
        if (group != null) {
            group.shutdown();
            if (!group.awaitTermination(Duration.ofSeconds(30))) {
                throw new IllegalStateException("the executor group did not terminate within 30 s");
            }
        }
    }
}
