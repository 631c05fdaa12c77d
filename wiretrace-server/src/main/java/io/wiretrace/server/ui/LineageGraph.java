package io.wiretrace.server.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.nodes.Entities;

/**
 * A story's lineage as SVG: originals on the left, each copy one column to the right of the
 * deepest article it copies (so copy-of-copy chains read left to right), articles in a column by
 * publication time then id. Every edge is drawn original → copy with its kind and delay. The
 * layout is a pure function of the nodes and edges: same story, same picture.
 *
 * <p>No inline styles (the UI's CSP forbids them): everything is classes the stylesheet colours.
 */
public final class LineageGraph {
  private LineageGraph() {}

  /** An article in the graph. {@code sortKey} orders a column (publication time, then id). */
  public record Node(String id, String label, String when, String sortKey, String href) {}

  /** A copy relation: {@code copy} copies {@code original}; {@code delay} as the UI prints it. */
  public record Edge(String copy, String original, String kind, String delay) {}

  static final int COL = 410;
  static final int ROW = 66;
  static final int BOX_W = 214;
  static final int BOX_H = 46;
  static final int PAD = 8;

  /** The SVG, or an empty string when there are no edges. */
  public static String svg(List<Node> nodes, List<Edge> edges) {
    if (edges.isEmpty()) {
      return "";
    }
    Map<String, Node> byId = new TreeMap<>();
    for (Node n : nodes) {
      byId.put(n.id(), n);
    }
    Map<String, List<String>> originalsOf = new TreeMap<>();
    TreeSet<String> inGraph = new TreeSet<>();
    for (Edge e : edges) {
      originalsOf.computeIfAbsent(e.copy(), k -> new ArrayList<>()).add(e.original());
      inGraph.add(e.copy());
      inGraph.add(e.original());
    }
    Map<String, Integer> depth = new HashMap<>();
    for (String id : inGraph) {
      depth(id, originalsOf, depth, new TreeSet<>());
    }
    Map<Integer, List<String>> columns = new TreeMap<>();
    for (String id : inGraph) {
      columns.computeIfAbsent(depth.get(id), k -> new ArrayList<>()).add(id);
    }
    Comparator<String> order = Comparator.comparing((String id) -> byId.containsKey(id) ? byId.get(id).sortKey() : "\uffff")
        .thenComparing(id -> id);
    Map<String, int[]> pos = new HashMap<>();
    int rows = 0;
    for (Map.Entry<Integer, List<String>> c : columns.entrySet()) {
      List<String> col = c.getValue();
      col.sort(order);
      for (int i = 0; i < col.size(); i++) {
        pos.put(col.get(i), new int[] {PAD + c.getKey() * COL, PAD + i * ROW});
      }
      rows = Math.max(rows, col.size());
    }
    int width = PAD * 2 + (columns.size() - 1) * COL + BOX_W;
    int height = PAD * 2 + (rows - 1) * ROW + BOX_H;
    StringBuilder s = new StringBuilder(4096);
    s.append("<svg class=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-labelledby=\"lineage-title\"><title id=\"lineage-title\">Lineage: ").append(edges.size())
        .append(edges.size() == 1 ? " copy relation" : " copy relations").append(", originals on the left</title>")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
            + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>");
    List<Edge> sorted = new ArrayList<>(edges);
    sorted.sort(Comparator.comparing(Edge::original).thenComparing(Edge::copy));
    for (Edge e : sorted) {
      int[] a = pos.get(e.original());
      int[] b = pos.get(e.copy());
      int x1 = a[0] + BOX_W;
      int y1 = a[1] + BOX_H / 2;
      int x2 = b[0];
      int y2 = b[1] + BOX_H / 2;
      if (x2 <= x1) { // same column cannot happen (depth), but stay safe
        x2 = x1 + 40;
      }
      int mx = (x1 + x2) / 2;
      s.append("<g class=\"edge kind-").append(cls(e.kind())).append("\" data-copy=\"").append(esc(e.copy()))
          .append("\" data-original=\"").append(esc(e.original())).append("\" data-kind=\"").append(esc(e.kind())).append("\">")
          .append("<title>").append(esc(label(byId, e.copy()))).append(" copies ").append(esc(label(byId, e.original())))
          .append(" (").append(esc(e.kind().replace('_', ' '))).append(", ").append(esc(e.delay())).append(")</title>")
          .append("<path d=\"M").append(x1).append(',').append(y1).append(" C").append(mx).append(',').append(y1).append(' ')
          .append(mx).append(',').append(y2).append(' ').append(x2).append(',').append(y2).append("\" marker-end=\"url(#arrow)\"/>");
      int lx = x2 - 10;
      int ly = y2 - 7;
      s.append("<text x=\"").append(lx).append("\" y=\"").append(ly).append("\" text-anchor=\"end\">")
          .append(esc(e.kind().replace('_', ' '))).append(" · ").append(esc(e.delay())).append("</text></g>");
    }
    for (String id : inGraph) {
      int[] p = pos.get(id);
      Node n = byId.get(id);
      String label = n == null ? id : n.label();
      String when = n == null ? "" : n.when();
      boolean root = depth.get(id) == 0;
      String body = "<rect x=\"" + p[0] + "\" y=\"" + p[1] + "\" width=\"" + BOX_W + "\" height=\"" + BOX_H + "\" rx=\"6\"/>"
          + "<text x=\"" + (p[0] + 10) + "\" y=\"" + (p[1] + 19) + "\" class=\"who\">" + esc(clip(label, 27)) + "</text>"
          + "<text x=\"" + (p[0] + 10) + "\" y=\"" + (p[1] + 37) + "\" class=\"when\">" + esc(clip(when, 34)) + "</text>";
      s.append("<g class=\"node").append(root ? " root" : "").append("\" data-id=\"").append(esc(id)).append("\">");
      if (n != null && n.href() != null) {
        s.append("<a href=\"").append(esc(n.href())).append("\"><title>").append(esc(label)).append(" · ").append(esc(id))
            .append("</title>").append(body).append("</a>");
      } else {
        s.append(body);
      }
      s.append("</g>");
    }
    s.append("</svg>");
    return s.toString();
  }

  private static int depth(String id, Map<String, List<String>> originalsOf, Map<String, Integer> memo, TreeSet<String> onPath) {
    Integer d = memo.get(id);
    if (d != null) {
      return d;
    }
    if (!onPath.add(id)) {
      return 0; // a cycle (should not happen: lineage is acyclic); break it here
    }
    int best = 0;
    for (String o : originalsOf.getOrDefault(id, List.of())) {
      best = Math.max(best, depth(o, originalsOf, memo, onPath) + 1);
    }
    onPath.remove(id);
    memo.put(id, best);
    return best;
  }

  private static String label(Map<String, Node> byId, String id) {
    Node n = byId.get(id);
    return n == null ? id : n.label();
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String cls(String kind) {
    return kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }
}
