package dev.eventdriven.bench.contestant;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerBuilder;
import dev.eventdriven.ExecutorGroup;
import java.time.Duration;

/**
 * This library: {@code request(id, value).join()} on a {@link Controller} whose handler returns the
 * value; on a loop thread of its own, or ({@code controller-shared}) on a shared {@link ExecutorGroup}
 * of one thread.
 */
final class ControllerRequestReply implements RequestReply {

    private final Controller controller;
    private final ExecutorGroup group;

    ControllerRequestReply(Tally tally, boolean shared) {
        group = shared ? ExecutorGroup.builder("bench-group").size(1).threadFactory(Threads.factory("bench-group"))
                .build() : null;
        ControllerBuilder b = Controller.builder("bench")
                .on(ControllerSink.EVENT, s -> {
                    Object v = s.value();
                    tally.add(v);
                    return v;
                });
        controller = (shared ? b.executor(group) : b.threadFactory(Threads.factory("bench-controller"))).build();
        controller.run();
    }

    @Override
    public Object call(Integer value) {
        return controller.request(ControllerSink.EVENT, value).join().get(0);
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
