package dev.eventdriven.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.RemoteHandlerException;
import dev.eventdriven.subprocess.testkit.ChildHandlers;
import dev.eventdriven.subprocess.testkit.Counter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Objects created inside the child and used from the parent through a proxy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class RemoteInstanceTest {

    private Controller parent;
    private Subprocess sub;

    @BeforeAll
    void start() {
        sub = Subprocess.builder(ChildHandlers.class).build();
        parent = Controller.builder("remote").adapter(sub).build();
        parent.run();
    }

    @AfterAll
    void stop() {
        parent.shutdown();
        assertTrue(parent.awaitTermination(Duration.ofSeconds(10)));
    }

    @Test
    void callsRunInTheChildAndKeepTheInstancesState() {
        Counter c = sub.newRemote(Counter.class, Counter.Impl.class.getName(), 10);
        assertEquals(15, c.add(5));
        assertEquals(18, c.add(3));
        assertNotEquals(ProcessHandle.current().pid(), c.pid());
        assertEquals(sub.pid(), c.pid());
    }

    @Test
    void aMethodReturningAStageCompletesItLater() throws Exception {
        Counter c = sub.newRemote(Counter.class, Counter.Impl.class.getName(), 7);
        assertEquals(7L, c.totalLater().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    void anExceptionInTheChildIsThrownAsARemoteException() {
        Counter c = sub.newRemote(Counter.class, Counter.Impl.class.getName(), 0);
        RemoteHandlerException e = assertThrows(RemoteHandlerException.class, () -> c.explode("nope"));
        assertEquals(UnsupportedOperationException.class.getName(), e.remoteClassName());
        assertEquals("nope", e.remoteMessage());
    }

    @Test
    void aReleasedInstanceRefusesCalls() {
        Counter c = sub.newRemote(Counter.class, Counter.Impl.class.getName(), 0);
        assertTrue(sub.release(c));
        assertFalse(sub.release(c));
        assertThrows(IllegalStateException.class, () -> c.add(1));
    }

    @Test
    void aClassTheChildCannotCreateFailsClearly() {
        RemoteHandlerException e = assertThrows(RemoteHandlerException.class,
                () -> sub.newRemote(Counter.class, "no.such.Clazz"));
        assertEquals(ClassNotFoundException.class.getName(), e.remoteClassName());
        assertThrows(RemoteHandlerException.class,
                () -> sub.newRemote(Counter.class, Counter.Impl.class.getName(), "not an int"));
        assertThrows(IllegalArgumentException.class, () -> sub.newRemote(Counter.Impl.class, "x"));
    }
}
