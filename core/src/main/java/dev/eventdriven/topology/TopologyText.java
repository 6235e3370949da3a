package dev.eventdriven.topology;

import dev.eventdriven.topology.Topology.Edge;
import dev.eventdriven.topology.Topology.Kind;
import dev.eventdriven.topology.Topology.Node;
import java.util.ArrayList;
import java.util.List;

/** Writes a topology as Mermaid or Graphviz DOT text. */
final class TopologyText {

    private TopologyText() {
    }

    static String mermaid(List<Node> nodes, List<Edge> edges) {
        StringBuilder b = new StringBuilder("flowchart LR\n");
        for (Node n : nodes) {
            if (n.kind() == Kind.WORKER) {
                continue; // inside its pool's subgraph
            }
            if (n.kind() == Kind.POOL) {
                b.append("  subgraph ").append(n.id()).append(" [\"").append(mermaidText(n)).append("\"]\n");
                b.append("    direction TB\n");
                for (Node w : nodes) {
                    if (w.kind() == Kind.WORKER && n.id().equals(w.group())) {
                        b.append("    ").append(w.id()).append(mermaidShape(w)).append('\n');
                    }
                }
                b.append("  end\n");
            } else {
                b.append("  ").append(n.id()).append(mermaidShape(n)).append('\n');
            }
        }
        for (Edge e : edges) {
            if (!e.listening() && isWorkerEdge(nodes, e)) {
                continue; // the subgraph says it
            }
            b.append("  ").append(e.from());
            if (e.listening()) {
                b.append(" -->|\"").append(mermaidEscape(e.label())).append("\"| ");
            } else {
                b.append(" -.- ");
            }
            b.append(e.to()).append('\n');
        }
        return b.toString();
    }

    private static boolean isWorkerEdge(List<Node> nodes, Edge e) {
        return nodes.stream().anyMatch(n -> n.id().equals(e.to()) && n.kind() == Kind.WORKER);
    }

    private static String mermaidShape(Node n) {
        String text = "\"" + mermaidText(n) + "\"";
        return switch (n.kind()) {
            case ADAPTER -> "[[" + text + "]]";
            case SOURCE -> "([" + text + "])";
            case OUTSIDE -> ">" + text + "]";
            default -> "[" + text + "]";
        };
    }

    private static String mermaidText(Node n) {
        List<String> all = lines(n);
        List<String> escaped = new ArrayList<>();
        for (String l : all) {
            escaped.add(mermaidEscape(l));
        }
        return String.join("<br/>", escaped);
    }

    private static String mermaidEscape(String s) {
        return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    static String dot(List<Node> nodes, List<Edge> edges) {
        StringBuilder b = new StringBuilder("digraph eventdriven {\n");
        b.append("  rankdir=LR;\n");
        b.append("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
        b.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (Node n : nodes) {
            if (n.kind() == Kind.WORKER) {
                continue;
            }
            if (n.kind() == Kind.POOL) {
                b.append("  subgraph cluster_").append(n.id()).append(" {\n");
                b.append("    style=\"rounded,dashed\"; label=\"\";\n");
                b.append("    ").append(dotNode(n)).append('\n');
                for (Node w : nodes) {
                    if (w.kind() == Kind.WORKER && n.id().equals(w.group())) {
                        b.append("    ").append(dotNode(w)).append('\n');
                    }
                }
                b.append("  }\n");
            } else {
                b.append("  ").append(dotNode(n)).append('\n');
            }
        }
        for (Edge e : edges) {
            b.append("  ").append(e.from()).append(" -> ").append(e.to());
            if (e.listening()) {
                b.append(" [label=\"").append(dotEscape(e.label())).append("\"]");
            } else {
                b.append(" [style=dashed, arrowhead=none]");
            }
            b.append(";\n");
        }
        return b.append("}\n").toString();
    }

    private static String dotNode(Node n) {
        String attrs = switch (n.kind()) {
            case POOL -> ", style=\"rounded,bold\"";
            case WORKER -> ", style=\"rounded,filled\", fillcolor=\"#eeeeee\"";
            case ADAPTER -> ", shape=component, style=solid";
            case SOURCE -> ", shape=ellipse, style=solid";
            case OUTSIDE -> ", shape=cds, style=solid";
            default -> "";
        };
        List<String> escaped = new ArrayList<>();
        for (String l : lines(n)) {
            escaped.add(dotEscape(l));
        }
        return n.id() + " [label=\"" + String.join("\\n", escaped) + "\"" + attrs + "];";
    }

    private static String dotEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static List<String> lines(Node n) {
        List<String> all = new ArrayList<>();
        all.add(n.title());
        all.addAll(n.lines());
        return all;
    }
}
