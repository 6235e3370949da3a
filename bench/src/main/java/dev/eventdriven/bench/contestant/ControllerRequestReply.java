package dev.eventdriven.bench.contestant;

import dev.eventdriven.Controller;
import java.time.Duration;

/** This library: {@code request(id, value).join()} on a {@link Controller} whose handler returns the value. */
final class ControllerRequestReply implements RequestReply {

    private final Controller controller;

    ControllerRequestReply(Tally tally) {
        controller = Controller.builder("bench")
                .threadFactory(Threads.factory("bench-controller"))
                .on(ControllerSink.EVENT, s -> {
                    Object v = s.value();
                    tally.add(v);
                    return v;
                })
                .build();
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
    }
}
