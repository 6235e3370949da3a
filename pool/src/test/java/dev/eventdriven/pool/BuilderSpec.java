package dev.eventdriven.pool;

import dev.eventdriven.ErrorHandler;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.adapter.Adapter;
import dev.eventdriven.mapping.HandlerRegistry;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * A contract spec over any of the library's builders: the controller and pool builders share these
 * options by name and meaning (not by a type), so one spec calls them by name.
 */
final class BuilderSpec implements EventProcessorContract.Spec {

    private final HandlerRegistry<?> builder;

    BuilderSpec(HandlerRegistry<?> builder) {
        this.builder = builder;
    }

    Object call(String option, Class<?> type, Object value) {
        try {
            return type == null ? builder.getClass().getMethod(option).invoke(builder)
                    : builder.getClass().getMethod(option, type).invoke(builder, value);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(builder.getClass().getSimpleName() + " has no option " + option, e);
        }
    }

    @Override
    public EventProcessorContract.Spec handlers(Consumer<HandlerRegistry<?>> registrations) {
        registrations.accept(builder);
        return this;
    }

    @Override
    public EventProcessorContract.Spec adapter(Adapter adapter) {
        call("adapter", Adapter.class, adapter);
        return this;
    }

    @Override
    public EventProcessorContract.Spec errorHandler(ErrorHandler handler) {
        call("errorHandler", ErrorHandler.class, handler);
        return this;
    }

    @Override
    public EventProcessorContract.Spec blockedLoopThreshold(Duration threshold) {
        call("blockedLoopThreshold", Duration.class, threshold);
        return this;
    }

    @Override
    public EventProcessorContract.Spec daemon(boolean on) {
        call("daemon", boolean.class, on);
        return this;
    }

    @Override
    public EventProcessorContract.Spec closeTimeout(Duration timeout) {
        call("closeTimeout", Duration.class, timeout);
        return this;
    }

    @Override
    public EventProcessorContract.Spec threadFactory(ThreadFactory factory) {
        call("threadFactory", ThreadFactory.class, factory);
        return this;
    }

    @Override
    public EventProcessor build() {
        return (EventProcessor) call("build", null, null);
    }
}
