package dev.eventdriven.topology;

import dev.eventdriven.Controller;
import dev.eventdriven.ControllerStats;
import dev.eventdriven.Dispatcher;
import dev.eventdriven.EventProcessor;
import dev.eventdriven.Listenable;
import dev.eventdriven.Listening;
import dev.eventdriven.adapter.Adapter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A snapshot of what is wired to what: controllers, pools and their workers, the adapters installed
 * in each (with what they {@linkplain Adapter#describe() describe}: a timer's interval, a child's
 * pid), other sources (a child process's {@code events()}), and the listenings between them with
 * their allow lists. Labels carry the state and counters at the time of {@link #of}; take a new
 * snapshot to see them move. Written as Mermaid ({@link #toMermaid()}) or Graphviz DOT
 * ({@link #toDot()}).
 *
 * <pre>{@code
 * Files.writeString(Path.of("topology.dot"), Topology.of(console, workers, stats).toDot());
 * }</pre>
 *
 * <p>A processor that is an {@code Iterable} of controllers (a {@code ControllerPool}) is drawn as a
 * group holding its workers. A fact of an adapter's description whose value is one of the parts
 * (a child process's {@code events()}) is drawn as a line from the adapter to it. A listener that is not among the parts is drawn as an outside node.
 * Taking a snapshot only reads (any thread); it is immutable and thread-safe.
 */
public final class Topology {

    /** What a node stands for (it decides its shape). */
    enum Kind {
        CONTROLLER, POOL, WORKER, ADAPTER, SOURCE, OUTSIDE
    }

    /** A box of the picture: its first line is the title. */
    record Node(String id, Kind kind, String title, List<String> lines, String group) {
    }

    /** A line of the picture: a listening (with a label) or an attachment (adapter, worker). */
    record Edge(String from, String to, String label, boolean listening) {
    }

    private final List<Node> nodes;
    private final List<Edge> edges;

    private Topology(List<Node> nodes, List<Edge> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
    }

    /**
     * Takes the snapshot of some parts of a program: controllers, pools and other listenable
     * sources. Any thread.
     *
     * @param parts what to draw, in the order given (each once)
     * @return the snapshot
     * @throws IllegalArgumentException if {@code parts} or one of them is {@code null}
     */
    public static Topology of(Listenable... parts) {
        if (parts == null) {
            throw new IllegalArgumentException("parts: null (expected: controllers, pools or other sources)");
        }
        List<Listenable> list = new ArrayList<>();
        for (Listenable p : parts) {
            if (p == null) {
                throw new IllegalArgumentException("parts: a null part (expected: controllers, pools or other sources)");
            }
            list.add(p);
        }
        return new Snapshot(list).take();
    }

    /**
     * The picture as a Mermaid flowchart ({@code flowchart LR}), to paste into a Markdown file whose
     * viewer renders Mermaid.
     *
     * @return the text
     */
    public String toMermaid() {
        return TopologyText.mermaid(nodes, edges);
    }

    /**
     * The picture as a Graphviz DOT digraph: {@code dot -Tpng topology.dot -o topology.png}.
     *
     * @return the text
     */
    public String toDot() {
        return TopologyText.dot(nodes, edges);
    }

    List<Node> nodes() {
        return nodes;
    }

    List<Edge> edges() {
        return edges;
    }

    /** @return the Mermaid text */
    @Override
    public String toString() {
        return toMermaid();
    }

    /** Reads the parts once. */
    private static final class Snapshot {
        private final List<Listenable> parts;
        private final Map<Object, String> ids = new IdentityHashMap<>();
        private final List<Node> nodes = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();
        /** Adapter id and a part its description names. */
        private final List<Object[]> links = new ArrayList<>();
        private int next;

        Snapshot(List<Listenable> parts) {
            this.parts = parts;
        }

        Topology take() {
            for (Listenable p : parts) {
                if (!ids.containsKey(p)) {
                    part(p);
                }
            }
            for (Object[] link : links) {
                edges.add(new Edge((String) link[0], ids.get(link[1]), null, false));
            }
            for (Listenable p : parts) {
                for (Listening l : p.listenings()) {
                    edges.add(new Edge(ids.get(p), targetId(l), label(l), true));
                }
            }
            return new Topology(nodes, edges);
        }

        private String newId(Object o) {
            String id = "n" + next++;
            if (o != null) {
                ids.put(o, id);
            }
            return id;
        }

        private void part(Listenable p) {
            if (!(p instanceof EventProcessor proc)) {
                String id = newId(p);
                nodes.add(new Node(id, Kind.SOURCE, "source '" + p.name() + "'", List.of(), null));
                return;
            }
            List<Controller> workers = workersOf(proc);
            String id = newId(proc);
            if (workers == null) {
                nodes.add(new Node(id, Kind.CONTROLLER, "controller '" + proc.name() + "'",
                        List.of(proc.state().name(), counters(proc.stats())), null));
            } else {
                nodes.add(new Node(id, Kind.POOL, "pool '" + proc.name() + "'", List.of(proc.state() + " · "
                        + workers.size() + " workers", counters(proc.stats())), id));
                for (Controller w : workers) {
                    String wid = newId(w);
                    ControllerStats s = w.stats();
                    nodes.add(new Node(wid, Kind.WORKER, w.name(), List.of(w.state() + " · handled " + s.handled()
                            + (s.failed() == 0 ? "" : " · failed " + s.failed())), id));
                    edges.add(new Edge(id, wid, null, false));
                }
            }
            for (Adapter a : proc.adapters().all()) {
                String aid = newId(a);
                List<String> lines = new ArrayList<>();
                a.describe().forEach((k, v) -> {
                    if (v instanceof Listenable l && parts.contains(l)) {
                        links.add(new Object[] {aid, l}); // drawn as a line to that part
                    } else {
                        lines.add(k + ": " + (v instanceof Listenable l ? l.name() : v));
                    }
                });
                nodes.add(new Node(aid, Kind.ADAPTER, a.name(), lines, null));
                edges.add(new Edge(id, aid, null, false));
            }
        }

        /** @return the workers of a pool, or {@code null} for a controller */
        private static List<Controller> workersOf(EventProcessor p) {
            if (p instanceof Controller || !(p instanceof Iterable<?> it)) {
                return null;
            }
            List<Controller> ws = new ArrayList<>();
            for (Object o : it) {
                if (o instanceof Controller c) {
                    ws.add(c);
                }
            }
            return ws;
        }

        private String targetId(Listening l) {
            Object target = l.target();
            String id = target == null ? null : ids.get(target);
            if (id != null) {
                return id;
            }
            String title = target instanceof Dispatcher d ? "'" + d.name() + "'" : "queue '" + l.name() + "'";
            id = newId(target);
            nodes.add(new Node(id, Kind.OUTSIDE, title, List.of(), null));
            return id;
        }

        private static String label(Listening l) {
            List<String> allowed = new ArrayList<>();
            for (Object id : l.allow()) {
                allowed.add(String.valueOf(id));
            }
            Collections.sort(allowed);
            StringJoiner j = new StringJoiner(", ", "[", "]");
            allowed.forEach(j::add);
            return l.name() + " " + j;
        }

        private static String counters(ControllerStats s) {
            StringBuilder b = new StringBuilder().append("queued ").append(s.queued()).append(" · handled ")
                    .append(s.handled()).append(" · failed ").append(s.failed());
            if (s.rejected() != 0) {
                b.append(" · rejected ").append(s.rejected());
            }
            if (s.dropped() != 0) {
                b.append(" · dropped ").append(s.dropped());
            }
            if (s.blocked() != 0) {
                b.append(" · blocked ").append(s.blocked());
            }
            return b.toString();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Topology t && nodes.equals(t.nodes) && edges.equals(t.edges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodes, edges);
    }
}
