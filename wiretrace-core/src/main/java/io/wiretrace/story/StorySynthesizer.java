package io.wiretrace.story;

import io.wiretrace.model.Annotations;
import io.wiretrace.model.Article;
import io.wiretrace.model.Entity;
import io.wiretrace.model.Quote;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import io.wiretrace.model.Synthesis;
import io.wiretrace.model.Timex;
import io.wiretrace.text.Sentences;
import io.wiretrace.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/** Builds a {@link Synthesis} for each story (see the package comment). Stateless and thread-safe. */
public final class StorySynthesizer {
  /** Sentences in the summary. */
  public static final int SUMMARY_SENTENCES = 5;
  /** MMR trade-off between centrality and novelty. */
  static final double MMR_LAMBDA = 0.7;
  /** LexRank edge threshold and damping. */
  static final double EDGE = 0.1;
  static final double DAMPING = 0.85;
  /** Cosine at which two sentences say the same thing (summary credit, timeline de-duplication). */
  static final double SAME = 0.5;
  /** Word-set Jaccard at which two quotes are variants of one quote. */
  static final double SAME_QUOTE = 0.5;
  static final int TIMELINE_EVENTS = 30;

  /** A sentence ends at . ! ? (plus closing quotes) before whitespace and a capital, digit or quote, or at a line end. */

  /** A sentence of an article with its term vector. */
  private record Sent(String article, int start, int end, String text, Map<String, Double> vector) {}

  public Synthesis synthesize(Story story, Map<String, Article> articles, Map<String, Annotations> annotations,
      List<Relation> relations) {
    List<Article> members = story.articles().stream().map(articles::get).sorted(ORDER).toList();
    Set<String> originals = new LinkedHashSet<>(story.originals());
    Map<String, Relation> relationOf = new HashMap<>();
    List<Synthesis.LineageEdge> lineage = new ArrayList<>();
    Set<String> inStory = new java.util.HashSet<>(story.articles());
    for (Relation r : relations) {
      if (inStory.contains(r.copy()) && inStory.contains(r.original())) {
        relationOf.put(r.copy(), r);
        lineage.add(new Synthesis.LineageEdge(r.copy(), r.original(), r.kind()));
      }
    }
    lineage.sort(Comparator.comparing(Synthesis.LineageEdge::copy).thenComparing(Synthesis.LineageEdge::original));
    int independent = originals.size();
    int echoes = story.articles().size() - independent;

    // summary and timeline read the independent reports only
    Map<String, List<Sent>> byArticle = new LinkedHashMap<>();
    for (Article a : members) {
      if (originals.contains(a.id())) {
        byArticle.put(a.id(), sentences(a));
      }
    }
    List<Synthesis.SummarySentence> summary = summary(members, originals, byArticle, articles);
    Map<String, String> alias = new HashMap<>();
    List<Synthesis.StoryEntity> entities = entities(members, annotations, alias);
    List<Synthesis.TimelineEvent> timeline = timeline(members, originals, annotations, byArticle, alias);
    List<Synthesis.StoryQuote> quotes = quotes(members, originals, annotations, alias, relationOf);
    return new Synthesis(story.id(), independent, echoes, summary, timeline, entities, quotes, lineage);
  }

  /** Earliest first (unknown dates last), then by id. */
  private static final Comparator<Article> ORDER = Comparator
      .comparing((Article a) -> a.published() == null ? "\uffff" : a.published())
      .thenComparing(Article::id);

  // ---- summary: LexRank over the independent reports, MMR, credit to the originating outlet ----

  private static List<Synthesis.SummarySentence> summary(List<Article> members, Set<String> originals,
      Map<String, List<Sent>> byArticle, Map<String, Article> articles) {
    List<Sent> pool = new ArrayList<>();
    for (Article a : members) {
      if (originals.contains(a.id())) {
        for (Sent s : byArticle.get(a.id())) {
          if (s.vector().size() >= 4) {
            pool.add(s);
          }
        }
      }
    }
    int n = pool.size();
    if (n == 0) {
      return List.of();
    }
    List<Map<String, Double>> vectors = new ArrayList<>(n);
    for (Sent x : pool) {
      vectors.add(x.vector());
    }
    Graph g = Graph.of(vectors);
    double[] rank = g.lexRank();
    List<Integer> chosen = new ArrayList<>();
    List<double[]> chosenRows = new ArrayList<>();
    boolean[] taken = new boolean[n];
    double maxRank = maxOf(rank);
    while (chosen.size() < Math.min(SUMMARY_SENTENCES, n)) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (taken[i]) {
          continue;
        }
        double redundancy = 0;
        for (double[] row : chosenRows) {
          redundancy = Math.max(redundancy, row[i]);
        }
        double score = MMR_LAMBDA * rank[i] - (1 - MMR_LAMBDA) * redundancy * maxRank;
        if (redundancy >= 0.8) {
          score = Double.NEGATIVE_INFINITY; // the same sentence again, from another outlet
        }
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0 || bestScore == Double.NEGATIVE_INFINITY) {
        break;
      }
      taken[best] = true;
      chosen.add(best);
      chosenRows.add(g.row(best));
    }
    List<Synthesis.SummarySentence> out = new ArrayList<>();
    for (int k = 0; k < chosen.size(); k++) {
      int i = chosen.get(k);
      double[] simI = chosenRows.get(k);
      Sent s = pool.get(i);
      // credit: the earliest independent article that says the same thing; count how many do
      String origin = s.article();
      Set<String> carriers = new LinkedHashSet<>();
      carriers.add(s.article());
      for (int j = 0; j < n; j++) {
        if (simI[j] >= SAME) {
          carriers.add(pool.get(j).article());
          if (ORDER.compare(articles.get(pool.get(j).article()), articles.get(origin)) < 0) {
            origin = pool.get(j).article();
          }
        }
      }
      Article a = articles.get(origin);
      String text = s.text();
      Article own = articles.get(s.article());
      if (own.dateline() != null && text.startsWith(own.dateline()) && text.length() > own.dateline().length() + 20) {
        text = text.substring(own.dateline().length()).strip(); // the credit line already says who wrote it
      }
      out.add(new Synthesis.SummarySentence(text, origin, a.outlet(), carriers.size()));
    }
    return out;
  }

  private static double maxOf(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  /**
   * The cosine graph of a story's sentences, kept sparse: only pairs at {@link #EDGE} or more, found
   * through the terms they share, so a story of thousands of sentences costs what its shared terms
   * cost, not the square of its size. Every similarity is the one {@link #cosine} gives the two
   * sentences (the same products summed in the same term order), so the summary does not depend on
   * how the graph is held.
   */
  static final class Graph {
    private final int[][] ids; // per sentence, term ids in term order
    private final double[][] weights;
    private final double[] norms;
    private final int[][] edges; // per sentence, neighbours at EDGE or more, ascending
    private final double[][] edgeSims;

    private Graph(int[][] ids, double[][] weights, double[] norms, int[][] edges, double[][] edgeSims) {
      this.ids = ids;
      this.weights = weights;
      this.norms = norms;
      this.edges = edges;
      this.edgeSims = edgeSims;
    }

    /** The graph of {@code vectors} (term → weight maps iterated in term order, as {@link TreeMap}s are). */
    static Graph of(List<Map<String, Double>> vectors) {
      int n = vectors.size();
      java.util.TreeSet<String> vocabulary = new java.util.TreeSet<>();
      for (Map<String, Double> v : vectors) {
        vocabulary.addAll(v.keySet());
      }
      Map<String, Integer> id = new HashMap<>();
      for (String t : vocabulary) {
        id.put(t, id.size());
      }
      int[][] ids = new int[n][];
      double[][] weights = new double[n][];
      double[] norms = new double[n];
      int[] df = new int[id.size()];
      for (int i = 0; i < n; i++) {
        Map<String, Double> v = vectors.get(i);
        ids[i] = new int[v.size()];
        weights[i] = new double[v.size()];
        int k = 0;
        for (Map.Entry<String, Double> e : v.entrySet()) { // term order: ids ascend
          ids[i][k] = id.get(e.getKey());
          weights[i][k] = e.getValue();
          df[ids[i][k]]++;
          k++;
        }
        norms[i] = norm(v);
      }
      // postings: for each term, the sentences holding it, ascending, with their weights
      int[][] postings = new int[df.length][];
      double[][] postingWeights = new double[df.length][];
      for (int t = 0; t < df.length; t++) {
        postings[t] = new int[df[t]];
        postingWeights[t] = new double[df[t]];
      }
      int[] fill = new int[df.length];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < ids[i].length; k++) {
          int t = ids[i][k];
          postings[t][fill[t]] = i;
          postingWeights[t][fill[t]++] = weights[i][k];
        }
      }
      List<List<Integer>> adjacency = new ArrayList<>(n);
      List<List<Double>> adjacencySims = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        adjacency.add(new ArrayList<>());
        adjacencySims.add(new ArrayList<>());
      }
      double[] dot = new double[n];
      int[] touched = new int[n];
      boolean[] seen = new boolean[n];
      for (int i = 0; i < n; i++) {
        int count = 0;
        // the terms of i in term order, so each pair's products are summed as cosine sums them
        for (int k = 0; k < ids[i].length; k++) {
          int t = ids[i][k];
          int[] p = postings[t];
          double[] pw = postingWeights[t];
          int from = java.util.Arrays.binarySearch(p, i) + 1;
          for (int x = from; x < p.length; x++) {
            int j = p[x];
            if (!seen[j]) {
              seen[j] = true;
              touched[count++] = j;
            }
            dot[j] += weights[i][k] * pw[x];
          }
        }
        java.util.Arrays.sort(touched, 0, count);
        for (int x = 0; x < count; x++) {
          int j = touched[x];
          double c = dot[j] / (norms[i] * norms[j]);
          if (c >= EDGE) {
            adjacency.get(i).add(j);
            adjacencySims.get(i).add(c);
            adjacency.get(j).add(i);
            adjacencySims.get(j).add(c);
          }
          dot[j] = 0;
          seen[j] = false;
        }
      }
      int[][] edges = new int[n][];
      double[][] edgeSims = new double[n][];
      for (int i = 0; i < n; i++) {
        // neighbours j < i were added while visiting j (ascending), those above while visiting i (ascending)
        List<Integer> a = adjacency.get(i);
        edges[i] = new int[a.size()];
        edgeSims[i] = new double[a.size()];
        for (int x = 0; x < a.size(); x++) {
          edges[i][x] = a.get(x);
          edgeSims[i][x] = adjacencySims.get(i).get(x);
        }
      }
      return new Graph(ids, weights, norms, edges, edgeSims);
    }

    /** The cosine of sentences {@code i} and {@code j} as {@link #cosine} gives it for the lower index first. */
    double sim(int i, int j) {
      if (i > j) {
        return sim(j, i);
      }
      int[] a = ids[i];
      int[] b = ids[j];
      if (a.length == 0 || b.length == 0) {
        return 0;
      }
      double dot = 0;
      for (int x = 0, y = 0; x < a.length && y < b.length; ) {
        if (a[x] < b[y]) {
          x++;
        } else if (a[x] > b[y]) {
          y++;
        } else {
          dot += weights[i][x++] * weights[j][y++];
        }
      }
      return dot / (norms[i] * norms[j]);
    }

    /** Similarities of sentence {@code i} with every sentence (0 with itself). */
    double[] row(int i) {
      double[] r = new double[ids.length];
      for (int j = 0; j < r.length; j++) {
        r[j] = j == i ? 0 : sim(i, j);
      }
      return r;
    }

    /** LexRank (Erkan and Radev 2004): PageRank over the thresholded cosine graph, fixed 50 iterations. */
    double[] lexRank() {
      int n = ids.length;
      double[] degree = new double[n];
      for (int i = 0; i < n; i++) {
        for (double c : edgeSims[i]) {
          degree[i] += c;
        }
      }
      double[] r = new double[n];
      java.util.Arrays.fill(r, 1.0 / n);
      for (int it = 0; it < 50; it++) {
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
          double s = 0;
          for (int x = 0; x < edges[i].length; x++) {
            int j = edges[i][x];
            if (degree[j] > 0) {
              s += edgeSims[i][x] / degree[j] * r[j];
            }
          }
          next[i] = (1 - DAMPING) / n + DAMPING * s;
        }
        r = next;
      }
      return r;
    }
  }

  // ---- entities across outlets ----

  private static List<Synthesis.StoryEntity> entities(List<Article> members, Map<String, Annotations> annotations,
      Map<String, String> alias) {
    // Long names first: "person:blinken" joins "person:antony-j-blinken" when the surname matches.
    record Seen(String id, String type, String name, String article, int mentions) {}
    List<Seen> seen = new ArrayList<>();
    for (Article a : members) {
      Annotations an = annotations.get(a.id());
      if (an == null) {
        continue;
      }
      for (Entity e : an.entities()) {
        seen.add(new Seen(e.id(), e.type(), e.name(), a.id(), e.mentions().size()));
      }
    }
    seen.sort(Comparator.comparingInt((Seen s) -> -s.id().length()).thenComparing(Seen::id));
    Map<String, Synthesis.StoryEntity> merged = new TreeMap<>();
    Map<String, Set<String>> articlesOf = new HashMap<>();
    Map<String, Set<String>> aliasesOf = new HashMap<>();
    Map<String, Integer> mentions = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    for (Seen s : seen) {
      String target = alias.get(s.id());
      if (target == null) {
        target = s.id();
        if (s.type().equals("PERSON") && !s.id().contains("-")) {
          String surname = s.id().substring(s.id().indexOf(':') + 1);
          for (String known : names.keySet()) {
            if (known.startsWith("person:") && known.endsWith("-" + surname)) {
              target = known;
              break;
            }
          }
        }
        alias.put(s.id(), target);
      }
      names.putIfAbsent(target, s.name());
      types.putIfAbsent(target, s.type());
      articlesOf.computeIfAbsent(target, k -> new java.util.TreeSet<>()).add(s.article());
      aliasesOf.computeIfAbsent(target, k -> new java.util.TreeSet<>()).add(s.id());
      mentions.merge(target, s.mentions(), Integer::sum);
    }
    for (String id : names.keySet()) {
      merged.put(id, new Synthesis.StoryEntity(id, types.get(id), names.get(id), List.copyOf(aliasesOf.get(id)),
          List.copyOf(articlesOf.get(id)), mentions.get(id)));
    }
    List<Synthesis.StoryEntity> out = new ArrayList<>(merged.values());
    out.sort(Comparator.comparingInt((Synthesis.StoryEntity e) -> -e.articles().size())
        .thenComparingInt(e -> -e.mentions()).thenComparing(Synthesis.StoryEntity::id));
    return out;
  }

  // ---- timeline ----

  private static List<Synthesis.TimelineEvent> timeline(List<Article> members, Set<String> originals,
      Map<String, Annotations> annotations, Map<String, List<Sent>> byArticle, Map<String, String> alias) {
    record Ev(String date, Sent sentence, List<String> actors, Set<String> articles) {}
    List<Ev> events = new ArrayList<>();
    // Independent reports only: a copy resolves "Monday" against its own, later publish date, and it
    // adds no corroboration (its echo is counted in the story header).
    for (Article a : members) {
      Annotations an = annotations.get(a.id());
      if (an == null || !originals.contains(a.id())) {
        continue;
      }
      for (Timex t : an.times()) {
        if (!t.type().equals("DATE") && !t.type().equals("TIME") || !Character.isDigit(t.value().charAt(0))
            || t.value().length() < 7 || t.value().contains("X") || !Character.isDigit(t.value().charAt(5))) {
          continue; // days and months only: "2023-06-18", "2023-06"
        }
        Sent s = containing(byArticle.get(a.id()), t.span().start());
        if (s == null) {
          continue;
        }
        String date = t.value().length() >= 10 ? t.value().substring(0, 10) : t.value();
        Ev same = null;
        for (Ev e : events) {
          if (e.date().equals(date) && cosine(e.sentence().vector(), s.vector()) >= SAME) {
            same = e;
            break;
          }
        }
        if (same != null) {
          same.articles().add(a.id());
          continue;
        }
        List<String> actors = new ArrayList<>();
        for (Entity e : an.entities()) {
          for (Entity.Mention m : e.mentions()) {
            if (m.span().start() >= s.start() && m.span().end() <= s.end()) {
              String id = alias.getOrDefault(e.id(), e.id());
              if (!actors.contains(id)) {
                actors.add(id);
              }
              break;
            }
          }
        }
        Set<String> arts = new LinkedHashSet<>();
        arts.add(a.id());
        events.add(new Ev(date, s, actors, arts));
      }
    }
    events.sort(Comparator.comparing(Ev::date).thenComparing(e -> e.sentence().article()).thenComparingInt(e -> e.sentence().start()));
    List<Synthesis.TimelineEvent> out = new ArrayList<>();
    for (Ev e : events.subList(0, Math.min(TIMELINE_EVENTS, events.size()))) {
      out.add(new Synthesis.TimelineEvent(e.date(), e.sentence().text(), e.actors(), List.copyOf(e.articles())));
    }
    return out;
  }

  private static Sent containing(List<Sent> sentences, int offset) {
    for (Sent s : sentences) {
      if (offset >= s.start() && offset < s.end()) {
        return s;
      }
    }
    return null;
  }

  // ---- quotes, first carrier, drift ----

  private static List<Synthesis.StoryQuote> quotes(List<Article> members, Set<String> originals,
      Map<String, Annotations> annotations, Map<String, String> alias, Map<String, Relation> relationOf) {
    record Q(Article article, Quote quote, Set<String> words) {}
    List<Q> all = new ArrayList<>();
    // originals first, then copies; each in publish order
    List<Article> order = new ArrayList<>(members);
    order.sort(Comparator.comparing((Article a) -> originals.contains(a.id()) ? 0 : 1).thenComparing(ORDER));
    for (Article a : order) {
      Annotations an = annotations.get(a.id());
      if (an == null) {
        continue;
      }
      for (Quote q : an.quotes()) {
        Set<String> w = words(q.text());
        if (w.size() >= 4) {
          all.add(new Q(a, q, w));
        }
      }
    }
    List<List<Q>> groups = new ArrayList<>();
    for (Q q : all) {
      List<Q> home = null;
      for (List<Q> g : groups) {
        if (Terms.jaccard(g.get(0).words(), q.words()) >= SAME_QUOTE) {
          home = g;
          break;
        }
      }
      // a copy's quote whose aligned passage holds a quote of the article it copies is that quote, however
      // much its words changed (a paraphrase or a translation rewrites quotes too)
      Relation r = relationOf.get(q.article().id());
      if (home == null && r != null) {
        for (var ev : r.evidence()) {
          if (q.quote().span().start() < ev.copy().end() && ev.copy().start() < q.quote().span().end()) {
            for (List<Q> g : groups) {
              for (Q other : g) {
                if (other.article().id().equals(r.original())
                    && other.quote().span().start() < ev.original().end() && ev.original().start() < other.quote().span().end()) {
                  home = g;
                }
              }
            }
          }
        }
      }
      if (home == null && r != null) {
        // or a quote of the original by the same speaker that still shares a quarter of its words
        for (List<Q> g : groups) {
          for (Q other : g) {
            if (other.article().id().equals(r.original()) && sameSpeaker(other.quote(), q.quote())
                && Terms.jaccard(other.words(), q.words()) >= 0.25) {
              home = g;
            }
          }
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        groups.add(home);
      }
      home.add(q);
    }
    List<Synthesis.StoryQuote> out = new ArrayList<>();
    for (List<Q> g : groups) {
      Q first = g.get(0);
      String speaker = null;
      String speakerEntity = null;
      for (Q q : g) {
        if (q.quote().speaker() != null && speaker == null) {
          speaker = q.quote().speaker();
          speakerEntity = q.quote().speakerEntity() == null ? null : alias.getOrDefault(q.quote().speakerEntity(), q.quote().speakerEntity());
        }
      }
      List<Synthesis.QuoteVariant> variants = new ArrayList<>();
      for (Q q : g) {
        // compare with the wording in the article this one copies, when that article carries the quote
        Q reference = first;
        Relation copied = relationOf.get(q.article().id());
        if (copied != null) {
          String original = copied.original();
          for (Q other : g) {
            if (other.article().id().equals(original)) {
              reference = other;
              break;
            }
          }
        }
        String diff = q == reference ? "" : diff(reference.quote().text(), q.quote().text());
        variants.add(new Synthesis.QuoteVariant(q.article().id(), q.quote().text(), !diff.isEmpty(), diff));
      }
      out.add(new Synthesis.StoryQuote(first.quote().text(), speaker, speakerEntity, first.article().id(), variants));
    }
    return out;
  }

  private static boolean sameSpeaker(Quote a, Quote b) {
    if (a.speakerEntity() != null && a.speakerEntity().equals(b.speakerEntity())) {
      return true;
    }
    if (a.speaker() == null || b.speaker() == null) {
      return false;
    }
    String[] x = a.speaker().split("\\s+");
    String[] y = b.speaker().split("\\s+");
    return x[x.length - 1].equalsIgnoreCase(y[y.length - 1]) && Character.isUpperCase(x[x.length - 1].charAt(0));
  }

  /** Words removed ({@code -w}) and added ({@code +w}) between two wordings, by longest common subsequence; empty when equal. */
  static String diff(String from, String to) {
    String[] a = wordsInOrder(from);
    String[] b = wordsInOrder(to);
    int[][] l = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        l[i][j] = a[i].equals(b[j]) ? l[i + 1][j + 1] + 1 : Math.max(l[i + 1][j], l[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        i++;
        j++;
      } else if (j < b.length && (i == a.length || l[i][j + 1] >= l[i + 1][j])) {
        out.add("+" + b[j++]);
      } else {
        out.add("-" + a[i++]);
      }
    }
    return String.join(" ", out);
  }

  private static String[] wordsInOrder(String s) {
    String t = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'’ ]+", " ").strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  private static Set<String> words(String s) {
    return new LinkedHashSet<>(List.of(wordsInOrder(s)));
  }

  // ---- sentences and vectors ----

  private static List<Sent> sentences(Article a) {
    List<Sent> out = new ArrayList<>();
    Matcher m = Sentences.CANDIDATE.matcher(a.text());
    int pendingStart = -1;
    while (m.find()) {
      int start = pendingStart >= 0 ? pendingStart : m.start();
      String raw = a.text().substring(start, m.end());
      // "Mr." or an initial does not end a sentence
      if (raw.matches("(?s).*\\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jr|[A-Z])\\.$") && m.end() < a.text().length()
          && a.text().charAt(m.end()) != '\n') {
        pendingStart = start;
        continue;
      }
      pendingStart = -1;
      int s = start;
      while (s < m.end() && Character.isWhitespace(a.text().charAt(s))) {
        s++;
      }
      if (m.end() - s < 20) {
        continue;
      }
      String text = a.text().substring(s, m.end()).strip();
      out.add(new Sent(a.id(), s, m.end(), text, vector(text)));
    }
    return out;
  }

  private static Map<String, Double> vector(String text) {
    Map<String, Double> v = new TreeMap<>();
    for (String t : Terms.of(text)) {
      v.merge(t, 1.0, Double::sum);
    }
    return v;
  }

  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double o = large.get(e.getKey());
      if (o != null) {
        dot += e.getValue() * o;
      }
    }
    return dot / (norm(a) * norm(b));
  }

  private static double norm(Map<String, Double> v) {
    double s = 0;
    for (double x : v.values()) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
