package dev.eventdriven.mapping;

import dev.eventdriven.EventHandler;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.HandlerBinder;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects handler registrations in user code, to build controllers and pools from: lambdas with
 * {@link #on}, hooks with {@link #before}/{@link #after}/{@link #other}, annotated methods with
 * {@link #register(Object)}, and the registrations of another blueprint with {@link #inherit}.
 * Registration order is kept and is the order handlers run in.
 *
 * <p>Annotated methods are checked when registered: a method whose parameters cannot be bound or that
 * is not accessible fails here with a {@link dev.eventdriven.HandlerBindingException} naming it, never
 * at dispatch. Calls go through method handles, not reflection.
 *
 * <p>Not thread-safe: build it on one thread, then hand it to builders (they copy it).
 */
public final class MappingBlueprint implements HandlerRegistry<MappingBlueprint> {

    /**
     * One registration: an event id (or hook id) and its handler.
     *
     * @param eventId the event id, or BEFORE/AFTER/OTHER for hooks
     * @param handler the handler
     */
    public record Registration(Object eventId, EventHandler handler) {
        /**
         * Checks the registration.
         *
         * @param eventId not {@code null}
         * @param handler not {@code null}
         */
        public Registration {
            Checks.notNull("eventId", eventId);
            Checks.notNull("handler", handler);
        }
    }

    private final List<Registration> registrations = new ArrayList<>();

    /** Creates an empty blueprint. */
    public MappingBlueprint() {
    }

    @Override
    public MappingBlueprint on(Object eventId, EventHandler handler) {
        registrations.add(new Registration(eventId, handler));
        return this;
    }

    /**
     * Registers the methods of {@code target} annotated with {@link On}, {@link Before}, {@link After}
     * and {@link Other} (public methods of a public class, inherited ones included).
     *
     * @param target the object whose methods handle events
     * @return this blueprint
     * @throws dev.eventdriven.HandlerBindingException naming the method that cannot be bound
     */
    public MappingBlueprint register(Object target) {
        return register(target, MethodHandles.publicLookup());
    }

    /**
     * Registers annotated methods using the caller's lookup, so that methods of non-public classes
     * the caller can access may be handlers too: {@code register(this, MethodHandles.lookup())}.
     *
     * @param target the object whose methods handle events
     * @param lookup a lookup with access to the methods
     * @return this blueprint
     * @throws dev.eventdriven.HandlerBindingException naming the method that cannot be bound
     */
    public MappingBlueprint register(Object target, MethodHandles.Lookup lookup) {
        registrations.addAll(HandlerBinder.bindAnnotated(Checks.notNull("target", target),
                Checks.notNull("lookup", lookup)));
        return this;
    }

    /**
     * Adds all registrations of another blueprint, after this one's.
     *
     * @param parent the blueprint to inherit from
     * @return this blueprint
     */
    public MappingBlueprint inherit(MappingBlueprint parent) {
        Checks.notNull("parent", parent);
        if (parent != this) {
            registrations.addAll(parent.registrations);
        } else {
            registrations.addAll(new ArrayList<>(parent.registrations));
        }
        return this;
    }

    /**
     * The registrations in order.
     *
     * @return an unmodifiable view
     */
    public List<Registration> registrations() {
        return Collections.unmodifiableList(registrations);
    }

    /**
     * A copy of this blueprint.
     *
     * @return a new blueprint with the same registrations
     */
    public MappingBlueprint copy() {
        return new MappingBlueprint().inherit(this);
    }
}
