package dev.eventdriven.subprocess.internal;

import dev.eventdriven.EventHandler;
import dev.eventdriven.SubmittedTask;
import dev.eventdriven.Task;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.mapping.After;
import dev.eventdriven.mapping.Before;
import dev.eventdriven.mapping.MappingBlueprint;
import dev.eventdriven.mapping.On;
import dev.eventdriven.mapping.Other;
import dev.eventdriven.pool.ControllerPool;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Classes named across the process boundary: the child's mapping blueprint class and named tasks.
 * Both are checked in the parent before anything is sent, so that a mistake fails at the call site.
 */
public final class Blueprints {

    private static final String BLUEPRINT_EXPECTED = "a public class with a public no-arg constructor that"
            + " implements Supplier<MappingBlueprint> or has public @On/@Before/@After/@Other methods";

    private Blueprints() {
    }

    /**
     * Checks a blueprint class in the parent.
     *
     * @param type the class
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void checkBlueprintClass(Class<?> type) {
        requireNamedPublic("blueprintClass", type, BLUEPRINT_EXPECTED);
        if (!Supplier.class.isAssignableFrom(type) && !hasHandlerMethods(type)) {
            throw new IllegalArgumentException(Checks.message("blueprintClass", type.getName()
                    + " (neither a Supplier nor has annotated handler methods)", BLUEPRINT_EXPECTED));
        }
    }

    /**
     * Creates the mapping of one worker in the child: a new instance of the blueprint class, so
     * workers never share a handler object.
     *
     * @param className the blueprint class
     * @return the mapping
     * @throws IllegalArgumentException if the class is not usable
     * @throws ReflectiveOperationException if the constructor fails
     */
    public static MappingBlueprint instantiateBlueprint(String className) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        checkBlueprintClass(type);
        Object instance = type.getConstructor().newInstance();
        if (instance instanceof Supplier<?> s) {
            Object made = s.get();
            if (!(made instanceof MappingBlueprint mb)) {
                throw new IllegalArgumentException(Checks.message(className + ".get()", made,
                        "a MappingBlueprint"));
            }
            return mb;
        }
        return new MappingBlueprint().register(instance);
    }

    /**
     * The mapping of the child's worker pool. The pool shares one mapping, but each worker gets its own
     * instance of the blueprint class: every handler of the shared mapping hands the event to the
     * corresponding handler of the instance that belongs to the worker running it, so handler objects
     * stay confined to one thread.
     *
     * @param className the blueprint class
     * @param workers the number of workers
     * @return the shared mapping
     * @throws IllegalArgumentException if the instances do not register the same events
     * @throws ReflectiveOperationException if the constructor fails
     */
    public static MappingBlueprint perWorkerMapping(String className, int workers) throws ReflectiveOperationException {
        MappingBlueprint first = instantiateBlueprint(className);
        if (workers == 1) {
            return first;
        }
        List<List<MappingBlueprint.Registration>> all = new ArrayList<>();
        all.add(first.registrations());
        for (int i = 1; i < workers; i++) {
            all.add(instantiateBlueprint(className).registrations());
        }
        MappingBlueprint shared = new MappingBlueprint();
        List<MappingBlueprint.Registration> model = all.get(0);
        for (int r = 0; r < model.size(); r++) {
            EventHandler[] byWorker = new EventHandler[workers];
            for (int w = 0; w < workers; w++) {
                List<MappingBlueprint.Registration> regs = all.get(w);
                if (regs.size() != model.size() || !regs.get(r).eventId().equals(model.get(r).eventId())) {
                    throw new IllegalArgumentException(Checks.message("blueprintClass", className,
                            "instances that all register the same events in the same order"));
                }
                byWorker[w] = regs.get(r).handler();
            }
            EventHandler confined = s -> byWorker[(Integer) s.getStatic(ControllerPool.STATIC_WORKER_INDEX)].handle(s);
            shared.on(model.get(r).eventId(), confined);
        }
        return shared;
    }

    /**
     * What travels for a task: the task itself if it is a record (encoded with its components), else
     * the name of its class, re-created in the child through its public no-arg constructor.
     *
     * @param task a Task, Callable or Runnable (or a {@link SubmittedTask}'s task)
     * @return a record or a class name
     * @throws IllegalArgumentException if the task cannot cross the process boundary
     */
    public static Object taskDescriptor(Object task) {
        if (task instanceof Record) {
            return task;
        }
        requireNamedPublic("task", task.getClass(), "a public named class with a public no-arg constructor, or a"
                + " record of encodable values; a lambda, anonymous, local or inner class cannot be re-created in"
                + " the child process");
        return task.getClass().getName();
    }

    /**
     * Re-creates a task in the child.
     *
     * @param descriptor what {@link #taskDescriptor} produced (decoded)
     * @param args the task's arguments
     * @return a task ready to run
     * @throws ReflectiveOperationException if the class cannot be created
     */
    public static SubmittedTask task(Object descriptor, List<Object> args) throws ReflectiveOperationException {
        Object task = descriptor;
        if (descriptor instanceof String className) {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            task = type.getConstructor().newInstance();
        }
        if (!(task instanceof Task || task instanceof Callable<?> || task instanceof Runnable)) {
            throw new IllegalArgumentException(Checks.message("task", task.getClass().getName(),
                    "a Task, Callable or Runnable"));
        }
        return new SubmittedTask(task, args);
    }

    private static void requireNamedPublic(String name, Class<?> type, String expected) {
        boolean named = !type.isHidden() && !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass()
                && (!type.isMemberClass() || Modifier.isStatic(type.getModifiers()));
        if (!named) {
            throw new IllegalArgumentException(Checks.message(name, describe(type), expected));
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(Checks.message(name, type.getName() + " (not public or abstract)",
                    expected));
        }
        try {
            Constructor<?> c = type.getConstructor();
            if (!Modifier.isPublic(c.getModifiers())) {
                throw new NoSuchMethodException();
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(Checks.message(name, type.getName()
                    + " (no public no-arg constructor)", expected), e);
        }
    }


    private static String describe(Class<?> type) {
        if (type.isHidden() || type.isSynthetic()) {
            return "a lambda or generated class " + type.getName();
        }
        if (type.isAnonymousClass()) {
            return "an anonymous class " + type.getName();
        }
        if (type.isLocalClass()) {
            return "a local class " + type.getName();
        }
        return "an inner (non-static) class " + type.getName();
    }

    private static boolean hasHandlerMethods(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(On.class) || m.isAnnotationPresent(Before.class)
                    || m.isAnnotationPresent(After.class) || m.isAnnotationPresent(Other.class)) {
                return true;
            }
        }
        return false;
    }

}
