package io.wiretrace.cluster;

import io.wiretrace.extract.Dates;
import io.wiretrace.model.Article;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Story placement one article at a time, for a store that cannot re-read its corpus: the online
 * pass of {@link StoryClusterer} with the same similarity (TF-IDF cosine blended with key-term
 * cosine, plus the time term), the same threshold, window and centroid bounds, but with document
 * frequencies taken from what is stored when the article arrives ({@link DocFreq}) instead of from a
 * whole batch, and without the batch's reassignment passes.
 *
 * <pre>{@code
 * OnlineStories placer = new OnlineStories();
 * OnlineStories.Profile p = placer.profile(article, stored);
 * StoryState best = ...; // the open candidate with the highest placer.similarity(p, s) >= placer.threshold()
 * StoryState next = best == null ? placer.start(p) : placer.join(best, p);
 * }</pre>
 *
 * <p>Terms are identified by a 32-bit hash of their text, so a story's state is self-contained
 * ({@link StoryState#encode}) and needs no vocabulary; two terms sharing a hash count as one (rare,
 * and deterministic). Immutable; thread-safe.
 */
public final class OnlineStories {
  /** Terms of an article used to look up candidate stories (as in the batch). */
  public static final int QUERY_TERMS = 30;
  /** Strongest centroid terms a story is listed under. */
  public static final int INDEX_TERMS = 100;
  private static final int SUM_TERMS = 1000;
  private static final int CENTROID_TERMS = 300;
  private static final int EVIDENCE_TERMS = 5;

  private final double threshold = StoryClusterer.DEFAULT_THRESHOLD;
  private final double keyWeight = StoryClusterer.DEFAULT_KEY_WEIGHT;
  private final int windowDays = 7;
  private final double storylineThreshold = 0.18;

  /** Stored document frequencies, not counting the article being placed. */
  public interface DocFreq {
    /** Articles placed by similarity so far (copies do not count, as in the batch). */
    long docs();

    /** Placed articles whose index terms include {@code term}. */
    int df(String term);

    /** Placed articles whose key terms include {@code term}. */
    int keyDf(String term);
  }

  /** Minimum similarity to join a story. */
  public double threshold() {
    return threshold;
  }

  /** Minimum centroid cosine for a new story to join an earlier storyline. */
  public double storylineThreshold() {
    return storylineThreshold;
  }

  /**
   * What placement needs of one article: its unit TF-IDF vectors, its distinct terms (to be counted
   * into the store's document frequencies once placed) and its publication day.
   */
  public static final class Profile {
    final TfIdf.Vec vec;
    final TfIdf.Vec keys;
    final Map<Integer, String> names;
    final List<String> terms;
    final List<String> keyTerms;
    final long day;
    final long periodLo;
    final long periodHi;

    Profile(TfIdf.Vec vec, TfIdf.Vec keys, Map<Integer, String> names, List<String> terms, List<String> keyTerms, long day,
        long[] period) {
      this.periodLo = period[0];
      this.periodHi = period[1];
      this.vec = vec;
      this.keys = keys;
      this.names = names;
      this.terms = terms;
      this.keyTerms = keyTerms;
      this.day = day;
    }

    /** Distinct index terms, sorted. */
    public List<String> terms() {
      return terms;
    }

    /** Distinct key terms, sorted. */
    public List<String> keyTerms() {
      return keyTerms;
    }

    /** Publication day (epoch day), or {@code Long.MIN_VALUE} when undated. */
    public long day() {
      return day;
    }

    /** Lookup keys of the strongest terms, to find candidate stories ({@link StoryState#indexKeys}). */
    public List<String> queryKeys() {
      return keysOf(vec.topTerms(QUERY_TERMS));
    }
  }

  /** The profile of {@code a} against the stored frequencies (the article itself counted in). */
  public Profile profile(Article a, DocFreq stats) {
    TfIdf.DocTerms dt = TfIdf.DocTerms.of(a.title(), a.text(), true);
    Map<Integer, String> names = new HashMap<>();
    long n = stats.docs() + 1;
    TreeMap<String, Integer> tf = counts(dt.terms());
    TreeMap<String, Integer> kf = counts(dt.keys());
    TfIdf.Vec v = vector(tf, n, stats::df, names);
    TfIdf.Vec k = vector(kf, n, stats::keyDf, new HashMap<>());
    long day = a.published() == null ? Long.MIN_VALUE : Dates.epochDay(a.published());
    return new Profile(v, k, names, List.copyOf(tf.keySet()), List.copyOf(kf.keySet()), day, StoryClusterer.period(a));
  }

  private static TreeMap<String, Integer> counts(List<String> terms) {
    TreeMap<String, Integer> tf = new TreeMap<>();
    for (String t : terms) {
      tf.merge(t, 1, Integer::sum);
    }
    return tf;
  }

  private static TfIdf.Vec vector(TreeMap<String, Integer> tf, long n, java.util.function.ToIntFunction<String> df,
      Map<Integer, String> names) {
    TreeMap<Integer, Double> w = new TreeMap<>();
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      int id = termId(e.getKey());
      double idf = Math.log((n + 1.0) / (df.applyAsInt(e.getKey()) + 2.0)) + 1;
      w.merge(id, (1 + Math.log(e.getValue())) * idf, Double::sum);
      names.merge(id, e.getKey(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }
    int[] ids = new int[w.size()];
    double[] ws = new double[w.size()];
    int i = 0;
    double norm = 0;
    for (Map.Entry<Integer, Double> e : w.entrySet()) {
      ids[i] = e.getKey();
      ws[i] = e.getValue();
      norm += ws[i] * ws[i];
      i++;
    }
    if (norm == 0) {
      return TfIdf.Vec.EMPTY;
    }
    double inv = 1 / Math.sqrt(norm);
    for (int j = 0; j < ws.length; j++) {
      ws[j] *= inv;
    }
    return new TfIdf.Vec(ids, ws);
  }

  /** A term's id: a 32-bit FNV-1a hash of its UTF-8 bytes, mixed. */
  static int termId(String term) {
    int h = 0x811C9DC5;
    for (byte b : term.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }

  private static List<String> keysOf(int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(Integer.toHexString(id));
    }
    return out;
  }

  /**
   * What a store keeps of one story to place the next article: the bounded running sums and
   * centroids of its members' vectors, its dated span and its size.
   */
  public static final class StoryState {
    final TfIdf.Vec sum;
    final TfIdf.Vec centroid;
    final TfIdf.Vec keySum;
    final TfIdf.Vec keyCentroid;
    final long firstDay;
    final long lastDay;
    /**
     * Earliest and latest of the members' days (publication day, or an estimate's last day: see
     * {@link StoryClusterer#periodsMeet}); {@code Long.MAX_VALUE} first when none has one.
     */
    final long periodLo;
    final long periodHi;
    final int size;

    StoryState(TfIdf.Vec sum, TfIdf.Vec centroid, TfIdf.Vec keySum, TfIdf.Vec keyCentroid, long firstDay, long lastDay,
        long periodLo, long periodHi, int size) {
      this.periodLo = periodLo;
      this.periodHi = periodHi;
      this.sum = sum;
      this.centroid = centroid;
      this.keySum = keySum;
      this.keyCentroid = keyCentroid;
      this.firstDay = firstDay;
      this.lastDay = lastDay;
      this.size = size;
    }

    /** Members placed by similarity. */
    public int size() {
      return size;
    }

    /** Newest member's day, or {@code Long.MIN_VALUE} when no member is dated. */
    public long lastDay() {
      return lastDay;
    }

    /** Oldest member's day, or {@code Long.MAX_VALUE} when no member is dated. */
    public long firstDay() {
      return firstDay;
    }

    /** The keys the story is listed under (its strongest centroid terms). */
    public List<String> indexKeys() {
      return keysOf(centroid.topTerms(INDEX_TERMS));
    }

    /** A compact, versioned binary form; {@link #decode} reads it back exactly. */
    public byte[] encode() {
      int n = 4 + 8 + 8 + 8 + 8 + 4 + 4 * 4 + 12 * (sum.ids().length + centroid.ids().length + keySum.ids().length
          + keyCentroid.ids().length);
      ByteBuffer b = ByteBuffer.allocate(n);
      b.putInt(2).putLong(firstDay).putLong(lastDay).putLong(periodLo).putLong(periodHi).putInt(size);
      for (TfIdf.Vec v : new TfIdf.Vec[] {sum, centroid, keySum, keyCentroid}) {
        b.putInt(v.ids().length);
        for (int i = 0; i < v.ids().length; i++) {
          b.putInt(v.ids()[i]).putDouble(v.weights()[i]);
        }
      }
      return b.array();
    }

    /** Reads {@link #encode}'s form. */
    public static StoryState decode(byte[] bytes) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      int version = b.getInt();
      if (version != 2) {
        throw new IllegalArgumentException("unknown story state version " + version);
      }
      long first = b.getLong();
      long last = b.getLong();
      long periodLo = b.getLong();
      long periodHi = b.getLong();
      int size = b.getInt();
      TfIdf.Vec[] v = new TfIdf.Vec[4];
      for (int k = 0; k < 4; k++) {
        int len = b.getInt();
        int[] ids = new int[len];
        double[] ws = new double[len];
        for (int i = 0; i < len; i++) {
          ids[i] = b.getInt();
          ws[i] = b.getDouble();
        }
        v[k] = len == 0 ? TfIdf.Vec.EMPTY : new TfIdf.Vec(ids, ws);
      }
      return new StoryState(v[0], v[1], v[2], v[3], first, last, periodLo, periodHi, size);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StoryState s && Arrays.equals(encode(), s.encode());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(encode());
    }
  }

  /**
   * Whether {@code s} is open for an article of {@code day}: both dated and the story's newest
   * article at most the window older, or either undated.
   */
  public boolean open(StoryState s, long day) {
    return day == Long.MIN_VALUE || s.lastDay == Long.MIN_VALUE || day - s.lastDay <= windowDays;
  }

  /**
   * Whether the article may join {@code s} at all, as in the batch: its period and the story's
   * come within {@link StoryClusterer#ESTIMATE_MARGIN_DAYS} ({@link StoryClusterer#periodsMeet}).
   */
  public boolean compatible(Profile p, StoryState s) {
    return StoryClusterer.periodsMeet(p.periodLo, p.periodHi, s.periodLo, s.periodHi);
  }

  /** The similarity the batch's online pass uses: blended cosine plus the time term. */
  public double similarity(Profile p, StoryState s) {
    return (1 - keyWeight) * p.vec.dot(s.centroid) + keyWeight * p.keys.dot(s.keyCentroid) + timeBonus(p.day, s.firstDay,
        s.lastDay);
  }

  /** Centroid cosine of two stories, for storylines. */
  public double storySimilarity(StoryState a, StoryState b) {
    return a.centroid.dot(b.centroid);
  }

  private double timeBonus(long day, long first, long last) {
    if (day == Long.MIN_VALUE || first == Long.MAX_VALUE) {
      return 0;
    }
    long gap = day < first ? first - day : day > last ? day - last : 0;
    return Math.max(0, StoryClusterer.TIME_BONUS * (1 - gap / (windowDays + 1.0)));
  }

  /** A story of one article. */
  public StoryState start(Profile p) {
    return join(new StoryState(TfIdf.Vec.EMPTY, TfIdf.Vec.EMPTY, TfIdf.Vec.EMPTY, TfIdf.Vec.EMPTY, Long.MAX_VALUE,
        Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0), p);
  }

  /** {@code s} with {@code p} added. */
  public StoryState join(StoryState s, Profile p) {
    TfIdf.Vec sum = TfIdf.prune(TfIdf.plus(s.sum, p.vec), SUM_TERMS);
    TfIdf.Vec keySum = TfIdf.prune(TfIdf.plus(s.keySum, p.keys), SUM_TERMS);
    long first = s.firstDay;
    long last = s.lastDay;
    if (p.day != Long.MIN_VALUE) {
      first = Math.min(first, p.day);
      last = Math.max(last, p.day);
    }
    long periodLo = s.periodLo;
    long periodHi = s.periodHi;
    if (p.periodLo != StoryClusterer.NO_DAY) {
      periodLo = Math.min(periodLo, p.periodHi); // a member counts with its latest day, as in the batch
      periodHi = Math.max(periodHi, p.periodHi);
    }
    return new StoryState(sum, TfIdf.centroid(sum).truncate(CENTROID_TERMS), keySum,
        TfIdf.centroid(keySum).truncate(CENTROID_TERMS), first, last, periodLo, periodHi, s.size + 1);
  }

  /** The article's terms that contributed most to its similarity with {@code s}, strongest first. */
  public List<String> evidence(Profile p, StoryState s) {
    List<String> out = new ArrayList<>();
    for (int id : p.vec.topShared(s.centroid, EVIDENCE_TERMS)) {
      out.add(p.names.getOrDefault(id, Integer.toHexString(id)));
    }
    return out;
  }
}
