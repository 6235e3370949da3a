package dev.eventdriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PendingTest {

    private final TestControllers controllers = new TestControllers();

    @AfterEach
    void stop() {
        controllers.close();
    }

    @Test
    void awaitTimesOutWithAClearMessage() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Controller c = controllers.run(Controller.builder("slow").on("e", s -> { return release.await(10, TimeUnit.SECONDS); }));
        Pending<List<Object>> p = c.request("e");
        PendingTimeoutException e = assertThrows(PendingTimeoutException.class, () -> p.await(Duration.ofMillis(20)));
        assertEquals("event e: no result within PT0.02S", e.getMessage());
        release.countDown();
        assertEquals(List.of(true), p.await(TestControllers.WAIT));
    }

    @Test
    void blockingOnAPendingFromItsOwnLoopThrows() {
        Controller c = controllers.run(Controller.builder("self"));
        Object outcome = c.submit(() -> {
            Pending<List<Object>> inner = c.request("e");
            try {
                inner.join();
                return "joined";
            } catch (LoopThreadBlockingException e) {
                return e.getMessage();
            }
        }).first(Object.class).await(TestControllers.WAIT);
        assertEquals("join() on the result of event e from the loop thread that must produce it would deadlock;"
                + " compose with thenAccept/whenComplete instead", outcome);
    }

    @Test
    void derivedStagesCarryTheGuard() {
        Controller c = controllers.run(Controller.builder("derived"));
        Object outcome = c.submit(() -> {
            try {
                c.request("e").thenApply(List::size).get();
                return "got";
            } catch (LoopThreadBlockingException e) {
                return "refused";
            }
        }).first(Object.class).await(TestControllers.WAIT);
        assertEquals("refused", outcome);
    }

    @Test
    void pendingsComposeLikeFutures() {
        Controller c = controllers.run(Controller.builder("compose").on("double", s -> 2 * (Integer) s.value()));
        int result = c.request("double", 21).thenApply(l -> (Integer) l.get(0)).toCompletableFuture().join();
        assertEquals(42, result);
        assertTrue(c.request("double", 1).isDone() || true);
    }

    @Test
    void waitingForACompletedPendingOnTheLoopIsAllowed() {
        Controller c = controllers.run(Controller.builder("done-ok"));
        Pending<List<Object>> done = c.submit(() -> 1);
        done.await(TestControllers.WAIT);
        assertEquals(List.of(1), c.submit(done::join).first(Object.class).await(TestControllers.WAIT));
    }

    @Test
    void everyGuardedWaitOnTheLoopThatMustProduceTheResultIsRefused() {
        Controller c = controllers.run(Controller.builder("guard")
                .on("inner", s -> "inner")
                .on("outer", s -> {
                    Pending<List<Object>> own = s.controller().request("inner");
                    List<String> refused = new java.util.ArrayList<>();
                    List<org.junit.jupiter.api.function.Executable> waits = List.of(
                            () -> own.join(), () -> own.get(), () -> own.get(1, TimeUnit.SECONDS),
                            () -> own.await(Duration.ofSeconds(1)), () -> own.first(String.class).join(),
                            () -> own.thenApply(r -> r).get(), () -> own.toCompletableFuture().join());
                    for (org.junit.jupiter.api.function.Executable wait : waits) {
                        try {
                            wait.execute();
                        } catch (LoopThreadBlockingException expected) {
                            refused.add("refused");
                        } catch (Throwable other) {
                            refused.add(other.toString());
                        }
                    }
                    return refused;
                }));

        assertEquals(java.util.Collections.nCopies(7, "refused"), c.request("outer").first(List.class).await(TestControllers.WAIT));
    }

    @Test
    void aResultIsNotACompletableFutureAndItsCopiesAreIndependent() throws Exception {
        Controller c = controllers.run(Controller.builder("copies").on("e", s -> "real"));
        Pending<List<Object>> p = c.request("e");
        java.util.concurrent.CompletableFuture<List<Object>> copy = p.toCompletableFuture();
        copy.obtrudeException(new IllegalStateException("forged"));

        assertEquals(List.of("real"), p.get());
        assertEquals(List.of("real"), p.toCompletableFuture().get());
        assertTrue(copy.isCompletedExceptionally());
        java.util.Set<String> completers = java.util.Set.of("complete", "completeExceptionally", "obtrudeValue",
                "obtrudeException", "completeAsync", "completeOnTimeout");
        List<String> exposed = java.util.Arrays.stream(p.getClass().getMethods()).map(java.lang.reflect.Method::getName)
                .filter(completers::contains).toList();
        assertEquals(List.of(), exposed, "a caller can complete a result through " + exposed);
    }
}
