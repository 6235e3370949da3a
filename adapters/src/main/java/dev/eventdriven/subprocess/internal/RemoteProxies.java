package dev.eventdriven.subprocess.internal;

import dev.eventdriven.EventDrivenException;
import dev.eventdriven.PendingTimeoutException;
import dev.eventdriven.internal.Checks;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Dynamic proxies standing for instances that live in the child. A call is one CALL message; methods
 * returning a {@link CompletionStage} return at once, the others block until the answer (or the
 * call timeout). Any thread.
 */
public final class RemoteProxies {

    private RemoteProxies() {
    }

    /**
     * Creates a proxy.
     *
     * @param connection the child the instance lives in
     * @param type the interface
     * @param instanceId the instance's id in the child
     * @param callTimeout how long a blocking call waits
     * @param <T> the interface
     * @return the proxy
     */
    public static <T> T proxy(ChildConnection connection, Class<T> type, long instanceId, Duration callTimeout) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new Handler(connection, type, instanceId, callTimeout)));
    }

    /**
     * Releases the instance behind a proxy; later calls fail with {@link IllegalStateException}.
     *
     * @param proxy a proxy from {@link #proxy}
     * @return {@code true} if it was live
     * @throws IllegalArgumentException if it is not such a proxy
     */
    public static boolean release(Object proxy) {
        if (proxy == null || !Proxy.isProxyClass(proxy.getClass())
                || !(Proxy.getInvocationHandler(proxy) instanceof Handler h)) {
            throw new IllegalArgumentException(Checks.message("remote", proxy, "a proxy made by Subprocess.newRemote"));
        }
        synchronized (h) {
            if (h.released) {
                return false;
            }
            h.released = true;
        }
        if (!h.connection.isDead()) {
            h.connection.send(Arrays.asList(Protocol.RELEASE, h.instanceId));
        }
        return true;
    }

    private static final class Handler implements InvocationHandler {
        final ChildConnection connection;
        final Class<?> type;
        final long instanceId;
        final Duration callTimeout;
        boolean released;

        Handler(ChildConnection connection, Class<?> type, long instanceId, Duration callTimeout) {
            this.connection = connection;
            this.type = type;
            this.instanceId = instanceId;
            this.callTimeout = callTimeout;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Remote[" + type.getName() + "#" + instanceId + "]";
                };
            }
            synchronized (this) {
                if (released) {
                    throw new IllegalStateException(Checks.message("remote", type.getName() + "#" + instanceId,
                            "an instance not released yet"));
                }
            }
            List<String> types = new ArrayList<>();
            for (Class<?> p : method.getParameterTypes()) {
                types.add(p.getName());
            }
            List<Object> a = args == null ? List.of() : Arrays.asList(args);
            CompletableFuture<Object> answer = connection.call(callTimeout, Protocol.CALL, instanceId, type.getName(),
                    method.getName(), types, a);
            if (CompletionStage.class.isAssignableFrom(method.getReturnType())) {
                return answer;
            }
            try {
                return answer.get(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw e.getCause();
            } catch (TimeoutException e) {
                throw new PendingTimeoutException("remote call " + type.getSimpleName() + "." + method.getName()
                        + " got no answer within " + callTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventDrivenException("interrupted while waiting for remote call " + method.getName(), e);
            }
        }
    }
}
