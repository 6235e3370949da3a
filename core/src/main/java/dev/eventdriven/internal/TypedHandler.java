package dev.eventdriven.internal;

import dev.eventdriven.EventHandler;
import dev.eventdriven.Session;
import dev.eventdriven.TypeMismatchException;
import dev.eventdriven.ValueHandler;
import dev.eventdriven.mapping.HandlerRegistry;

/**
 * A {@link ValueHandler} as an {@link EventHandler}: checks the value's type and names the handler by
 * where it was registered, since a lambda has no name of its own.
 *
 * @param <T> the value type
 */
public final class TypedHandler<T> implements EventHandler {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Object eventId;
    private final Class<T> type;
    private final ValueHandler<T> handler;
    private final String site;

    private TypedHandler(Object eventId, Class<T> type, ValueHandler<T> handler, String site) {
        this.eventId = eventId;
        this.type = type;
        this.handler = handler;
        this.site = site;
    }

    /**
     * Wraps a typed handler, remembering the caller's registration site.
     *
     * @param eventId the event id it is registered for
     * @param type the value type
     * @param handler the handler
     * @param <T> the value type
     * @return the handler
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public static <T> TypedHandler<T> of(Object eventId, Class<T> type, ValueHandler<T> handler) {
        Checks.notNull("eventId", eventId);
        Checks.notNull("type", type);
        Checks.notNull("handler", handler);
        String site = WALKER.walk(frames -> frames
                .filter(f -> !registering(f.getDeclaringClass()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                        + f.getLineNumber() + ")")
                .orElse("unknown site"));
        return new TypedHandler<>(eventId, type, handler, site);
    }

    /** The registries and this class: the frames to skip to find the code that registers. */
    private static boolean registering(Class<?> c) {
        return c == TypedHandler.class || HandlerRegistry.class.isAssignableFrom(c);
    }

    @Override
    public Object handle(Session session) throws Exception {
        Object v = session.value();
        if (v != null && !type.isInstance(v)) {
            throw new TypeMismatchException("handler registered at " + site + " for event " + eventId + " takes a "
                    + type.getName() + "; the value of event " + session.originEventId() + " is a "
                    + v.getClass().getName());
        }
        return handler.handle(type.cast(v));
    }

    /** @return whether the wrapped handler is an action, which returns nothing */
    boolean returnsNothing() {
        return handler instanceof dev.eventdriven.ValueAction;
    }

    @Override
    public String toString() {
        return "handler of " + type.getSimpleName() + " registered at " + site;
    }
}
