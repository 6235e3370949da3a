package dev.eventdriven.subprocess.internal;

import dev.eventdriven.internal.Checks;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child's table of remote instances. Bridge loop thread only (hence a plain map).
 */
final class RemoteObjects {

    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class,
            "short", short.class, "char", char.class, "int", int.class, "long", long.class, "float", float.class,
            "double", double.class);

    private final Map<Long, Object> instances = new HashMap<>();
    private long nextId;

    Long create(String className, List<?> args) throws Exception {
        Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(Checks.message("className", className, "a public class"));
        }
        Object[] a = args.toArray();
        for (Constructor<?> c : type.getConstructors()) {
            if (accepts(c.getParameterTypes(), a)) {
                Object instance = invoke(() -> c.newInstance(a));
                long id = ++nextId;
                instances.put(id, instance);
                return id;
            }
        }
        throw new IllegalArgumentException(Checks.message("constructor arguments", args,
                "arguments matching a public constructor of " + className));
    }

    Object call(long instanceId, String iface, String methodName, List<?> typeNames, List<?> args) throws Exception {
        Object instance = instances.get(instanceId);
        if (instance == null) {
            throw new IllegalStateException(Checks.message("instance", instanceId, "a live remote instance;"
                    + " it was released or never created"));
        }
        Class<?> type = Class.forName(iface, false, Thread.currentThread().getContextClassLoader());
        Class<?>[] params = new Class<?>[typeNames.size()];
        for (int i = 0; i < params.length; i++) {
            String n = String.valueOf(typeNames.get(i));
            Class<?> p = PRIMITIVES.get(n);
            params[i] = p != null ? p : Class.forName(n, false, Thread.currentThread().getContextClassLoader());
        }
        Method m = type.getMethod(methodName, params);
        return invoke(() -> m.invoke(instance, args.toArray()));
    }

    void release(long instanceId) {
        instances.remove(instanceId);
    }

    private static boolean accepts(Class<?>[] params, Object[] args) {
        if (params.length != args.length) {
            return false;
        }
        for (int i = 0; i < params.length; i++) {
            Class<?> p = params[i].isPrimitive() ? box(params[i]) : params[i];
            if (args[i] == null ? params[i].isPrimitive() : !p.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private interface Reflective {
        Object run() throws ReflectiveOperationException;
    }

    /** Unwraps what the user's code threw, so the parent sees that exception rather than reflection's. */
    private static Object invoke(Reflective r) throws Exception {
        try {
            return r.run();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
