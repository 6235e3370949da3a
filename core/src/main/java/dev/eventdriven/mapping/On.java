package dev.eventdriven.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as the handler of one or more events; found by
 * {@link MappingBlueprint#register(Object)}.
 *
 * <p>Parameters are bound by type: a {@link dev.eventdriven.Session}, a
 * {@link dev.eventdriven.Controller} (or {@link dev.eventdriven.Dispatcher}), and at most one other
 * parameter, which receives the event value (cast to its type). The return value (boxed; {@code null}
 * for {@code void}) is collected into the event's Pending.
 *
 * <pre>{@code
 * @On({"order.placed", "order.changed"})
 * public String onOrder(Order order, Session session) { ... }
 *
 * @On(value = "ERROR", type = SystemEvent.class)
 * public void onError(HandlerFailure failure) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface On {
    /**
     * The event ids: strings, or the names of constants of {@link #type()} when it is an enum.
     *
     * @return the ids, at least one
     */
    String[] value();

    /**
     * The type of the ids: {@code String.class} (the default) or an enum type whose constants
     * {@link #value()} names.
     *
     * @return the id type
     */
    Class<?> type() default String.class;

    /**
     * Where this handler goes among the handlers registered from the same object for the same id:
     * lower first; equal orders go by method name.
     *
     * @return the order
     */
    int order() default 0;
}
