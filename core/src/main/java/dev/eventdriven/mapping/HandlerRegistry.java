package dev.eventdriven.mapping;

import dev.eventdriven.EventAction;
import dev.eventdriven.EventHandler;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.ValueAction;
import dev.eventdriven.ValueHandler;
import dev.eventdriven.internal.TypedHandler;

/**
 * Where handlers are registered: {@link MappingBlueprint}, and the controller and pool builders. One
 * abstract method, {@link #on(Object, EventHandler)}; every other form is built on it, so each
 * registry offers the same forms:
 *
 * <pre>{@code
 * .on("greet", s -> "hello " + s.value())                    // returns a result
 * .on("tick", s -> out.println(s.value()))             // returns nothing (EventAction)
 * .on("greet", String.class, name -> "hello " + name)         // the value typed (ValueHandler)
 * .on("order", Order.class, order -> orders.add(order))        // typed, returns nothing
 * .before(s -> audit(s)).after(s -> ...).other(s -> ...)       // hooks
 * }</pre>
 *
 * <p>See {@link EventAction} for how Java chooses between a handler and an action. Registries are
 * not thread-safe: fill one on one thread.
 *
 * @param <B> the registry's own type, returned by every method for chaining
 */
public interface HandlerRegistry<B extends HandlerRegistry<B>> {

    /**
     * Maps a handler to an event id, after the handlers already mapped to it.
     *
     * @param eventId the event id (or BEFORE/AFTER/OTHER for hooks), not {@code null}
     * @param handler the handler, not {@code null}
     * @return this registry
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    B on(Object eventId, EventHandler handler);

    /**
     * Maps a handler that returns nothing to an event id.
     *
     * @param eventId the event id, not {@code null}
     * @param action the handler, not {@code null}
     * @return this registry
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    default B on(Object eventId, EventAction action) {
        return on(eventId, (EventHandler) action);
    }

    /**
     * Maps a handler that takes the event's value as a {@code T}. A value of another type fails the
     * event with a {@link dev.eventdriven.TypeMismatchException} naming this handler (by where it
     * was registered), the event and both types.
     *
     * @param eventId the event id, not {@code null}
     * @param type the value type, not {@code null}
     * @param handler the handler, not {@code null}
     * @param <T> the value type
     * @return this registry
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    default <T> B on(Object eventId, Class<T> type, ValueHandler<T> handler) {
        return on(eventId, TypedHandler.of(eventId, type, handler));
    }

    /**
     * Maps a handler that takes the event's value as a {@code T} and returns nothing.
     *
     * @param eventId the event id, not {@code null}
     * @param type the value type, not {@code null}
     * @param action the handler, not {@code null}
     * @param <T> the value type
     * @return this registry
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    default <T> B on(Object eventId, Class<T> type, ValueAction<T> action) {
        return on(eventId, TypedHandler.of(eventId, type, action));
    }

    /**
     * Adds a BEFORE hook: runs before the handlers of every event; {@code session.skip()} skips the
     * rest of the event.
     *
     * @param hook the hook, not {@code null}
     * @return this registry
     */
    default B before(EventHandler hook) {
        return on(SystemEvent.BEFORE, hook);
    }

    /**
     * Adds a BEFORE hook that returns nothing.
     *
     * @param hook the hook, not {@code null}
     * @return this registry
     */
    default B before(EventAction hook) {
        return on(SystemEvent.BEFORE, hook);
    }

    /**
     * Adds an AFTER hook: runs after the handlers of every event and reads their returns
     * ({@code session.returns()}).
     *
     * @param hook the hook, not {@code null}
     * @return this registry
     */
    default B after(EventHandler hook) {
        return on(SystemEvent.AFTER, hook);
    }

    /**
     * Adds an AFTER hook that returns nothing.
     *
     * @param hook the hook, not {@code null}
     * @return this registry
     */
    default B after(EventAction hook) {
        return on(SystemEvent.AFTER, hook);
    }

    /**
     * Adds an OTHER hook: the handler of events that have none ({@code session.originEventId()} is
     * the original id).
     *
     * @param hook the hook, not {@code null}
     * @return this registry
     */
    default B other(EventHandler hook) {
        return on(SystemEvent.OTHER, hook);
    }

    /**
     * Adds an OTHER hook that returns nothing.
     *
     * @param hook the hook, not {@code null}
     * @return this registry
     */
    default B other(EventAction hook) {
        return on(SystemEvent.OTHER, hook);
    }
}
