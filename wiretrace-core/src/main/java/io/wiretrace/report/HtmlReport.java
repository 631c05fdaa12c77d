package io.wiretrace.report;

import io.wiretrace.model.Article;
import io.wiretrace.model.Evidence;
import io.wiretrace.model.Rejection;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Removed;
import io.wiretrace.model.Span;
import io.wiretrace.model.Story;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.wiretrace.text.Tokens;
import org.jsoup.nodes.Entities;

/**
 * Renders report.html. Pure function of its inputs: same records, same bytes. No scripts, no
 * external resources: the page works offline and from a file.
 */
public final class HtmlReport {
  private HtmlReport() {}

  private static final String CSS = """
      body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
      header{background:#14213d;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}
      header p{margin:4px 0 0;color:#c9d3e6}main{padding:12px 28px 40px;max-width:1280px}
      .storyline{border-left:4px solid #fca311;padding-left:14px;margin:26px 0}
      .storyline>h2{font-size:14px;text-transform:uppercase;letter-spacing:.06em;color:#7a5a00;margin:0 0 6px}
      .story{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:14px 18px;margin:12px 0}
      .story h3{margin:0 0 8px;font-size:18px}.meta{color:#5b6573;font-size:13px}
      table{border-collapse:collapse;width:100%;margin-top:8px}td,th{text-align:left;padding:5px 8px;border-top:1px solid #eef0f3;vertical-align:top;font-size:14px}
      th{font-size:12px;color:#5b6573;text-transform:uppercase;letter-spacing:.04em}
      .tag{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600}
      .original{background:#e3f4e8;color:#1b6b34}.copy{background:#fde8e8;color:#9b1c1c}
      details{margin:8px 0}summary{cursor:pointer;color:#14213d;font-weight:600}
      .pair{display:grid;grid-template-columns:1fr 1fr;gap:14px;margin-top:8px}
      .pair>div{background:#fbfbfc;border:1px solid #e4e7eb;border-radius:6px;padding:10px 12px;white-space:pre-wrap;font-size:13.5px;max-height:560px;overflow:auto}
      .pair h4{margin:0 0 6px;font-size:13px;color:#5b6573;white-space:normal}
      mark{background:#ffe08a;padding:0}mark.sub{background:#f7a8a8;text-decoration:underline dotted}
      .legend{font-size:12px;color:#5b6573;margin-top:6px}.removed li{font-size:13px;color:#5b6573}.reason{font-family:ui-monospace,monospace;font-size:12px;color:#7a5a00}
      code{font-family:ui-monospace,monospace;font-size:12.5px}
      """;

  /** Renders the report. */
  public static String render(List<Article> articles, List<Relation> relations, List<Story> stories, List<Rejection> rejected) {
    return render(articles, relations, stories, rejected, List.of());
  }

  /** Renders the report with each story's synthesis (summary, timeline, people, quotes, lineage). */
  public static String render(List<Article> articles, List<Relation> relations, List<Story> stories, List<Rejection> rejected,
      List<io.wiretrace.model.Synthesis> syntheses) {
    Map<String, io.wiretrace.model.Synthesis> synthesisOf = new HashMap<>();
    for (io.wiretrace.model.Synthesis sy : syntheses) {
      synthesisOf.put(sy.story(), sy);
    }
    Map<String, Article> byId = new HashMap<>();
    for (Article a : articles) {
      byId.put(a.id(), a);
    }
    Map<String, List<Relation>> copiesOf = new HashMap<>();
    for (Relation r : relations) {
      copiesOf.computeIfAbsent(r.copy(), k -> new ArrayList<>()).add(r);
    }
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>wiretrace report</title><style>")
        .append(CSS).append("</style></head><body>\n<header><h1>wiretrace report</h1><p>")
        .append(articles.size()).append(" articles · ").append(stories.size()).append(" stories · ")
        .append(relations.size()).append(" copy relations · ").append(rejected.size()).append(" rejected inputs</p></header>\n<main>\n");
    Map<String, List<Story>> lines = new LinkedHashMap<>();
    for (Story s : stories) {
      lines.computeIfAbsent(s.storyline(), k -> new ArrayList<>()).add(s);
    }
    for (Map.Entry<String, List<Story>> line : lines.entrySet()) {
      h.append("<section class=\"storyline\"><h2>Storyline ").append(esc(line.getKey())).append(" · ")
          .append(line.getValue().size()).append(line.getValue().size() == 1 ? " story" : " stories").append("</h2>\n");
      for (Story st : line.getValue()) {
        if (st.storylineEvidence() != null) {
          h.append("<div class=\"meta\">").append(esc(st.id())).append(" joined this storyline at similarity ")
              .append(String.format(Locale.ROOT, "%.2f", st.storylineEvidence().similarity())).append(": ")
              .append(esc(String.join(", ", st.storylineEvidence().terms()))).append("</div>\n");
        }
      }
      for (Story s : line.getValue()) {
        story(h, s, byId, copiesOf, synthesisOf.get(s.id()));
      }
      h.append("</section>\n");
    }
    if (!rejected.isEmpty()) {
      h.append("<section class=\"story\"><h3>Rejected inputs</h3><table><tr><th>input</th><th>reason</th></tr>");
      for (Rejection r : rejected) {
        h.append("<tr><td><code>").append(esc(r.input())).append("</code></td><td>").append(esc(r.reason())).append("</td></tr>");
      }
      h.append("</table></section>\n");
    }
    h.append("</main></body></html>\n");
    return h.toString();
  }

  private static void synthesis(StringBuilder h, io.wiretrace.model.Synthesis sy, Map<String, Article> byId) {
    h.append("<div class=\"meta\"><b>").append(sy.independent()).append(sy.independent() == 1 ? " independent report" : " independent reports")
        .append("</b> · ").append(sy.echoes()).append(sy.echoes() == 1 ? " echo" : " echoes")
        .append(" (reprints and rewrites, not counted as corroboration)</div>\n");
    if (!sy.summary().isEmpty()) {
      h.append("<h4>Summary</h4><ol class=\"summary\">");
      for (var s : sy.summary()) {
        h.append("<li>").append(esc(s.text())).append(" <span class=\"meta\">— ").append(esc(nz(s.outlet(), s.article())))
            .append(s.sources() > 1 ? " · in " + s.sources() + " independent reports" : "").append("</span></li>");
      }
      h.append("</ol>\n");
    }
    Map<String, String> names = new HashMap<>();
    for (var e : sy.entities()) {
      names.put(e.id(), e.name());
      for (String alias : e.aliases()) {
        names.put(alias, e.name());
      }
    }
    if (!sy.timeline().isEmpty()) {
      h.append("<h4>Timeline</h4><table><tr><th>date</th><th>event</th><th>actors</th><th>reported by</th></tr>");
      for (var e : sy.timeline()) {
        h.append("<tr><td>").append(esc(e.date())).append("</td><td>").append(esc(e.text())).append("</td><td>")
            .append(esc(String.join(", ", e.actors().stream().map(id -> names.getOrDefault(id, id)).toList()))).append("</td><td>");
        for (String a : e.articles()) {
          h.append(esc(nz(byId.get(a).outlet(), a))).append("<br>");
        }
        h.append("</td></tr>");
      }
      h.append("</table>\n");
    }
    if (!sy.entities().isEmpty()) {
      h.append("<h4>People, organizations, places</h4><p>");
      int shown = 0;
      for (var e : sy.entities()) {
        if (shown++ == 20) {
          break;
        }
        h.append("<span class=\"tag\">").append(esc(e.type().substring(0, 3).toLowerCase(Locale.ROOT))).append("</span> ")
            .append(esc(e.name())).append(" <span class=\"meta\">(").append(e.articles().size()).append(" art., ")
            .append(e.mentions()).append(" mentions)</span> &nbsp; ");
      }
      h.append("</p>\n");
    }
    if (!sy.quotes().isEmpty()) {
      h.append("<h4>Quotes</h4><ul class=\"quotes\">");
      for (var q : sy.quotes()) {
        String who = nz(q.speaker(), "unattributed");
        String resolved = q.speakerEntity() == null ? null : names.get(q.speakerEntity());
        if (resolved != null && !who.contains(resolved)) {
          who += " (" + resolved + ")";
        }
        h.append("<li>“").append(esc(q.text())).append("” <span class=\"meta\">— ").append(esc(who))
            .append(" · first in ").append(esc(nz(byId.get(q.first()).outlet(), q.first()))).append("</span>");
        for (var v : q.variants()) {
          if (v.drift()) {
            h.append("<br><span class=\"tag copy\">drift</span> <code>").append(esc(v.article())).append("</code>: “")
                .append(esc(v.text())).append("” <span class=\"meta\">").append(esc(v.diff())).append("</span>");
          }
        }
        h.append("</li>");
      }
      h.append("</ul>\n");
    }
    if (!sy.lineage().isEmpty()) {
      h.append("<h4>Lineage</h4><ul>");
      for (var e : sy.lineage()) {
        h.append("<li><code>").append(esc(e.original())).append("</code> → <code>").append(esc(e.copy())).append("</code> <span class=\"tag copy\">")
            .append(esc(e.kind().replace('_', ' '))).append("</span></li>");
      }
      h.append("</ul>\n");
    }
  }

  private static void story(StringBuilder h, Story s, Map<String, Article> byId, Map<String, List<Relation>> copiesOf,
      io.wiretrace.model.Synthesis sy) {
    int copies = s.articles().size() - s.originals().size();
    h.append("<article class=\"story\" id=\"").append(esc(s.id())).append("\"><h3>").append(esc(nz(s.title(), "(untitled)")))
        .append("</h3><div class=\"meta\">").append(esc(s.id())).append(" · ").append(s.articles().size()).append(" articles · ")
        .append(s.originals().size()).append(" original").append(s.originals().size() == 1 ? "" : "s").append(" · ")
        .append(copies).append(copies == 1 ? " copy" : " copies").append("</div>\n");
    if (sy != null) {
      synthesis(h, sy, byId);
    }
    h.append("<h4>Articles</h4><table><tr><th>published</th><th>outlet</th><th>title</th><th>role</th></tr>");
    for (String id : s.articles()) {
      Article a = byId.get(id);
      h.append("<tr><td>").append(esc(nz(a.published(), "—"))).append("</td><td>").append(esc(nz(a.outlet(), "—")))
          .append("</td><td>").append(esc(nz(a.title(), "(untitled)"))).append("<br><code>").append(esc(a.id())).append("</code></td><td>");
      List<Relation> rs = copiesOf.get(id);
      Story.Membership why = s.members().stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
      if (rs == null) {
        h.append("<span class=\"tag original\">original</span>");
        if (why != null && why.via().equals("similarity")) {
          h.append("<br><span class=\"meta\">joined the story at similarity ").append(String.format(Locale.ROOT, "%.2f", why.similarity()))
              .append(": ").append(esc(String.join(", ", why.terms()))).append("</span>");
        }
      } else {
        for (Relation r : rs) {
          h.append("<span class=\"tag copy\">").append(esc(r.kind().replace('_', ' '))).append("</span> of <code>")
              .append(esc(r.original())).append("</code><br><span class=\"meta\">coverage ")
              .append(pct(r.coverage())).append(", Jaccard ").append(pct(r.score())).append(", original by ")
              .append(esc(r.directionBasis())).append("</span><br>");
        }
      }
      h.append("</td></tr>");
    }
    h.append("</table>\n");
    for (String id : s.articles()) {
      for (Relation r : copiesOf.getOrDefault(id, List.of())) {
        Article copy = byId.get(r.copy());
        Article orig = byId.get(r.original());
        h.append("<details><summary>").append(esc(r.kind().replace('_', ' '))).append(": <code>").append(esc(copy.id()))
            .append("</code> ← <code>").append(esc(orig.id())).append("</code> (").append(r.evidence().size())
            .append(r.evidence().size() == 1 ? " passage" : " passages").append(")</summary><div class=\"pair\"><div><h4>copy · ")
            .append(esc(nz(copy.outlet(), copy.id()))).append(" · ").append(esc(nz(copy.published(), "undated"))).append("</h4>")
            .append(highlight(copy.text(), orig.text(), r.evidence(), true)).append("</div><div><h4>original · ")
            .append(esc(nz(orig.outlet(), orig.id()))).append(" · ").append(esc(nz(orig.published(), "undated"))).append("</h4>")
            .append(highlight(orig.text(), copy.text(), r.evidence(), false)).append("</div></div>")
            .append("<div class=\"legend\"><mark>aligned text</mark> · <mark class=\"sub\">changed words inside an aligned passage</mark>")
            .append(signals(r)).append("</div>");
        removedList(h, copy);
        h.append("</details>\n");
      }
    }
    h.append("</article>\n");
  }

  private static void removedList(StringBuilder h, Article a) {
    if (a.removed().isEmpty()) {
      return;
    }
    h.append("<div class=\"removed\"><span class=\"meta\">Residue removed from the copy:</span><ul>");
    for (Removed r : a.removed()) {
      h.append("<li><span class=\"reason\">").append(esc(r.reason())).append("</span> ").append(esc(r.text())).append("</li>");
    }
    h.append("</ul></div>");
  }

  private static String signals(Relation r) {
    if (r.signals().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" · signals: ");
    boolean first = true;
    for (Map.Entry<String, Double> e : r.signals().entrySet()) {
      sb.append(first ? "" : ", ").append(esc(e.getKey().replace('_', ' '))).append(' ')
          .append(e.getValue() == Math.rint(e.getValue()) ? String.valueOf(e.getValue().longValue()) : String.format(Locale.ROOT, "%.2f", e.getValue()));
      first = false;
    }
    return sb.toString();
  }

  /**
   * One side of a copy/original pair: aligned passages in {@code <mark>}, and inside each passage the
   * words that differ from the other side (a token-level longest-common-subsequence diff) in
   * {@code <mark class="sub">}, so synonym swaps and edits stand out.
   */
  static String highlight(String text, String other, List<Evidence> evidence, boolean copySide) {
    List<Evidence> sorted = new ArrayList<>(evidence);
    sorted.sort(Comparator.comparingInt((Evidence e) -> (copySide ? e.copy() : e.original()).start()));
    StringBuilder out = new StringBuilder(text.length() + 64);
    int pos = 0;
    for (Evidence e : sorted) {
      Span mine = copySide ? e.copy() : e.original();
      Span theirs = copySide ? e.original() : e.copy();
      int start = Math.max(pos, Math.min(mine.start(), text.length()));
      int end = Math.min(mine.end(), text.length());
      if (end <= start) {
        continue;
      }
      out.append(esc(text.substring(pos, start))).append("<mark>");
      String a = text.substring(start, end);
      String b = other.substring(Math.min(theirs.start(), other.length()), Math.min(theirs.end(), other.length()));
      out.append(diffMarked(a, b)).append("</mark>");
      pos = end;
    }
    out.append(esc(text.substring(pos)));
    return out.toString();
  }

  /** {@code a} escaped, with its tokens that are not in the LCS with {@code b} wrapped as changed. */
  private static String diffMarked(String a, String b) {
    Tokens ta = Tokens.of(a);
    Tokens tb = Tokens.of(b);
    int n = ta.size();
    int m = tb.size();
    if (n == 0 || (long) n * m > 4_000_000L) {
      return esc(a);
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = ta.form(i).equals(tb.form(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    boolean[] kept = new boolean[n];
    for (int i = 0, j = 0; i < n && j < m; ) {
      if (ta.form(i).equals(tb.form(j))) {
        kept[i++] = true;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    StringBuilder sb = new StringBuilder(a.length() + 32);
    int pos = 0;
    for (int i = 0; i < n; i++) {
      if (kept[i]) {
        continue;
      }
      sb.append(esc(a.substring(pos, ta.start(i)))).append("<mark class=\"sub\">").append(esc(a.substring(ta.start(i), ta.end(i))))
          .append("</mark>");
      pos = ta.end(i);
    }
    sb.append(esc(a.substring(pos)));
    return sb.toString();
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.0f%%", v * 100);
  }

  private static String nz(String s, String dflt) {
    return s == null || s.isBlank() ? dflt : s;
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }
}
