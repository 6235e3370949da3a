package dev.eventdriven.pool.internal;

import dev.eventdriven.Listening;
import dev.eventdriven.internal.LoopController;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Listening to a pool: the listener (a dispatcher or a queue) is registered on every worker, since
 * every worker takes events, and the packets name the pool as their source. A pool listening to a
 * source is registered on that source as one dispatcher, so each forwarded event enters the pool
 * once and one worker handles it.
 */
final class PoolListening {

    private PoolListening() {
    }

    static Listening onEveryWorker(LoopController[] workers, Object target, Collection<?> allow, String listeningName,
                                   String poolName) {
        List<Listening> all = new ArrayList<>(workers.length);
        try {
            for (LoopController w : workers) {
                all.add(w.listenedBy(target, allow, listeningName, poolName));
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
