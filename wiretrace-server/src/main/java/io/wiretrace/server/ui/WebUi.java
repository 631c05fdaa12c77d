package io.wiretrace.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.wiretrace.io.JsonLines;
import io.wiretrace.model.Annotations;
import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import io.wiretrace.model.Synthesis;
import io.wiretrace.pipeline.Stored;
import io.wiretrace.store.Searcher;
import io.wiretrace.store.Store;
import io.wiretrace.story.StorySynthesizer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The web UI: server-rendered pages (precompiled jte templates) over the same {@link Searcher} the
 * REST API uses. Pages: home (stories newest / biggest / most copied, search with facets), search,
 * story (echo-aware header, credited summary, timeline, entities, quotes with drift, article roles,
 * coverage plot, lineage graph), copy vs original, article, outlet, outlets, storyline.
 *
 * <p>No external resources and no inline script or style: one stylesheet and one small script under
 * {@code /static}, so the pages work offline under a strict Content-Security-Policy.
 */
public final class WebUi {
  /** The Content-Security-Policy of every page: nothing inline, nothing from elsewhere. */
  public static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
      + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  static final int PAGE = 20;
  static final int OUTLET_ARTICLES = 2000;

  private final Store store;
  private final Searcher s;
  private final TemplateEngine jte = TemplateEngine.createPrecompiled(ContentType.Html);
  private final StorySynthesizer synthesizer = new StorySynthesizer();
  private volatile Map.Entry<String, List<Pages.Facet>> homeFacets;

  public WebUi(Store store) {
    this.store = store;
    this.s = store.searcher();
  }

  /** Renders {@code template} with its one parameter. */
  String render(String template, Object model) {
    StringOutput out = new StringOutput(8192);
    jte.render(template, model, out);
    return out.toString();
  }

  /** A static file of the UI ({@code wiretrace.css}, {@code wiretrace.js}), or empty. */
  public static Optional<byte[]> staticFile(String name) throws IOException {
    if (!List.of("wiretrace.css", "wiretrace.js", "favicon.svg").contains(name)) {
      return Optional.empty(); // a fixed list: no request path reaches the class path or the disk
    }
    try (InputStream in = WebUi.class.getResourceAsStream("static/" + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }

  // ---------------------------------------------------------------- home

  public String home(String order, int page) throws IOException {
    String o = order == null || order.isBlank() ? "newest" : order;
    if (!List.of("newest", "biggest", "copied").contains(o)) {
      throw new IllegalArgumentException("order must be newest, biggest or copied, got '" + order + "'");
    }
    ObjectNode st = s.stories(o, null, page, PAGE);
    List<Pages.StoryCard> cards = cards(st);
    List<Pages.Link> orders = List.of(
        new Pages.Link("Newest", "/?order=newest", o.equals("newest")),
        new Pages.Link("Biggest", "/?order=biggest", o.equals("biggest")),
        new Pages.Link("Most copied", "/?order=copied", o.equals("copied")));
    Map<String, Long> counts = store.counts();
    return render("home.jte", new HomeModel(new Pages.Home(orders, cards, st.get("total").asLong(),
        pager("/?order=" + o, page, st.get("total").asLong(), PAGE), counts.getOrDefault("article", 0L),
        counts.getOrDefault("relation", 0L), List.of()), facetsOfAll(counts)));
  }

  /** The home page and the facets over every stored article. */
  public record HomeModel(Pages.Home home, List<Pages.Facet> facets) {}

  /** Facets over all articles, recomputed only when the store's counts change. */
  private List<Pages.Facet> facetsOfAll(Map<String, Long> counts) throws IOException {
    String key = counts.toString();
    Map.Entry<String, List<Pages.Facet>> c = homeFacets;
    if (c != null && c.getKey().equals(key)) {
      return c.getValue();
    }
    ObjectNode r = s.search(new Searcher.Query2(null, null, null, null, null, null, null, null, 1, 1, false));
    List<Pages.Facet> f = facets(r, new SearchParams(null, null, null, null, null, 1));
    homeFacets = Map.entry(key, f);
    return f;
  }

  private List<Pages.StoryCard> cards(ObjectNode stories) {
    List<Pages.StoryCard> out = new ArrayList<>();
    for (JsonNode n : stories.get("items")) {
      String line = n.get("storyline").asText();
      out.add(new Pages.StoryCard(n.get("id").asText(), title(n.get("title")), "/story/" + n.get("id").asText(),
          n.get("articles").asLong(), n.get("echoes").asLong(), line, "/storyline/" + line));
    }
    return out;
  }

  // ---------------------------------------------------------------- search

  /** Search parameters as the search page takes them. */
  public record SearchParams(String q, String outlet, String entity, String kind, String month, int page) {
    String href(String field, String value, int toPage) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("q", q);
      p.put("outlet", outlet);
      p.put("entity", entity);
      p.put("kind", kind);
      p.put("month", month);
      if (field != null) {
        p.put(field, value);
      }
      if (toPage > 1) {
        p.put("page", Integer.toString(toPage));
      }
      return "/search" + query(p);
    }
  }

  public String search(SearchParams p) throws IOException {
    String from = null;
    String to = null;
    if (p.month() != null) {
      if (!p.month().matches("\\d{4}-\\d{2}")) {
        throw new IllegalArgumentException("month must look like 2025-05, got '" + p.month() + "'");
      }
      java.time.YearMonth ym = java.time.YearMonth.parse(p.month());
      from = ym.atDay(1).toString();
      to = ym.atEndOfMonth().toString();
    }
    ObjectNode r;
    String message = null;
    try {
      r = s.search(new Searcher.Query2(p.q(), p.outlet(), p.entity(), from, to, p.kind(), null, null, p.page(), PAGE, false));
    } catch (IllegalArgumentException e) {
      r = null;
      message = e.getMessage();
    }
    if (r == null) {
      return render("search.jte", new Pages.Search(nz(p.q()), 0, List.of(), List.of(), List.of(), List.of(), message));
    }
    List<String> sids = new ArrayList<>();
    for (JsonNode h : r.get("hits")) {
      sids.add(h.get("story").asText());
    }
    Map<String, String> titles = s.storyTitles(sids);
    List<Pages.Hit> hits = new ArrayList<>();
    for (JsonNode h : r.get("hits")) {
      List<String> kinds = new ArrayList<>();
      h.get("kinds").forEach(k -> kinds.add(k.asText().replace('_', ' ')));
      String sid = h.get("story").asText();
      hits.add(new Pages.Hit(title(h.get("title")), articleHref(h.get("id").asText()), sourceOf(h),
          date(h.get("published")), "/story/" + sid, titles.getOrDefault(sid, sid), kinds, h.get("snippet").asText()));
    }
    List<Pages.Link> active = new ArrayList<>();
    for (String[] f : new String[][] {{"outlet", p.outlet()}, {"entity", p.entity()}, {"kind", p.kind()}, {"month", p.month()}}) {
      if (f[1] != null) {
        active.add(new Pages.Link(f[0] + ": " + facetLabel(f[0], f[1]), p.href(f[0], null, 1), true));
      }
    }
    long total = r.get("total").asLong();
    return render("search.jte", new Pages.Search(nz(p.q()), total, hits, facets(r, p), active,
        pagerOf(p, total), null));
  }

  private List<Pages.Link> pagerOf(SearchParams p, long total) {
    List<Pages.Link> out = new ArrayList<>();
    long pages = (total + PAGE - 1) / PAGE;
    if (pages <= 1) {
      return out;
    }
    if (p.page() > 1) {
      out.add(new Pages.Link("← Previous", p.href(null, null, p.page() - 1), false));
    }
    out.add(new Pages.Link("Page " + p.page() + " of " + pages, p.href(null, null, p.page()), true));
    if (p.page() < pages) {
      out.add(new Pages.Link("Next →", p.href(null, null, p.page() + 1), false));
    }
    return out;
  }

  private static List<Pages.Facet> facets(ObjectNode r, SearchParams p) {
    List<Pages.Facet> out = new ArrayList<>();
    Map<String, String> names = Map.of("outlet", "Outlet", "entity", "People, organisations, places", "month", "Month",
        "kind", "Relation kind");
    for (String dim : List.of("outlet", "entity", "month", "kind")) {
      List<Pages.FacetValue> values = new ArrayList<>();
      String current = switch (dim) {
        case "outlet" -> p.outlet();
        case "entity" -> p.entity();
        case "month" -> p.month();
        default -> p.kind();
      };
      for (JsonNode v : r.path("facets").path(dim)) {
        String value = v.get("value").asText();
        boolean active = value.equals(current);
        values.add(new Pages.FacetValue(facetLabel(dim, value), v.get("count").asLong(),
            p.href(dim, active ? null : value, 1), active));
      }
      if (!values.isEmpty()) {
        out.add(new Pages.Facet(names.get(dim), values));
      }
    }
    return out;
  }

  /** "person:anders-vik" → "Anders Vik (person)"; "near_duplicate" → "near duplicate". */
  static String facetLabel(String dim, String value) {
    if (dim.equals("entity")) {
      int c = value.indexOf(':');
      if (c > 0) {
        return entityName(value.substring(c + 1)) + " (" + value.substring(0, c) + ")";
      }
    }
    if (dim.equals("kind")) {
      return value.replace('_', ' ');
    }
    if (dim.equals("month") && value.matches("\\d{4}-\\d{2}")) {
      return java.time.YearMonth.parse(value).format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ROOT));
    }
    return value;
  }

  private static String entityName(String slug) {
    StringBuilder sb = new StringBuilder();
    for (String w : slug.split("-")) {
      if (!w.isEmpty()) {
        sb.append(sb.isEmpty() ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- story

  /** Everything a story's pages need: its stored view, full articles, relations and the Story record. */
  private record Loaded(ObjectNode view, Map<String, JsonNode> json, Map<String, Article> articles,
      Map<String, Annotations> annotations, List<Relation> relations, Story story) {}

  private Loaded load(ObjectNode view) throws IOException {
    String sid = view.get("id").asText();
    Map<String, JsonNode> json = new LinkedHashMap<>();
    Map<String, Article> articles = new HashMap<>();
    Map<String, Annotations> annotations = new HashMap<>();
    List<String> ids = new ArrayList<>();
    List<Story.Membership> members = new ArrayList<>();
    for (JsonNode a : view.get("articles")) {
      String id = a.get("id").asText();
      ObjectNode full = s.article(id).orElseThrow();
      json.put(id, full);
      articles.put(id, Stored.article(full));
      annotations.put(id, JsonLines.readAnnotations(full));
      ids.add(id);
      JsonNode m = a.get("membership");
      List<String> terms = new ArrayList<>();
      m.get("terms").forEach(t -> terms.add(t.asText()));
      members.add(new Story.Membership(id, m.get("via").asText(), m.get("similarity").asDouble(), terms));
    }
    List<Relation> relations = new ArrayList<>();
    for (JsonNode r : view.get("relations")) {
      relations.add(Store.parseRelation(r));
    }
    List<String> originals = new ArrayList<>();
    view.get("originals").forEach(o -> originals.add(o.asText()));
    Story story = new Story(sid, view.path("title").isNull() ? null : view.path("title").asText(),
        view.get("storyline").asText(), ids, originals, members, null);
    return new Loaded(view, json, articles, annotations, relations, story);
  }

  /**
   * Rendered story pages by story id, article count, relation count and last change: a story that
   * gains an article or a relation gets a new key. Bounded (least recently used goes first).
   */
  private final Map<String, String> storyPages = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> e) {
          return size() > 256;
        }
      });

  public Optional<String> story(String sid) throws IOException {
    Optional<ObjectNode> v = s.story(sid);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String key = sid + "\u0001" + v.get().path("updated").asLong() + "\u0001" + v.get().get("size").asInt() + "\u0001"
        + v.get().get("relations").size() + "\u0001" + v.get().get("relations").hashCode();
    String cached = storyPages.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> page = renderStory(load(v.get()));
    page.ifPresent(p -> storyPages.put(key, p));
    return page;
  }

  private Optional<String> renderStory(Loaded l) throws IOException {
    String sid = l.story().id();
    Synthesis sy = synthesizer.synthesize(l.story(), l.articles(), l.annotations(), l.relations());
    Map<String, String> names = new HashMap<>();
    for (Synthesis.StoryEntity e : sy.entities()) {
      names.put(e.id(), e.name());
    }
    List<Pages.SummaryLine> summary = new ArrayList<>();
    for (Synthesis.SummarySentence x : sy.summary()) {
      summary.add(new Pages.SummaryLine(x.text(), sourceOf(l.json().get(x.article())), articleHref(x.article()), x.sources()));
    }
    List<Pages.TimelineRow> timeline = new ArrayList<>();
    for (Synthesis.TimelineEvent e : sy.timeline()) {
      List<Pages.Link> by = new ArrayList<>();
      for (String a : e.articles()) {
        by.add(new Pages.Link(sourceOf(l.json().get(a)), articleHref(a), false));
      }
      timeline.add(new Pages.TimelineRow(e.date(), e.text(),
          String.join(", ", e.actors().stream().map(id -> names.getOrDefault(id, id)).toList()), by));
    }
    List<Pages.EntityRow> entities = new ArrayList<>();
    for (Synthesis.StoryEntity e : sy.entities()) {
      if (entities.size() == 24) {
        break;
      }
      List<String> other = e.aliases().stream().filter(x -> !x.equals(e.name()) && !x.equals(e.id())
          && !x.equalsIgnoreCase(e.name())).toList();
      entities.add(new Pages.EntityRow(e.type().toLowerCase(Locale.ROOT), e.name(), String.join(", ", other), e.articles().size(),
          e.mentions(), "/search" + query(Map.of("entity", e.id()))));
    }
    List<Pages.QuoteRow> quotes = new ArrayList<>();
    for (Synthesis.StoryQuote q : sy.quotes()) {
      List<Pages.Drift> drifts = new ArrayList<>();
      for (Synthesis.QuoteVariant v : q.variants()) {
        if (v.drift()) {
          drifts.add(new Pages.Drift(sourceOf(l.json().get(v.article())), articleHref(v.article()), v.text(), v.diff()));
        }
      }
      String who = q.speaker() == null ? "unattributed" : q.speaker();
      String resolved = q.speakerEntity() == null ? null : names.get(q.speakerEntity());
      if (resolved != null && !who.contains(resolved)) {
        who += " (" + resolved + ")";
      }
      quotes.add(new Pages.QuoteRow(q.text(), who, sourceOf(l.json().get(q.first())), articleHref(q.first()),
          q.variants().size(), drifts));
    }
    Map<String, List<Relation>> asCopy = new TreeMap<>();
    Map<String, Integer> copiedTimes = new HashMap<>();
    for (Relation r : l.relations()) {
      asCopy.computeIfAbsent(r.copy(), k -> new ArrayList<>()).add(r);
      copiedTimes.merge(r.original(), 1, Integer::sum);
    }
    List<Pages.ArticleRow> rows = new ArrayList<>();
    List<CoveragePlot.Point> points = new ArrayList<>();
    List<LineageGraph.Node> nodes = new ArrayList<>();
    for (JsonNode a : l.view().get("articles")) {
      String id = a.get("id").asText();
      JsonNode full = l.json().get(id);
      List<Relation> rs = asCopy.getOrDefault(id, List.of());
      points.add(new CoveragePlot.Point(text(full.get("published")), !rs.isEmpty()));
      nodes.add(new LineageGraph.Node(id, sourceOf(full), date(full.get("published")) + (rs.isEmpty() ? " · original" : ""),
          io.wiretrace.extract.Dates.sortKey(text(full.get("published"))), articleHref(id)));
      rows.add(row(full, rs, copiedTimes.getOrDefault(id, 0), a.get("membership"), l.json()));
    }
    List<LineageGraph.Edge> edges = new ArrayList<>();
    List<Pages.EdgeRow> edgeRows = new ArrayList<>();
    for (Relation r : l.relations()) {
      JsonNode c = l.json().get(r.copy());
      JsonNode o = l.json().get(r.original());
      String delay = CoveragePlot.delay(text(o.get("published")), text(c.get("published")));
      edges.add(new LineageGraph.Edge(r.copy(), r.original(), r.kind(), delay));
      edgeRows.add(new Pages.EdgeRow(sourceOf(o), articleHref(r.original()), sourceOf(c), articleHref(r.copy()),
          r.kind().replace('_', ' '), delay, compareHref(r.copy(), r.original())));
    }
    CoveragePlot.Plot plot = CoveragePlot.of(points);
    String line = l.story().storyline();
    return Optional.of(render("story.jte", new Pages.StoryPage(sid, nz(l.story().title(), "(untitled)"), line,
        "/storyline/" + line, sy.independent(), sy.echoes(), summary, timeline, entities, quotes, rows,
        LineageGraph.svg(nodes, edges), edgeRows, plot.svg(), plot.caption())));
  }

  private Pages.ArticleRow row(JsonNode full, List<Relation> asCopy, int copied, JsonNode membership, Map<String, JsonNode> others) {
    String id = full.get("id").asText();
    String outlet = text(full.get("outlet"));
    if (asCopy.isEmpty()) {
      String detail;
      String via = membership == null ? "" : membership.path("via").asText();
      if (via.equals("similarity")) {
        List<String> terms = new ArrayList<>();
        membership.path("terms").forEach(t -> terms.add(t.asText()));
        detail = String.format(Locale.ROOT, "independent report; joined the story at similarity %.2f (%s)",
            membership.path("similarity").asDouble(), String.join(", ", terms));
      } else if (via.equals("first")) {
        detail = "independent report; first article of the story";
      } else {
        detail = "independent report";
      }
      if (copied > 0) {
        detail += "; copied " + copied + (copied == 1 ? " time" : " times");
      }
      return new Pages.ArticleRow(title(full.get("title")), articleHref(id), sourceOf(full), outletHref(outlet),
          date(full.get("published")), "original", "original", detail, null, null);
    }
    Relation best = asCopy.get(0);
    for (Relation r : asCopy) {
      if (r.coverage() > best.coverage()) {
        best = r;
      }
    }
    JsonNode o = others.get(best.original());
    String detail = String.format(Locale.ROOT, "%s of %s (%s), coverage %.0f%%", best.kind().replace('_', ' '),
        o == null ? best.original() : sourceOf(o), o == null ? "" : CoveragePlot.delay(text(o.get("published")),
            text(full.get("published"))), best.coverage() * 100);
    if (asCopy.size() > 1) {
      detail += " (and " + (asCopy.size() - 1) + " more)";
    }
    return new Pages.ArticleRow(title(full.get("title")), articleHref(id), sourceOf(full), outletHref(outlet),
        date(full.get("published")), best.kind().replace('_', ' '), "copy kind-" + best.kind().replace('_', '-'), detail,
        compareHref(id, best.original()), "compare with its original");
  }

  // ---------------------------------------------------------------- compare

  public Optional<String> compare(String copyId, String originalId) throws IOException {
    Optional<ObjectNode> c = s.article(copyId);
    Optional<ObjectNode> o = s.article(originalId);
    if (c.isEmpty() || o.isEmpty()) {
      return Optional.empty();
    }
    Relation rel = null;
    for (JsonNode r : s.relations(copyId, "copy")) {
      if (r.get("original").asText().equals(originalId)) {
        rel = Store.parseRelation(r);
      }
    }
    if (rel == null) {
      return Optional.empty();
    }
    JsonNode cj = c.get();
    JsonNode oj = o.get();
    PassageDiff.Result diff = PassageDiff.compare(cj.get("text").asText(), oj.get("text").asText(), rel.evidence());
    List<Pages.Residue> residue = new ArrayList<>();
    for (JsonNode r : cj.path("removed")) {
      residue.add(new Pages.Residue(r.path("reason").asText(), r.path("text").asText()));
    }
    List<String> credits = new ArrayList<>();
    cj.path("credits").forEach(x -> credits.add(x.asText()));
    return Optional.of(render("compare.jte", new Pages.Compare(side(cj), side(oj), rel.kind().replace('_', ' '),
        "/story/" + cj.path("story").asText(), Explain.relation(rel, diff.counts(), text(oj.get("published")),
            text(cj.get("published"))), diff.rows(), diff.counts(), residue, credits)));
  }

  private Pages.Side side(JsonNode a) {
    String rewrite = a.path("rewrite").path("kind").asText("unknown");
    return new Pages.Side(title(a.get("title")), articleHref(a.get("id").asText()), sourceOf(a), outletHref(text(a.get("outlet"))),
        date(a.get("published")), rewrite);
  }

  // ---------------------------------------------------------------- article

  public Optional<String> article(String id) throws IOException {
    Optional<ObjectNode> oa = s.article(id);
    if (oa.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode a = oa.get();
    List<Pages.ArticleRow> rel = new ArrayList<>();
    for (JsonNode r : s.relations(id, null)) {
      boolean isCopy = r.get("copy").asText().equals(id);
      String other = isCopy ? r.get("original").asText() : r.get("copy").asText();
      JsonNode oj = s.article(other).orElse(null);
      if (oj == null) {
        continue;
      }
      String kind = r.get("kind").asText().replace('_', ' ');
      String delay = isCopy ? CoveragePlot.delay(text(oj.get("published")), text(a.get("published")))
          : CoveragePlot.delay(text(a.get("published")), text(oj.get("published")));
      rel.add(new Pages.ArticleRow(title(oj.get("title")), articleHref(other), sourceOf(oj), outletHref(text(oj.get("outlet"))),
          date(oj.get("published")), isCopy ? "its original" : "copies it", isCopy ? "original" : "copy",
          kind + ", " + delay, isCopy ? compareHref(id, other) : compareHref(other, id), "compare"));
    }
    List<String> paragraphs = new ArrayList<>();
    for (String p : a.get("text").asText().split("\\n\\s*\\n")) {
      if (!p.isBlank()) {
        paragraphs.add(p.strip());
      }
    }
    List<Pages.Residue> residue = new ArrayList<>();
    for (JsonNode r : a.path("removed")) {
      residue.add(new Pages.Residue(r.path("reason").asText(), r.path("text").asText()));
    }
    List<String> credits = new ArrayList<>();
    a.path("credits").forEach(x -> credits.add(x.asText()));
    List<String> signals = new ArrayList<>();
    a.path("rewrite").path("signals").properties().forEach(e -> signals.add(e.getKey().replace('_', ' ') + " "
        + Explain.number(e.getValue().asDouble())));
    // the suspicious passages, as quoted text and the likely original wording ("citizenry" -> people)
    List<String> suspects = new ArrayList<>();
    String body = a.get("text").asText();
    for (JsonNode x : a.path("rewrite").path("spans")) {
      int from = x.path("start").asInt();
      int to = x.path("end").asInt();
      if (from < 0 || to > body.length() || from > to || suspects.size() == 40) {
        continue;
      }
      String likely = x.path("likely").isTextual() ? " → " + x.path("likely").asText() : "";
      suspects.add("“" + body.substring(from, to) + "”" + likely + " (" + x.path("signal").asText().replace('_', ' ') + ")");
    }
    String sid = a.path("story").asText();
    Map<String, String> titles = s.storyTitles(List.of(sid));
    return Optional.of(render("article.jte", new Pages.ArticlePage(title(a.get("title")), id, sourceOf(a),
        outletHref(text(a.get("outlet"))), dateOrEstimate(a), text(a.get("url")), text(a.get("byline")),
        text(a.get("language")), "/story/" + sid, titles.getOrDefault(sid, sid), a.path("rewrite").path("kind").asText("unknown"),
        Explain.number(a.path("rewrite").path("score").asDouble()), signals, suspects, rel, paragraphs, residue, credits)));
  }

  // ---------------------------------------------------------------- outlets

  public Optional<String> outlet(String name) throws IOException {
    ObjectNode r = s.outletArticles(name, OUTLET_ARTICLES);
    long total = r.get("total").asLong();
    if (total == 0) {
      return Optional.empty();
    }
    Map<List<String>, List<Long>> from = new TreeMap<>((x, y) -> String.join("\u0001", x).compareTo(String.join("\u0001", y)));
    Map<List<String>, List<Long>> by = new TreeMap<>((x, y) -> String.join("\u0001", x).compareTo(String.join("\u0001", y)));
    Map<String, JsonNode> cache = new HashMap<>();
    int originals = 0;
    int copies = 0;
    List<Pages.ArticleRow> recent = new ArrayList<>();
    for (JsonNode item : r.get("items")) {
      String id = item.get("id").asText();
      boolean copy = false;
      for (JsonNode rel : s.relations(id, null)) {
        boolean asCopy = rel.get("copy").asText().equals(id);
        String other = asCopy ? rel.get("original").asText() : rel.get("copy").asText();
        JsonNode oj = cache.computeIfAbsent(other, k -> {
          try {
            return s.article(k).orElse(null);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        if (oj == null) {
          continue;
        }
        Long d = asCopy ? CoveragePlot.delaySeconds(text(oj.get("published")), text(item.get("published")))
            : CoveragePlot.delaySeconds(text(item.get("published")), text(oj.get("published")));
        String named = text(oj.get("outlet"));
        List<String> key = List.of(sourceOf(oj), rel.get("kind").asText(), named == null ? "" : named);
        (asCopy ? from : by).computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        copy |= asCopy;
      }
      if (copy) {
        copies++;
      } else {
        originals++;
      }
      if (recent.size() < 20) {
        recent.add(new Pages.ArticleRow(title(item.get("title")), articleHref(id), sourceOf(item), null, date(item.get("published")),
            copy ? "copy" : "original", copy ? "copy" : "original", "", null, null));
      }
    }
    int examined = r.get("items").size();
    String share = examined == 0 ? "—" : String.format(Locale.ROOT, "%.0f%%", 100.0 * originals / examined);
    return Optional.of(render("outlet.jte", new Pages.Outlet(name, total, examined, originals, copies, share, ledger(from),
        ledger(by), recent)));
  }

  private static List<Pages.OutletLink> ledger(Map<List<String>, List<Long>> m) {
    List<Pages.OutletLink> out = new ArrayList<>();
    for (Map.Entry<List<String>, List<Long>> e : m.entrySet()) {
      List<Long> ds = e.getValue().stream().filter(x -> x != null).sorted().toList();
      String median = ds.isEmpty() ? "undated" : CoveragePlot.duration(ds.get((ds.size() - 1) / 2));
      String outlet = e.getKey().get(0);
      out.add(new Pages.OutletLink(outlet, outletHref(e.getKey().get(2)), e.getKey().get(1).replace('_', ' '), e.getValue().size(), median));
    }
    out.sort((x, y) -> x.count() != y.count() ? Integer.compare(y.count(), x.count()) : x.outlet().compareTo(y.outlet()));
    return out;
  }

  /** Who copies whom, all outlets: the {@code /api/outlets} table as a page. */
  public String outlets() throws IOException {
    List<String[]> pairs = new ArrayList<>();
    for (JsonNode n : s.outlets()) {
      String copier = n.get("copier").asText();
      String source = n.get("source").asText();
      pairs.add(new String[] {copier, source, n.get("kind").asText().replace('_', ' '), n.get("count").asText(),
          copier.equals("(unknown)") ? null : outletHref(copier), source.equals("(unknown)") ? null : outletHref(source)});
    }
    return render("outlets.jte", pairs);
  }

  // ---------------------------------------------------------------- storyline

  public Optional<String> storyline(String id) throws IOException {
    ObjectNode st = s.stories("oldest", id, 1, Searcher.MAX_PAGE_SIZE);
    if (st.get("total").asLong() == 0) {
      return Optional.empty();
    }
    List<CoveragePlot.Point> points = new ArrayList<>();
    for (JsonNode n : st.get("items")) {
      ObjectNode story = s.story(n.get("id").asText()).orElseThrow();
      java.util.Set<String> copies = new java.util.HashSet<>();
      story.get("relations").forEach(r -> copies.add(r.get("copy").asText()));
      for (JsonNode a : story.get("articles")) {
        points.add(new CoveragePlot.Point(text(a.get("published")), copies.contains(a.get("id").asText())));
      }
    }
    CoveragePlot.Plot plot = CoveragePlot.of(points);
    return Optional.of(render("storyline.jte", new Pages.Storyline(id, cards(st), plot.svg(), plot.caption())));
  }

  // ---------------------------------------------------------------- errors

  public String problem(int status, String message) {
    return render("problem.jte", new Pages.Problem(status, message));
  }

  // ---------------------------------------------------------------- helpers

  static String articleHref(String id) {
    return "/article" + query(Map.of("id", id));
  }

  static String compareHref(String copy, String original) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("copy", copy);
    p.put("original", original);
    return "/compare" + query(p);
  }

  static String outletHref(String outlet) {
    return outlet == null || outlet.isBlank() ? null : "/outlet" + query(Map.of("name", outlet));
  }

  static String query(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue() == null || e.getValue().isBlank()) {
        continue;
      }
      sb.append(sb.isEmpty() ? "?" : "&").append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  private List<Pages.Link> pager(String base, int page, long total, int size) {
    List<Pages.Link> out = new ArrayList<>();
    long pages = (total + size - 1) / size;
    if (pages <= 1) {
      return out;
    }
    if (page > 1) {
      out.add(new Pages.Link("← Previous", base + "&page=" + (page - 1), false));
    }
    out.add(new Pages.Link("Page " + page + " of " + pages, base + "&page=" + page, true));
    if (page < pages) {
      out.add(new Pages.Link("Next →", base + "&page=" + (page + 1), false));
    }
    return out;
  }

  /** Who published an article, for display: its outlet, else its URL's host, else "unnamed source". */
  static String sourceOf(JsonNode a) {
    if (a == null) {
      return "unknown article";
    }
    String s = source(a.get("outlet"), text(a.get("url")));
    if (s.equals(UNNAMED) && a.hasNonNull("id")) {
      String id = a.get("id").asText();
      String file = id.substring(id.lastIndexOf('/') + 1);
      return UNNAMED + " (" + (file.length() > 28 ? file.substring(0, 27) + "…" : file) + ")";
    }
    return s;
  }

  static final String UNNAMED = "unnamed source";

  private static String source(JsonNode outlet, String url) {
    String o = text(outlet);
    if (o != null && !o.isBlank()) {
      return o;
    }
    if (url != null) {
      try {
        String host = URI.create(url).getHost();
        if (host != null) {
          return host.startsWith("www.") ? host.substring(4) : host;
        }
      } catch (IllegalArgumentException e) {
        // not a URL: fall through
      }
    }
    return UNNAMED;
  }

  static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
  }

  private static String title(JsonNode n) {
    String t = text(n);
    return t == null || t.isBlank() ? "(untitled)" : t;
  }

  /** A publication date for display: "2025-05-20 13:05 UTC", "2025-05-21", or "undated". */
  /**
   * The publication date, or for an undated article the estimate its text gives ({@code estimated}:
   * the days its headline and lead name), marked as such: "undated; its text names 2026-04-14
   * (“Tuesday, April 14, 2026”)".
   */
  static String dateOrEstimate(JsonNode a) {
    JsonNode e = a.get("estimated");
    if (text(a.get("published")) != null || e == null || !e.isObject()) {
      return date(a.get("published"));
    }
    String from = e.path("from").asText();
    String to = e.path("to").asText();
    List<String> basis = new ArrayList<>();
    e.path("basis").forEach(b -> basis.add("“" + b.asText() + "”"));
    return "undated; its text names " + (from.equals(to) ? to : from + " to " + to)
        + (basis.isEmpty() ? "" : " (" + String.join(", ", basis) + ")");
  }

  static String date(JsonNode n) {
    String d = text(n);
    if (d == null || d.isBlank()) {
      return "undated";
    }
    if (d.length() >= 16 && d.charAt(10) == 'T') {
      try {
        return java.time.OffsetDateTime.parse(d).atZoneSameInstant(java.time.ZoneOffset.UTC)
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)) + " UTC";
      } catch (java.time.format.DateTimeParseException e) {
        return d;
      }
    }
    return d;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String nz(String s, String d) {
    return s == null || s.isBlank() ? d : s;
  }
}
