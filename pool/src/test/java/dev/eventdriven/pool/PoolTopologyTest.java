package dev.eventdriven.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import dev.eventdriven.topology.Topology;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pool in a topology is a group holding its workers; a listening on the pool (registered on every
 * worker) is drawn once, from the pool.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolTopologyTest {

    @Test
    void aPoolIsAGroupOfItsWorkersAndItsListeningsAreDrawnOnce() {
        ControllerPool pool = ControllerPool.builder("workers").size(2).on("job", s -> 1).build();
        Controller stats = Controller.builder("stats").build();
        stats.listen(pool, List.of("job"), "jobs");

        Topology t = Topology.of(stats, pool);

        assertEquals("""
                flowchart LR
                  n0["controller 'stats'<br/>NEW<br/>queued 0 · handled 0 · failed 0"]
                  subgraph n1 ["pool 'workers'<br/>NEW · 2 workers<br/>queued 0 · handled 0 · failed 0"]
                    direction TB
                    n2["workers-worker-0<br/>NEW · handled 0"]
                    n3["workers-worker-1<br/>NEW · handled 0"]
                  end
                  n1 -->|"jobs [job]"| n0
                """, t.toMermaid());
        String dot = t.toDot();
        assertTrue(dot.contains("  subgraph cluster_n1 {\n"), dot);
        assertTrue(dot.contains("    n2 [label=\"workers-worker-0\\nNEW · handled 0\", style=\"rounded,filled\""), dot);
        assertTrue(dot.contains("  n1 -> n2 [style=dashed, arrowhead=none];\n"), dot);
        assertTrue(dot.contains("  n1 -> n0 [label=\"jobs [job]\"];\n"), dot);
    }
}
