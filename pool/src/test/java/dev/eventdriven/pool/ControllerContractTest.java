package dev.eventdriven.pool;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerBuilder;
import dev.eventdriven.ErrorHandler;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.mapping.HandlerRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/** The {@link EventProcessor} contract, run against a {@link Controller}. */
class ControllerContractTest extends EventProcessorContract {

    @Override
    protected Spec spec(String name) {
        return new ControllerSpec(Controller.builder(name));
    }

    /** Maps a spec onto a {@link ControllerBuilder}. */
    static final class ControllerSpec implements Spec {
        private final ControllerBuilder b;

        ControllerSpec(ControllerBuilder b) {
            this.b = b;
        }

        @Override
        public Spec handlers(Consumer<HandlerRegistry<?>> registrations) {
            registrations.accept(b);
            return this;
        }

        @Override
        public Spec adapter(Adapter adapter) {
            b.adapter(adapter);
            return this;
        }

        @Override
        public Spec errorHandler(ErrorHandler handler) {
            b.errorHandler(handler);
            return this;
        }

        @Override
        public Spec blockedLoopThreshold(Duration threshold) {
            b.blockedLoopThreshold(threshold);
            return this;
        }

        @Override
        public Spec daemon(boolean on) {
            b.daemon(on);
            return this;
        }

        @Override
        public Spec closeTimeout(Duration timeout) {
            b.closeTimeout(timeout);
            return this;
        }

        @Override
        public Spec threadFactory(ThreadFactory factory) {
            b.threadFactory(factory);
            return this;
        }

        @Override
        public EventProcessor build() {
            return b.build();
        }
    }
}
