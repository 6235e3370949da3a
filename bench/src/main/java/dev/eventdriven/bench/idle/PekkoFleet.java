package dev.eventdriven.bench.idle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Idle Pekko typed actors (the W7 peer): a guardian spawns them in batches on request; each is an
 * actor that would answer any message with the same behaviour. The check is that every one was
 * spawned (the guardian counts its children).
 */
final class PekkoFleet implements IdleFleet {

    private static final int BATCH = 10_000;

    /** Spawns a batch and says how many children the guardian has then. */
    private record Spawn(int n, CompletableFuture<Integer> done) {
    }

    private static final Behavior<Object> IDLE = Behaviors.receiveMessage(m -> Behaviors.same());

    private final int count;
    private final ActorSystem<Spawn> system;
    private int spawned;

    PekkoFleet(int count) {
        this.count = count;
        Behavior<Spawn> guardian = Behaviors.setup(ctx -> Behaviors.receive(Spawn.class)
                .onMessage(Spawn.class, m -> {
                    for (int i = 0; i < m.n(); i++) {
                        ctx.spawnAnonymous(IDLE);
                    }
                    int children = 0;
                    for (Object ignored : ctx.getChildren()) {
                        children++;
                    }
                    m.done().complete(children);
                    return Behaviors.same();
                }).build());
        system = ActorSystem.create(guardian, "w7");
    }

    @Override
    public int fill(double heapShare) {
        while (spawned < count) {
            if (spawned > 0 && IdleFleet.heapAbove(heapShare)
                    && IdleFleet.heapUsedAfterGc() > heapShare * Runtime.getRuntime().maxMemory()) {
                break;
            }
            int n = Math.min(BATCH, count - spawned);
            CompletableFuture<Integer> done = new CompletableFuture<>();
            system.tell(new Spawn(n, done));
            int children = done.orTimeout(60, TimeUnit.SECONDS).join();
            spawned += n;
            if (children != spawned) {
                throw new IllegalStateException("the guardian has " + children + " children (expected: " + spawned
                        + ")");
            }
        }
        return spawned;
    }

    @Override
    public void verifyAndStop() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
    }
}
