package io.wiretrace.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretrace.extract.Dates;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The read side of a {@link Store}: full-text search, and the JSON views the CLI and the REST API
 * serve. Every view is a Jackson tree in a fixed field order. Thread-safe.
 */
public final class Searcher {
  /** Largest page size a caller may ask for. */
  public static final int MAX_PAGE_SIZE = 100;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] FACETS = {"outlet", "entity", "month", "kind"};

  private final Store store;
  private volatile IndexReader stateReader;
  private volatile SortedSetDocValuesReaderState state;

  Searcher(Store store) {
    this.store = store;
  }

  /** A search: a query in Lucene's classic syntax over title and text (empty: everything), filters and a page. */
  public record Query2(String text, String outlet, String entity, String from, String to, String kind, String story,
      String language, int page, int size, boolean groupByStory) {
    public Query2 {
      if (page < 1) {
        throw new IllegalArgumentException("page must be 1 or more, got " + page);
      }
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
      }
    }

    /** Just a query, first page of 10. */
    public static Query2 of(String text) {
      return new Query2(text, null, null, null, null, null, null, null, 1, 10, false);
    }
  }

  /**
   * Searches articles (BM25 over title, boosted twice, and text); returns {@code {total, page,
   * size, hits: [{id, title, outlet, published, story, kinds, score, snippet (HTML: the text escaped, matches in {@code <b>})}], facets: {outlet,
   * entity, month, kind: [{value, count}]}}} and, grouped, {@code groups: [{story, hits}]}.
   *
   * @throws IllegalArgumentException for a query that does not parse or a bad date, with the reason
   */
  public ObjectNode search(Query2 q) throws IOException {
    Query text = parse(q.text());
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text, BooleanClause.Occur.MUST);
    b.add(new TermQuery(new Term(Store.TYPE, "article")), BooleanClause.Occur.FILTER);
    filter(b, "outlet", q.outlet());
    filter(b, "entity", q.entity());
    filter(b, "kind", q.kind());
    filter(b, "story", q.story());
    filter(b, "language", q.language());
    if (q.from() != null || q.to() != null) {
      long lo = q.from() == null ? Long.MIN_VALUE + 1 : day(q.from(), "from");
      long hi = q.to() == null ? Long.MAX_VALUE : day(q.to(), "to");
      b.add(LongPoint.newRangeQuery("day", lo, hi), BooleanClause.Occur.FILTER);
    }
    Query query = b.build();
    IndexSearcher s = store.acquire();
    try {
      int want = q.page() * q.size();
      FacetsCollectorManager.FacetsResult fr = FacetsCollectorManager.search(s, query, Math.max(1, want),
          new FacetsCollectorManager());
      TopDocs top = fr.topDocs();
      ObjectNode out = F.objectNode();
      out.put("total", top.totalHits.value());
      out.put("page", q.page());
      out.put("size", q.size());
      ArrayNode hits = out.putArray("hits");
      StoredFields sf = s.storedFields();
      int start = (q.page() - 1) * q.size();
      int n = Math.max(0, top.scoreDocs.length - start);
      int[] docs = new int[n];
      Map<Integer, String> texts = new java.util.HashMap<>();
      List<ObjectNode> page = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ScoreDoc sd = top.scoreDocs[start + i];
        docs[i] = sd.doc;
        Document d = sf.document(sd.doc);
        JsonNode a = Store.JSON.readTree(d.get("json"));
        texts.put(sd.doc, a.path("text").asText());
        ObjectNode h = hits.addObject();
        h.put("id", d.get("id"));
        h.set("title", a.get("title"));
        h.set("outlet", a.get("outlet"));
        h.set("published", a.get("published"));
        h.put("story", d.get("story"));
        ArrayNode kinds = h.putArray("kinds");
        for (String k : d.getValues("kind")) {
          kinds.add(k);
        }
        h.put("score", Math.round(sd.score * 1000) / 1000.0);
        page.add(h);
      }
      if (n > 0) {
        // passages from the offsets in the postings; the text itself comes from the stored article
        UnifiedHighlighter hl = new UnifiedHighlighter(UnifiedHighlighter.builder(s, store.analyzer()).withMaxLength(20_000)
            .withFormatter(new org.apache.lucene.search.uhighlight.DefaultPassageFormatter("<b>", "</b>", "… ", true))) {
          @Override
          protected List<CharSequence[]> loadFieldValues(String[] fields, org.apache.lucene.search.DocIdSetIterator it,
              int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
              CharSequence[] v = new CharSequence[fields.length];
              for (int f = 0; f < fields.length; f++) {
                v[f] = "text".equals(fields[f]) ? texts.getOrDefault(doc, "") : "";
              }
              values.add(v);
            }
            return values;
          }
        };
        String[] snips = hl.highlightFields(new String[] {"text"}, text, docs, new int[] {2}).get("text");
        for (int i = 0; i < n; i++) {
          String snip = snips == null ? null : snips[i];
          page.get(i).put("snippet", snip == null ? snippetStart(texts.get(docs[i])) : snip);
        }
      }
      if (q.groupByStory()) {
        Map<String, ArrayNode> groups = new LinkedHashMap<>();
        for (JsonNode h : hits) {
          groups.computeIfAbsent(h.get("story").asText(), k -> F.arrayNode()).add(h);
        }
        ArrayNode g = out.putArray("groups");
        for (Map.Entry<String, ArrayNode> e : groups.entrySet()) {
          ObjectNode o = g.addObject();
          o.put("story", e.getKey());
          o.set("hits", e.getValue());
        }
      }
      ObjectNode facets = out.putObject("facets");
      SortedSetDocValuesReaderState st = state(s.getIndexReader());
      Facets counts = st == null ? null : new SortedSetDocValuesFacetCounts(st, fr.facetsCollector());
      for (String dim : FACETS) {
        ArrayNode arr = facets.putArray(dim);
        if (counts == null) {
          continue;
        }
        FacetResult r;
        try {
          r = counts.getTopChildren(10, dim);
        } catch (IllegalArgumentException e) { // no article has this dimension yet
          r = null;
        }
        if (r != null) {
          for (LabelAndValue lv : r.labelValues) {
            ObjectNode o = arr.addObject();
            o.put("value", lv.label);
            o.put("count", lv.value.longValue());
          }
        }
      }
      return out;
    } finally {
      store.release(s);
    }
  }

  private synchronized SortedSetDocValuesReaderState state(IndexReader r) throws IOException {
    if (r != stateReader) {
      try {
        state = new DefaultSortedSetDocValuesReaderState(r, store.facets);
      } catch (IllegalArgumentException e) { // nothing indexed with facets yet
        state = null;
      }
      stateReader = r;
    }
    return state;
  }

  private static String snippetStart(String text) {
    return org.jsoup.nodes.Entities.escape(text.length() <= 240 ? text : text.substring(0, 240) + "…");
  }

  private Query parse(String text) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    MultiFieldQueryParser p = new MultiFieldQueryParser(new String[] {"title", "text"}, store.analyzer(),
        Map.of("title", 2f, "text", 1f));
    p.setDefaultOperator(org.apache.lucene.queryparser.classic.QueryParser.Operator.AND);
    try {
      return p.parse(text);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("query does not parse: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static long day(String iso, String name) {
    try {
      return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso).toEpochDay();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date like 2024-03-05, got '" + iso + "'");
    }
  }

  private static void filter(BooleanQuery.Builder b, String field, String value) {
    if (value != null && !value.isBlank()) {
      b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
    }
  }

  /** The stored article line (articles.jsonl fields with entities, quotes, times) plus {@code story}, {@code kinds}, {@code membership}. */
  public Optional<ObjectNode> article(String id) throws IOException {
    IndexSearcher s = store.acquire();
    try {
      Document d = one(s, "a:" + id);
      return d == null ? Optional.empty() : Optional.of(articleView(d, true));
    } finally {
      store.release(s);
    }
  }

  private static ObjectNode articleView(Document d, boolean full) throws IOException {
    ObjectNode a = (ObjectNode) Store.JSON.readTree(d.get("json"));
    ObjectNode out = F.objectNode();
    if (full) {
      out.setAll(a);
    } else {
      for (String f : new String[] {"id", "title", "outlet", "published", "url"}) {
        out.set(f, a.get(f));
      }
      out.set("rewrite", a.path("rewrite").path("kind"));
    }
    out.put("story", d.get("story"));
    out.put("storyline", d.get("storyline"));
    ArrayNode kinds = out.putArray("kinds");
    for (String k : d.getValues("kind")) {
      kinds.add(k);
    }
    ObjectNode m = out.putObject("membership");
    m.put("via", d.get("via"));
    m.put("similarity", Double.parseDouble(d.get("sim")));
    ArrayNode terms = m.putArray("terms");
    for (String t : d.getValues("why")) {
      terms.add(t);
    }
    return out;
  }

  private static Document one(IndexSearcher s, String key) throws IOException {
    TopDocs t = s.search(new TermQuery(new Term(Store.KEY, key)), 1);
    return t.scoreDocs.length == 0 ? null : s.storedFields().document(t.scoreDocs[0].doc);
  }

  /** Relations where {@code id} is the copy ({@code as = copy}), the original, or either ({@code null}). */
  public ArrayNode relations(String id, String as) throws IOException {
    IndexSearcher s = store.acquire();
    try {
      return relations(s, id, as);
    } finally {
      store.release(s);
    }
  }

  private static ArrayNode relations(IndexSearcher s, String id, String as) throws IOException {
    ArrayNode out = F.arrayNode();
    for (String field : new String[] {"copy", "original"}) {
      if (as != null && !as.equals(field)) {
        continue;
      }
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      q.add(new TermQuery(new Term(Store.TYPE, "relation")), BooleanClause.Occur.FILTER);
      q.add(new TermQuery(new Term(field, id)), BooleanClause.Occur.FILTER);
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      StoredFields sf = s.storedFields();
      for (ScoreDoc sd : s.search(q.build(), 10_000).scoreDocs) {
        Document d = sf.document(sd.doc);
        sorted.put(d.get("copy") + "\u0001" + d.get("original"), Store.JSON.readTree(d.get("json")));
      }
      sorted.values().forEach(out::add);
    }
    return out;
  }

  /** All relations, a page at a time, sorted by copy then original; {@code kind} filters. */
  public ObjectNode allRelations(String kind, int page, int size) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(new TermQuery(new Term(Store.TYPE, "relation")), BooleanClause.Occur.FILTER);
    if (kind != null && !kind.isBlank()) {
      q.add(new TermQuery(new Term("kind", kind)), BooleanClause.Occur.FILTER);
    }
    IndexSearcher s = store.acquire();
    try {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      StoredFields sf = s.storedFields();
      TopDocs t = s.search(q.build(), Integer.MAX_VALUE);
      for (ScoreDoc sd : t.scoreDocs) {
        Document d = sf.document(sd.doc, Set.of("copy", "original"));
        sorted.put(d.get("copy") + "\u0001" + d.get("original"), F.numberNode(sd.doc));
      }
      ObjectNode out = F.objectNode();
      out.put("total", sorted.size());
      out.put("page", page);
      out.put("size", size);
      ArrayNode items = out.putArray("items");
      int i = 0;
      for (JsonNode doc : sorted.values()) {
        if (i >= (long) (page - 1) * size && i < (long) page * size) {
          items.add(Store.JSON.readTree(sf.document(doc.asInt()).get("json")));
        }
        i++;
      }
      return out;
    } finally {
      store.release(s);
    }
  }

  /**
   * The lineage of an article: {@code {id, root, originals: [ancestors, nearest first], copies: [{id,
   * kind, via}] (descendants, breadth first)}}, following stored relations transitively.
   */
  public Optional<ObjectNode> lineage(String id) throws IOException {
    IndexSearcher s = store.acquire();
    try {
      if (one(s, "a:" + id) == null) {
        return Optional.empty();
      }
      ObjectNode out = F.objectNode();
      out.put("id", id);
      ArrayNode ups = out.putArray("originals");
      String cur = id;
      Set<String> seen = new HashSet<>();
      seen.add(id);
      for (int hops = 0; hops < 64; hops++) {
        ArrayNode up = relations(s, cur, "copy");
        if (up.isEmpty()) {
          break;
        }
        JsonNode r = up.get(0);
        String o = r.get("original").asText();
        if (!seen.add(o)) {
          break;
        }
        ObjectNode u = ups.addObject();
        u.put("id", o);
        u.set("kind", r.get("kind"));
        u.put("copy", cur);
        cur = o;
      }
      out.put("root", cur);
      ArrayNode downs = out.putArray("copies");
      ArrayDeque<String> todo = new ArrayDeque<>();
      todo.add(id);
      while (!todo.isEmpty() && downs.size() < 10_000) {
        String x = todo.poll();
        for (JsonNode r : relations(s, x, "original")) {
          String c = r.get("copy").asText();
          if (seen.add(c)) {
            ObjectNode o = downs.addObject();
            o.put("id", c);
            o.set("kind", r.get("kind"));
            o.put("of", x);
            todo.add(c);
          }
        }
      }
      return Optional.of(out);
    } finally {
      store.release(s);
    }
  }

  /** A story: {@code {id, title, storyline, updated (article sequence of its last change), size, articles: [...earliest first], originals, relations}}. */
  public Optional<ObjectNode> story(String sid) throws IOException {
    IndexSearcher s = store.acquire();
    try {
      Document d = one(s, "s:" + sid);
      if (d == null) {
        return Optional.empty();
      }
      ObjectNode out = F.objectNode();
      out.put("id", sid);
      out.put("title", d.get("stitle"));
      out.put("storyline", d.get("storyline"));
      out.put("updated", d.getField("updatedStored").numericValue().longValue());
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      q.add(new TermQuery(new Term(Store.TYPE, "article")), BooleanClause.Occur.FILTER);
      q.add(new TermQuery(new Term("story", sid)), BooleanClause.Occur.FILTER);
      TopDocs t = s.search(q.build(), 10_000, new Sort(new SortField("daySort", SortField.Type.LONG),
          new SortField("seqSort", SortField.Type.LONG)));
      ArrayNode arts = F.arrayNode();
      ArrayNode originals = F.arrayNode();
      ArrayNode rels = F.arrayNode();
      StoredFields sf = s.storedFields();
      for (ScoreDoc sd : t.scoreDocs) {
        Document a = sf.document(sd.doc);
        ObjectNode v = articleView(a, false);
        arts.add(v);
        boolean copy = false;
        for (JsonNode r : relations(s, a.get("id"), "copy")) {
          rels.add(r);
          copy = true;
        }
        if (!copy) {
          originals.add(a.get("id"));
        }
      }
      out.put("size", arts.size());
      out.set("articles", arts);
      out.set("originals", originals);
      out.set("relations", rels);
      return Optional.of(out);
    } finally {
      store.release(s);
    }
  }

  /** Stories, a page at a time: {@code order} is {@code newest} (last updated), {@code oldest} (first created), {@code biggest} (most articles) or {@code copied} (most echoes); {@code storyline} keeps one storyline's stories. */
  public ObjectNode stories(String order, String storyline, int page, int size) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(new TermQuery(new Term(Store.TYPE, "story")), BooleanClause.Occur.FILTER);
    if (storyline != null && !storyline.isBlank()) {
      q.add(new TermQuery(new Term("storyline", storyline)), BooleanClause.Occur.FILTER);
    }
    IndexSearcher s = store.acquire();
    try {
      Sort sort = switch (order == null ? "newest" : order) {
        case "newest" -> new Sort(new SortField("updated", SortField.Type.LONG, true), new SortField("created", SortField.Type.LONG));
        case "oldest" -> new Sort(new SortField("created", SortField.Type.LONG));
        case "biggest" -> new Sort(new SortField("size", SortField.Type.LONG, true), new SortField("created", SortField.Type.LONG));
        case "copied" -> new Sort(new SortField("echoes", SortField.Type.LONG, true), new SortField("size", SortField.Type.LONG, true),
            new SortField("created", SortField.Type.LONG));
        default -> throw new IllegalArgumentException("order must be newest, oldest, biggest or copied, got '" + order + "'");
      };
      TopDocs t = s.search(q.build(), page * size, sort);
      ObjectNode out = F.objectNode();
      out.put("total", t.totalHits.value());
      out.put("page", page);
      out.put("size", size);
      ArrayNode items = out.putArray("items");
      StoredFields sf = s.storedFields();
      for (int i = (page - 1) * size; i < t.scoreDocs.length; i++) {
        Document d = sf.document(t.scoreDocs[i].doc);
        ObjectNode o = items.addObject();
        String sid = d.get("sid");
        o.put("id", sid);
        o.put("title", d.get("stitle"));
        o.put("storyline", d.get("storyline"));
        o.put("articles", d.getField("sizeStored").numericValue().longValue());
        o.put("echoes", d.getField("echoesStored").numericValue().longValue());
        o.put("updated", d.getField("updatedStored").numericValue().longValue());
      }
      return out;
    } finally {
      store.release(s);
    }
  }

  /** The titles of stories by id (stories not found are left out). */
  public Map<String, String> storyTitles(java.util.Collection<String> ids) throws IOException {
    Map<String, String> out = new TreeMap<>();
    IndexSearcher s = store.acquire();
    try {
      for (String id : new java.util.TreeSet<>(ids)) {
        Document d = one(s, "s:" + id);
        if (d != null) {
          out.put(id, d.get("stitle") == null ? "(untitled)" : d.get("stitle"));
        }
      }
      return out;
    } finally {
      store.release(s);
    }
  }

  /**
   * An outlet's articles, newest first: {@code {outlet, total, items: [article summaries]}} with
   * at most {@code limit} items.
   */
  public ObjectNode outletArticles(String outlet, int limit) throws IOException {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(new TermQuery(new Term(Store.TYPE, "article")), BooleanClause.Occur.FILTER);
    q.add(new TermQuery(new Term("outlet", outlet)), BooleanClause.Occur.FILTER);
    IndexSearcher s = store.acquire();
    try {
      TopDocs t = s.search(q.build(), Math.max(1, limit), new Sort(new SortField("daySort", SortField.Type.LONG, true),
          new SortField("seqSort", SortField.Type.LONG, true)));
      ObjectNode out = F.objectNode();
      out.put("outlet", outlet);
      out.put("total", t.totalHits.value());
      ArrayNode items = out.putArray("items");
      StoredFields sf = s.storedFields();
      for (ScoreDoc sd : t.scoreDocs) {
        items.add(articleView(sf.document(sd.doc), false));
      }
      return out;
    } finally {
      store.release(s);
    }
  }

  /**
   * Who copies whom: {@code [{copier, source, kind, count}]} over all stored relations, counts
   * descending (ties by names); an article without an outlet counts as {@code "(unknown)"}.
   */
  public ArrayNode outlets() throws IOException {
    IndexSearcher s = store.acquire();
    try {
      // a scan of every relation: computed once per point-in-time reader (the store refreshes at commits)
      Outlets cached = outletsCache;
      if (cached != null && cached.reader == s.getIndexReader()) {
        return cached.rows.deepCopy();
      }
      ArrayNode rows = outlets(s);
      outletsCache = new Outlets(s.getIndexReader(), rows);
      return rows.deepCopy();
    } finally {
      store.release(s);
    }
  }

  private record Outlets(IndexReader reader, ArrayNode rows) {}

  private volatile Outlets outletsCache;

  private ArrayNode outlets(IndexSearcher s) throws IOException {
    TopDocs t = s.search(new TermQuery(new Term(Store.TYPE, "relation")), Integer.MAX_VALUE);
    Map<String, String> outletOf = new java.util.HashMap<>();
    Map<List<String>, Integer> counts = new TreeMap<>((x, y) -> String.join("\u0001", x).compareTo(String.join("\u0001", y)));
    StoredFields sf = s.storedFields();
    for (ScoreDoc sd : t.scoreDocs) {
      Document d = sf.document(sd.doc, Set.of("copy", "original", "kind"));
      String c = outlet(s, d.get("copy"), outletOf);
      String o = outlet(s, d.get("original"), outletOf);
      counts.merge(List.of(c, o, d.get("kind")), 1, Integer::sum);
    }
    List<Map.Entry<List<String>, Integer>> rows = new ArrayList<>(counts.entrySet());
    rows.sort((x, y) -> Integer.compare(y.getValue(), x.getValue()));
    ArrayNode out = F.arrayNode();
    for (Map.Entry<List<String>, Integer> e : rows) {
      ObjectNode o = out.addObject();
      o.put("copier", e.getKey().get(0));
      o.put("source", e.getKey().get(1));
      o.put("kind", e.getKey().get(2));
      o.put("count", e.getValue());
    }
    return out;
  }

  private static String outlet(IndexSearcher s, String id, Map<String, String> cache) throws IOException {
    String o = cache.get(id);
    if (o == null) {
      Document d = one(s, "a:" + id);
      JsonNode n = d == null ? null : Store.JSON.readTree(d.get("json")).get("outlet");
      o = n == null || n.isNull() || n.asText().isBlank() ? "(unknown)" : n.asText();
      cache.put(id, o);
    }
    return o;
  }

  /**
   * Everything stored, as JSON lines in a fixed order (articles by id, relations by copy and
   * original, stories by id): two stores holding the same state give the same text.
   */
  public String dump() throws IOException {
    StringBuilder sb = new StringBuilder();
    IndexSearcher s = store.acquire();
    List<String> ids = new ArrayList<>();
    List<String> sids = new ArrayList<>();
    try {
      StoredFields sf = s.storedFields();
      for (ScoreDoc sd : s.search(new TermQuery(new Term(Store.TYPE, "article")), Integer.MAX_VALUE).scoreDocs) {
        ids.add(sf.document(sd.doc, Set.of("id")).get("id"));
      }
      for (ScoreDoc sd : s.search(new TermQuery(new Term(Store.TYPE, "story")), Integer.MAX_VALUE).scoreDocs) {
        sids.add(sf.document(sd.doc, Set.of("sid")).get("sid"));
      }
    } finally {
      store.release(s);
    }
    java.util.Collections.sort(ids);
    java.util.Collections.sort(sids);
    for (String id : ids) {
      sb.append(Store.JSON.writeValueAsString(article(id).orElseThrow())).append('\n');
    }
    ObjectNode rel = allRelations(null, 1, Integer.MAX_VALUE);
    for (JsonNode r : rel.get("items")) {
      sb.append(Store.JSON.writeValueAsString(r)).append('\n');
    }
    for (String sid : sids) {
      sb.append(Store.JSON.writeValueAsString(story(sid).orElseThrow())).append('\n');
    }
    return sb.toString();
  }

  static long epochDay(String iso) {
    return Dates.epochDay(iso);
  }
}
