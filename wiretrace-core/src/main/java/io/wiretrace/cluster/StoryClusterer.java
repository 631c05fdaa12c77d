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
 * at least {@code threshold}, or starts a new story. A story is open for an article when both are
 * dated and the story's newest article is at most {@code windowDays} older, or when either is
 * undated (no time evidence means no time penalty). Copies then join their original's story.
 * Stories whose centroids reach {@code storylineThreshold} are linked into one storyline.
 *
 * <p>Defaults: threshold 0.22, windowDays 7, storylineThreshold 0.12. Immutable; thread-safe.
 */
public final class StoryClusterer {
  private final double threshold;
  private final int windowDays;
  private final double storylineThreshold;

  private StoryClusterer(double threshold, int windowDays, double storylineThreshold) {
    this.threshold = threshold;
    this.windowDays = windowDays;
    this.storylineThreshold = storylineThreshold;
  }

  public static Builder builder() {
    return new Builder();
  }

  private static final class Open {
    final int index;
    final List<Article> members = new ArrayList<>();
    final Map<Integer, Double> sum = new HashMap<>();
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
    List<List<String>> termLists = new ArrayList<>();
    List<Article> heads = new ArrayList<>();
    for (Article a : ordered) {
      if (!copyOf.containsKey(a.id())) {
        heads.add(a);
        termLists.add(TfIdf.terms(a.title(), a.text()));
      }
    }
    TfIdf tfidf = new TfIdf(termLists);
    List<Open> stories = new ArrayList<>();
    Map<String, Open> storyOf = new HashMap<>();
    for (int i = 0; i < heads.size(); i++) {
      Article a = heads.get(i);
      TfIdf.Vec v = tfidf.vector(termLists.get(i));
      long day = a.published() == null ? Long.MIN_VALUE : Dates.epochDay(a.published());
      Open best = null;
      double bestSim = threshold;
      for (Open s : stories) {
        if (day != Long.MIN_VALUE && s.lastDay != Long.MIN_VALUE && day - s.lastDay > windowDays) {
          continue;
        }
        double sim = v.dot(s.centroid);
        if (sim >= bestSim && (best == null || sim > bestSim)) {
          best = s;
          bestSim = sim;
        }
      }
      if (best == null) {
        best = new Open(stories.size());
        stories.add(best);
      }
      best.members.add(a);
      TfIdf.accumulate(best.sum, v);
      best.centroid = TfIdf.centroid(best.sum);
      best.lastDay = Math.max(best.lastDay, day);
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
      storyOf.put(a.id(), s);
    }
    return toStories(stories, copyOf);
  }

  private List<Story> toStories(List<Open> open, Map<String, Relation> copyOf) {
    Comparator<Article> byTime = Comparator.comparing((Article a) -> Dates.sortKey(a.published())).thenComparing(Article::id);
    // storylines: union-find over stories with similar centroids
    int[] parent = new int[open.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < open.size(); i++) {
      for (int j = i + 1; j < open.size(); j++) {
        if (open.get(i).centroid.dot(open.get(j).centroid) >= storylineThreshold) {
          int ri = find(parent, i);
          int rj = find(parent, j);
          parent[Math.max(ri, rj)] = Math.min(ri, rj);
        }
      }
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
      out.add(new Story(id(s.index), title, id(find(parent, s.index)), ids, originals));
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static String id(int index) {
    return String.format(java.util.Locale.ROOT, "s%04d", index + 1);
  }

  /** Builds a {@link StoryClusterer}; each setter may be called once. */
  public static final class Builder {
    private Double threshold;
    private Integer windowDays;
    private Double storylineThreshold;

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

    /** Minimum centroid cosine to link two stories into one storyline, in (0, 1]; default 0.12. */
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
          storylineThreshold == null ? 0.12 : storylineThreshold);
    }
  }
}
