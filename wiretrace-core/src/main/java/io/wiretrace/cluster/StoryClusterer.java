package io.wiretrace.cluster;

import io.wiretrace.extract.Dates;
import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Online, time-ordered story clustering (after Miranda et al., "Multilingual Clustering of
 * Streaming News", EMNLP 2018, with TF-IDF similarity only in this version).
 *
 * <pre>{@code
 * List<Story> stories = StoryClusterer.builder().build().cluster(articles, relations);
 * }</pre>
 *
 * <p>Articles are visited in publication order (undated ones after the dated, then by id). Each
 * article that is not a copy joins the open story whose centroid is most similar, if the cosine is
 * at least {@code threshold}, or starts a new story. Only stories sharing one of the article's 30
 * strongest terms with their own 100 strongest are compared ({@link StoryIndex}), and centroids keep
 * their 300 strongest terms, so the cost per article does not grow with the stream. A story is open for an article when both are
 * dated and the story's newest article is at most {@code windowDays} older, or when either is
 * undated (no time evidence means no time penalty). Copies then join their original's story.
 * Each story then joins the most similar earlier storyline (centroid cosine at least
 * {@code storylineThreshold}) or starts one.
 *
 * <p>Defaults: threshold 0.22, windowDays 7, storylineThreshold 0.18. Immutable; thread-safe.
 */
public final class StoryClusterer {
  private final double threshold;
  private final int windowDays;
  private final double storylineThreshold;
  private final boolean properNouns;

  private StoryClusterer(double threshold, int windowDays, double storylineThreshold, boolean properNouns) {
    this.threshold = threshold;
    this.windowDays = windowDays;
    this.storylineThreshold = storylineThreshold;
    this.properNouns = properNouns;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Strongest terms of an article used to look up candidate stories. */
  private static final int QUERY_TERMS = 30;
  /** Strongest centroid terms a story is listed under. */
  private static final int INDEX_TERMS = 100;
  /** Stories kept per index term (the most recently updated). */
  private static final int MAX_POSTING = 200;
  /** Terms kept in a story's running sum of member vectors: bounded memory however large the story grows. */
  private static final int SUM_TERMS = 1000;
  /** Terms kept in a story centroid: a bounded cost per comparison however large the story grows. */
  private static final int CENTROID_TERMS = 300;

  /** Terms reported as the evidence of a membership or storyline link. */
  private static final int EVIDENCE_TERMS = 5;

  private static final class Open {
    final int index;
    final List<Article> members = new ArrayList<>();
    final Map<String, Story.Membership> why = new HashMap<>();
    TfIdf.Vec sum = TfIdf.Vec.EMPTY;
    TfIdf.Vec centroid = TfIdf.Vec.EMPTY;
    long lastDay = Long.MIN_VALUE;

    Open(int index) {
      this.index = index;
    }
  }

  /** Clusters {@code articles}; {@code relations} tie copies to originals. */
  public List<Story> cluster(List<Article> articles, List<Relation> relations) {
    List<Article> ordered = new ArrayList<>(articles);
    ordered.sort(Comparator.comparing((Article a) -> Dates.sortKey(a.published())).thenComparing(Article::id));
    Map<String, Relation> copyOf = new HashMap<>();
    for (Relation r : relations) {
      Relation prev = copyOf.get(r.copy());
      if (prev == null || r.coverage() > prev.coverage()
          || (r.coverage() == prev.coverage() && r.original().compareTo(prev.original()) < 0)) {
        copyOf.put(r.copy(), r);
      }
    }
    TfIdf.Builder vocabulary = new TfIdf.Builder();
    List<int[]> termIds = new ArrayList<>();
    List<Article> heads = new ArrayList<>();
    for (Article a : ordered) {
      if (!copyOf.containsKey(a.id())) {
        heads.add(a);
        termIds.add(vocabulary.add(TfIdf.terms(a.title(), a.text(), properNouns)));
      }
    }
    TfIdf tfidf = vocabulary.build();
    Map<String, String> surface = surfaceForms(heads);
    List<Open> stories = new ArrayList<>();
    Map<String, Open> storyOf = new HashMap<>();
    StoryIndex index = new StoryIndex(INDEX_TERMS, MAX_POSTING);
    List<Open> open = new ArrayList<>();
    long today = Long.MIN_VALUE;
    for (int i = 0; i < heads.size(); i++) {
      Article a = heads.get(i);
      TfIdf.Vec v = tfidf.vector(termIds.get(i));
      termIds.set(i, null); // done with it
      long day = a.published() == null ? Long.MIN_VALUE : Dates.epochDay(a.published());
      if (day != Long.MIN_VALUE && day > today) {
        today = day;
        // stories quiet for longer than the window close: out of the index for good
        for (java.util.Iterator<Open> it = open.iterator(); it.hasNext(); ) {
          Open s = it.next();
          if (s.lastDay != Long.MIN_VALUE && today - s.lastDay > windowDays) {
            index.remove(s.index);
            it.remove();
          }
        }
      }
      Open best = null;
      double bestSim = threshold;
      // closed stories left the index above (today >= day), so every candidate is open
      for (int c : index.candidates(v.topTerms(QUERY_TERMS))) {
        Open s = stories.get(c);
        double sim = v.dot(s.centroid);
        if (sim >= bestSim && (best == null || sim > bestSim)) {
          best = s;
          bestSim = sim;
        }
      }
      if (best == null) {
        best = new Open(stories.size());
        stories.add(best);
        open.add(best);
        best.why.put(a.id(), new Story.Membership(a.id(), "first", 1, List.of()));
      } else {
        best.why.put(a.id(), new Story.Membership(a.id(), "similarity", round(bestSim),
            terms(tfidf, surface, v.topShared(best.centroid, EVIDENCE_TERMS))));
      }
      best.members.add(a);
      best.sum = TfIdf.prune(TfIdf.plus(best.sum, v), SUM_TERMS);
      best.centroid = TfIdf.centroid(best.sum).truncate(CENTROID_TERMS);
      best.lastDay = Math.max(best.lastDay, day);
      index.update(best.index, best.centroid);
      storyOf.put(a.id(), best);
    }
    // copies join their original's story, following chains to the root
    for (Article a : ordered) {
      if (!copyOf.containsKey(a.id())) {
        continue;
      }
      String root = a.id();
      for (int hops = 0; copyOf.containsKey(root) && hops < 64; hops++) {
        root = copyOf.get(root).original();
      }
      Open s = storyOf.get(root);
      if (s == null) { // a cycle of credits; start a story of its own
        s = new Open(stories.size());
        stories.add(s);
      }
      s.members.add(a);
      s.why.put(a.id(), new Story.Membership(a.id(), "copy", copyOf.get(a.id()).coverage(), List.of()));
      storyOf.put(a.id(), s);
    }
    return toStories(stories, copyOf, tfidf, surface);
  }

  private static List<String> terms(TfIdf tfidf, Map<String, String> surface, int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      String stem = tfidf.term(id);
      out.add(surface.getOrDefault(stem, stem));
    }
    return out;
  }

  /** For each stem, its most frequent lower-cased word in the batch (ties: alphabetical): evidence people can read. */
  private static Map<String, String> surfaceForms(List<Article> articles) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Article a : articles) {
      for (String text : new String[] {a.title(), a.text()}) {
        if (text == null) {
          continue;
        }
        io.wiretrace.text.Tokens t = io.wiretrace.text.Tokens.of(text);
        for (int i = 0; i < t.size(); i++) {
          String f = t.form(i);
          counts.computeIfAbsent(io.wiretrace.text.Terms.stem(f), k -> new HashMap<>()).merge(f, 1, Integer::sum);
        }
      }
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
      String best = null;
      int n = -1;
      for (Map.Entry<String, Integer> f : e.getValue().entrySet()) {
        if (f.getValue() > n || (f.getValue() == n && f.getKey().compareTo(best) < 0)) {
          best = f.getKey();
          n = f.getValue();
        }
      }
      out.put(e.getKey(), best);
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private List<Story> toStories(List<Open> open, Map<String, Relation> copyOf, TfIdf tfidf, Map<String, String> surface) {
    Comparator<Article> byTime = Comparator.comparing((Article a) -> Dates.sortKey(a.published())).thenComparing(Article::id);
    // storylines, online in story order: a story joins the storyline whose centroid (sum of its
    // stories' centroids) is most similar, if at least storylineThreshold; no chaining through
    // intermediate stories, so one broad story cannot glue unrelated storylines together
    int[] lineOf = new int[open.size()];
    Story.Evidence[] lineWhy = new Story.Evidence[open.size()];
    List<TfIdf.Vec> lineSums = new ArrayList<>();
    List<TfIdf.Vec> lineCentroids = new ArrayList<>();
    List<Integer> lineIds = new ArrayList<>();
    StoryIndex lineIndex = new StoryIndex(INDEX_TERMS, MAX_POSTING);
    for (int i = 0; i < open.size(); i++) {
      TfIdf.Vec c = open.get(i).centroid;
      int best = -1;
      double bestSim = storylineThreshold;
      for (int l : lineIndex.candidates(c.topTerms(QUERY_TERMS))) {
        double sim = c.dot(lineCentroids.get(l));
        if (sim >= bestSim && (best < 0 || sim > bestSim)) {
          best = l;
          bestSim = sim;
        }
      }
      if (best < 0) {
        best = lineCentroids.size();
        lineSums.add(TfIdf.Vec.EMPTY);
        lineCentroids.add(TfIdf.Vec.EMPTY);
        lineIds.add(i);
      } else {
        lineWhy[i] = new Story.Evidence(round(bestSim), terms(tfidf, surface, c.topShared(lineCentroids.get(best), EVIDENCE_TERMS)));
      }
      lineSums.set(best, TfIdf.prune(TfIdf.plus(lineSums.get(best), c), SUM_TERMS));
      lineCentroids.set(best, TfIdf.centroid(lineSums.get(best)).truncate(CENTROID_TERMS));
      lineIndex.update(best, lineCentroids.get(best));
      lineOf[i] = lineIds.get(best);
    }
    List<Story> out = new ArrayList<>();
    for (Open s : open) {
      List<Article> members = new ArrayList<>(s.members);
      members.sort(byTime);
      List<String> ids = members.stream().map(Article::id).toList();
      List<String> originals = members.stream().filter(a -> !copyOf.containsKey(a.id())).map(Article::id).toList();
      String title = members.stream().filter(a -> !copyOf.containsKey(a.id()) && a.title() != null)
          .map(Article::title).findFirst()
          .orElse(members.stream().map(Article::title).filter(t -> t != null).findFirst().orElse(null));
      List<Story.Membership> why = members.stream().map(a -> s.why.get(a.id())).toList();
      out.add(new Story(id(s.index), title, id(lineOf[s.index]), ids, originals, why, lineWhy[s.index]));
    }
    return out;
  }

  private static String id(int index) {
    return String.format(java.util.Locale.ROOT, "s%04d", index + 1);
  }

  /** Builds a {@link StoryClusterer}; each setter may be called once. */
  public static final class Builder {
    private Double threshold;
    private Integer windowDays;
    private Double storylineThreshold;
    private Boolean properNouns;

    /** Whether capitalized mid-sentence words count once more (a proper-noun cue); default true. */
    public Builder properNouns(boolean on) {
      if (properNouns != null) {
        throw new IllegalStateException("properNouns was already set to " + properNouns);
      }
      properNouns = on;
      return this;
    }

    /** Minimum cosine to join a story, in (0, 1]; default 0.22. */
    public Builder threshold(double t) {
      if (threshold != null) {
        throw new IllegalStateException("threshold was already set to " + threshold);
      }
      if (!(t > 0 && t <= 1)) {
        throw new IllegalArgumentException("threshold must be in (0, 1], got " + t);
      }
      threshold = t;
      return this;
    }

    /** Days a story stays open after its newest article, 0..3650; default 7. */
    public Builder windowDays(int d) {
      if (windowDays != null) {
        throw new IllegalStateException("windowDays was already set to " + windowDays);
      }
      if (d < 0 || d > 3650) {
        throw new IllegalArgumentException("windowDays must be between 0 and 3650, got " + d);
      }
      windowDays = d;
      return this;
    }

    /** Minimum centroid cosine to link two stories into one storyline, in (0, 1]; default 0.18. */
    public Builder storylineThreshold(double t) {
      if (storylineThreshold != null) {
        throw new IllegalStateException("storylineThreshold was already set to " + storylineThreshold);
      }
      if (!(t > 0 && t <= 1)) {
        throw new IllegalArgumentException("storylineThreshold must be in (0, 1], got " + t);
      }
      storylineThreshold = t;
      return this;
    }

    public StoryClusterer build() {
      return new StoryClusterer(threshold == null ? 0.22 : threshold, windowDays == null ? 7 : windowDays,
          storylineThreshold == null ? 0.18 : storylineThreshold, properNouns == null || properNouns);
    }
  }
}
