package dev.eventdriven.internal;

import dev.eventdriven.Controller;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.EventHandler;
import dev.eventdriven.HandlerBindingException;
import dev.eventdriven.Session;
import dev.eventdriven.SystemEvent;
import dev.eventdriven.mapping.After;
import dev.eventdriven.mapping.Before;
import dev.eventdriven.mapping.MappingBlueprint.Registration;
import dev.eventdriven.mapping.On;
import dev.eventdriven.mapping.Other;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns annotated methods into {@link EventHandler}s backed by method handles. All checks happen
 * here, at registration: a method that cannot be bound fails with a message naming it.
 */
public final class HandlerBinder {

    private static final MethodHandle SESSION_CONTROLLER;
    private static final MethodHandle SESSION_VALUE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            SESSION_CONTROLLER = l.findVirtual(Session.class, "controller", MethodType.methodType(Controller.class));
            SESSION_VALUE = l.findVirtual(Session.class, "value", MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private HandlerBinder() {
    }

    private record Found(Method method, List<Object> ids, int order) {
    }

    /**
     * Binds every annotated method of {@code target}.
     *
     * @param target the object
     * @param lookup the lookup used to access the methods
     * @return the registrations, ordered by annotation order then method name
     */
    public static List<Registration> bindAnnotated(Object target, MethodHandles.Lookup lookup) {
        List<Found> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isBridge() || m.isSynthetic() || !seen.add(signature(m))) {
                    continue;
                }
                Found f = annotations(m);
                if (f != null) {
                    found.add(f);
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::order).thenComparing(f -> f.method().getName()));
        List<Registration> out = new ArrayList<>();
        for (Found f : found) {
            EventHandler h = bind(target, f.method(), lookup);
            for (Object id : f.ids()) {
                out.add(new Registration(id, h));
            }
        }
        return out;
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.toString(m.getParameterTypes());
    }

    private static Found annotations(Method m) {
        List<Object> ids = new ArrayList<>();
        int order = 0;
        On on = m.getAnnotation(On.class);
        if (on != null) {
            if (on.value().length == 0) {
                throw new HandlerBindingException(describe(m) + ": @On names no event id", null);
            }
            for (String name : on.value()) {
                ids.add(eventId(m, on.type(), name));
            }
            order = on.order();
        }
        Before before = m.getAnnotation(Before.class);
        if (before != null) {
            ids.add(SystemEvent.BEFORE);
            order = before.order();
        }
        After after = m.getAnnotation(After.class);
        if (after != null) {
            ids.add(SystemEvent.AFTER);
            order = after.order();
        }
        Other other = m.getAnnotation(Other.class);
        if (other != null) {
            ids.add(SystemEvent.OTHER);
            order = other.order();
        }
        return ids.isEmpty() ? null : new Found(m, ids, order);
    }

    private static Object eventId(Method m, Class<?> type, String name) {
        if (type == String.class) {
            return name;
        }
        if (!type.isEnum()) {
            throw new HandlerBindingException(describe(m) + ": @On type " + type.getName()
                    + " (expected: String or an enum type)", null);
        }
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new HandlerBindingException(describe(m) + ": @On names '" + name + "', which is not a constant of "
                + type.getName(), null);
    }

    static String describe(Method m) {
        StringBuilder sb = new StringBuilder(m.getDeclaringClass().getName()).append('.').append(m.getName()).append('(');
        Class<?>[] ps = m.getParameterTypes();
        for (int i = 0; i < ps.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ps[i].getSimpleName());
        }
        return sb.append(')').toString();
    }

    /**
     * Binds one method.
     *
     * @param target the receiver (ignored for static methods)
     * @param m the method
     * @param lookup the lookup
     * @return the handler
     */
    static EventHandler bind(Object target, Method m, MethodHandles.Lookup lookup) {
        String name = describe(m);
        if (!Modifier.isPublic(m.getModifiers()) && lookup.lookupClass() != m.getDeclaringClass()
                && lookup == MethodHandles.publicLookup()) {
            throw new HandlerBindingException("handler method " + name
                    + " is not public (expected: a public method; or register with a Lookup that can access it)",
                    null);
        }
        MethodHandle mh;
        try {
            mh = lookup.unreflect(m);
        } catch (IllegalAccessException e) {
            throw new HandlerBindingException("handler method " + name + " is not accessible: "
                    + e.getMessage() + " (expected: a public method of a public class, or register with"
                    + " MappingBlueprint.register(target, MethodHandles.lookup()))", e);
        }
        if (!Modifier.isStatic(m.getModifiers())) {
            mh = mh.bindTo(target);
        }
        Class<?>[] params = m.getParameterTypes();
        MethodHandle[] filters = new MethodHandle[params.length];
        int valueParams = 0;
        for (int i = 0; i < params.length; i++) {
            Class<?> p = params[i];
            if (p == Session.class) {
                filters[i] = MethodHandles.identity(Session.class);
            } else if (p == Controller.class || p == Dispatcher.class) {
                filters[i] = SESSION_CONTROLLER.asType(MethodType.methodType(p, Session.class));
            } else {
                if (++valueParams > 1) {
                    throw new HandlerBindingException("handler method " + name + " has " + countValueParams(params)
                            + " parameters that would take the event value (expected: at most one, besides"
                            + " Session and Controller)", null);
                }
                filters[i] = SESSION_VALUE.asType(MethodType.methodType(p, Session.class));
            }
        }
        if (params.length > 0) {
            mh = MethodHandles.filterArguments(mh, 0, filters);
            mh = MethodHandles.permuteArguments(mh, MethodType.methodType(mh.type().returnType(), Session.class),
                    new int[params.length]);
        } else {
            mh = MethodHandles.dropArguments(mh, 0, Session.class);
        }
        mh = mh.asType(MethodType.methodType(Object.class, Session.class));
        return new MethodHandleHandler(mh, name);
    }

    private static int countValueParams(Class<?>[] params) {
        int n = 0;
        for (Class<?> p : params) {
            if (p != Session.class && p != Controller.class && p != Dispatcher.class) {
                n++;
            }
        }
        return n;
    }

    /** A handler calling a bound method handle; no reflection per call. */
    private static final class MethodHandleHandler implements EventHandler {
        private final MethodHandle mh;
        private final String name;

        MethodHandleHandler(MethodHandle mh, String name) {
            this.mh = mh;
            this.name = name;
        }

        @Override
        public Object handle(Session session) throws Exception {
            try {
                return (Object) mh.invokeExact(session);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new UndeclaredThrowableException(t);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
