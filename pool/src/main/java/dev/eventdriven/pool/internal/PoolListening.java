package dev.eventdriven.pool.internal;

import dev.eventdriven.Controller;
import dev.eventdriven.ForwardingPacket;
import dev.eventdriven.Listening;
import dev.eventdriven.internal.Checks;
import dev.eventdriven.internal.LoopController;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Listening for a pool. A pool listening to a controller is registered on that controller as one
 * dispatcher, so each forwarded event enters the pool once and one worker handles it. A queue
 * listening to a pool is registered on every worker, since every worker takes events.
 */
final class PoolListening {

    private PoolListening() {
    }

    static Listening listen(WorkerPool pool, Controller source, Collection<?> allow, String listeningName) {
        Checks.notNull("source", source);
        if (!(source instanceof LoopController lc)) {
            throw new IllegalArgumentException(Checks.message("source", source.getClass().getName(),
                    "a controller built by Controller.builder()"));
        }
        if (pool.workers().contains(source)) {
            throw new IllegalArgumentException(Checks.message("source", source.name(),
                    "a controller that is not a worker of pool '" + pool.name + "'"));
        }
        return lc.addListener(pool, allow, listeningName, "pool '" + pool.name + "'");
    }

    static Listening listenedBy(LoopController[] workers, BlockingQueue<? super ForwardingPacket> target,
                                Collection<?> allow, String listeningName) {
        List<Listening> all = new ArrayList<>(workers.length);
        try {
            for (LoopController w : workers) {
                all.add(w.listenedBy(target, allow, listeningName));
            }
        } catch (RuntimeException e) {
            all.forEach(Listening::close);
            throw e;
        }
        return new Listening() {
            @Override
            public String name() {
                return listeningName;
            }

            @Override
            public void close() {
                all.forEach(Listening::close);
            }
        };
    }
}
