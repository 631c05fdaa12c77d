package io.wiretrace.reuse;

import io.wiretrace.extract.Dates;
import io.wiretrace.fingerprint.MinHash;
import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds copy relations among a batch of articles.
 *
 * <pre>{@code
 * List<Relation> rels = new CopyDetector().detect(articles);
 * }</pre>
 *
 * <p>Steps: fingerprint every article; candidates from a {@link CandidateIndex} (MinHash-LSH plus
 * sampled shingles for partial copies); verify each candidate by {@link Alignment}; type it; pick
 * the original; collapse chains so that each copy points at the root of its lineage.
 *
 * <p>Deterministic: articles are processed in id order and every tie is broken by id. Thread-safe
 * (no state between calls); {@link #detect} itself runs on the calling thread.
 */
public final class CopyDetector {
  /**
   * Minimum aligned tokens outside quotation marks for a relation. Measured on the generated corpus
   * ({@code wiretrace eval reuse}): partial-copy recall 0.899 at 25, 0.955 at 15, 1.000 with no
   * floor, every miss a pasted paragraph that is mostly quotation. Kept at 25 because independent
   * reports quote the same words, and a false accusation costs more than a missed excerpt.
   */
  public static final int MIN_UNQUOTED_TOKENS = 25;
  /** Minimum share of either article covered by aligned passages. */
  public static final double MIN_COVERAGE = 0.15;
  /** Both sides at least this covered and exactly matching: verbatim. */
  public static final double VERBATIM = 0.95;
  /** Both sides at least this covered: near duplicate; otherwise partial. */
  public static final double NEAR = 0.5;
  /** Share of aligned content words swapped for WordNet synonyms from which a copy is {@code spun}. */
  public static final double SPUN_RATE = 0.08;

  /**
   * Function-word edits per aligned token from which a mostly aligned copy is {@code translated}:
   * a round trip through machine translation renders prepositions and articles anew, which spinners
   * and copy editors leave alone. Chosen on generated copies (seed 42: spun copies reach at most
   * 0.016, translated-style copies start at 0.019); {@code wiretrace eval reuse} reports it on
   * another seed as well.
   */
  public static final double TRANSLATED_FUNCTION_RATE = 0.018;
  /** Function-word edits a {@code translated} copy needs at least, whatever its length. */
  public static final int TRANSLATED_MIN_EDITS = 5;
  /**
   * Share of aligned content words swapped for synonyms a {@code translated} copy needs as well (and
   * at least {@link #TRANSLATED_MIN_EDITS} of them): a translation renders content words anew too,
   * while an outlet's edit of a wire story changes function words ("said on Monday" → "said
   * Monday") but hardly any content word (ECB+ relations: synonym rate at most 0.053, and never five
   * synonym swaps with a function-word rate above the threshold).
   */
  public static final double TRANSLATED_SYNONYM_RATE = 0.04;

  private final MinHash minHash = MinHash.builder().numHashes(128).build();

  /** Detects relations among {@code articles} (any order; ids must be unique). */
  public List<Relation> detect(List<Article> articles) {
    List<Article> sorted = new ArrayList<>(articles);
    sorted.sort(Comparator.comparing(Article::id));
    List<Fingerprint> fps = new ArrayList<>(sorted.size());
    for (Article a : sorted) {
      fps.add(Fingerprint.of(a, minHash));
    }
    return detectFingerprints(fps);
  }

  /** As {@link #detect}, over fingerprints already computed (in id order). */
  public List<Relation> detectFingerprints(List<Fingerprint> fps) {
    Set<Long> pairs = candidates(fps);
    Map<String, List<Edge>> edges = new TreeMap<>();
    for (long pair : pairs.stream().sorted().toList()) {
      int x = (int) (pair >>> 32);
      int y = (int) pair;
      Edge e = verifyOrdered(fps.get(x), fps.get(y));
      if (e != null) {
        edges.computeIfAbsent(e.relation.copy(), c -> new ArrayList<>()).add(e);
      }
    }
    return lineage(edges);
  }

  private Set<Long> candidates(List<Fingerprint> fps) {
    Set<Long> pairs = new HashSet<>();
    CandidateIndex index = new CandidateIndex();
    for (int i = 0; i < fps.size(); i++) {
      Fingerprint f = fps.get(i);
      for (int j : index.add(f.signature(), f.keys())) {
        pairs.add(((long) j << 32) | i);
      }
    }
    return pairs;
  }

  /**
   * A verified, oriented pair before lineage: the relation, the share of the original it covers and
   * the original's publication time (lineage prefers originals that are not copies, then the
   * earliest, then the best covered). Immutable once verified: it depends on the two articles only.
   */
  public record Edge(Relation relation, double coverageOriginal, String publishedOriginal) implements java.io.Serializable {
    public Edge {
      java.util.Objects.requireNonNull(relation, "relation");
    }
  }

  /** The fingerprint this detector compares ({@link Fingerprint#of} with its MinHash). */
  public Fingerprint fingerprint(Article a) {
    return Fingerprint.of(a, minHash);
  }

  /** What {@link #verify} needs of an article, without the candidate-search parts ({@link Fingerprint#forVerify}). */
  public Fingerprint verifiable(Article a) {
    return Fingerprint.forVerify(a);
  }

  /** The MinHash signature {@link #fingerprint} gives shingles (for distributed candidate search). */
  public long[] signature(long[] shingles) {
    return minHash.signature(shingles);
  }

  /**
   * Verifies one candidate pair: the oriented edge if the two share enough unquoted text, else null.
   * Symmetric: {@code verify(x, y)} and {@code verify(y, x)} give the same edge.
   */
  public Edge verify(Fingerprint x, Fingerprint y) {
    if (x.article().id().compareTo(y.article().id()) > 0) {
      Fingerprint t = x;
      x = y;
      y = t;
    }
    return verifyOrdered(x, y);
  }

  /**
   * The relations that verified edges give: per copy, its earliest original that is not a copy
   * itself, one per lineage root, sorted by copy then original. Given the edges of a connected part of
   * the copy graph it gives exactly what {@link #detect} gives for that part.
   */
  public static List<Relation> lineage(java.util.Collection<Edge> verified) {
    Map<String, List<Edge>> edges = new TreeMap<>();
    List<Edge> sorted = new ArrayList<>(verified);
    sorted.sort(Comparator.comparing((Edge e) -> e.relation.original()).thenComparing(e -> e.relation.copy()));
    for (Edge e : sorted) {
      edges.computeIfAbsent(e.relation.copy(), c -> new ArrayList<>()).add(e);
    }
    return lineage(edges);
  }

  private Edge verifyOrdered(Fingerprint x, Fingerprint y) {
    Alignment al = Alignment.of(x, y);
    if (al.passages().isEmpty()) {
      return null;
    }
    BitSet covX = al.coveredA();
    BitSet covY = al.coveredB();
    int unquoted = unquoted(covX, x.quoted());
    int unquotedY = unquoted(covY, y.quoted());
    double cx = (double) covX.cardinality() / Math.max(1, x.tokens().size());
    double cy = (double) covY.cardinality() / Math.max(1, y.tokens().size());
    if (Math.min(unquoted, unquotedY) < MIN_UNQUOTED_TOKENS || Math.max(cx, cy) < MIN_COVERAGE) {
      return null;
    }
    double score = round(jaccard(x.shingles(), y.shingles()));
    Direction d = direction(x, y, cx, cy);
    boolean xIsCopy = d.firstIsCopy;
    Fingerprint copy = xIsCopy ? x : y;
    Fingerprint orig = xIsCopy ? y : x;
    Alignment oriented = xIsCopy ? al : Alignment.of(y, x);
    double covCopy = xIsCopy ? cx : cy;
    double covOrig = xIsCopy ? cy : cx;
    Edits edits = Edits.of(oriented, copy, orig);
    String kind = kind(covCopy, covOrig, edits);
    java.util.Map<String, Double> signals = new java.util.TreeMap<>();
    signals.put("coverage_original", round(covOrig));
    signals.put("exact_share", round(edits.exactShare()));
    signals.put("substitutions", (double) edits.substitutions());
    signals.put("synonym_substitutions", (double) edits.synonymSubstitutions());
    signals.put("synonym_rate", round(edits.synonymRate()));
    signals.put("insertions", (double) edits.insertions());
    signals.put("deletions", (double) edits.deletions());
    signals.put("function_word_edits", (double) edits.functionEdits());
    signals.put("function_word_rate", round(edits.functionRate()));
    Relation r = new Relation(copy.article().id(), orig.article().id(), kind, score, round(covCopy),
        oriented.evidence(copy, orig), d.basis, signals);
    return new Edge(r, covOrig, orig.article().published());
  }

  /**
   * The kind of a verified relation. {@code verbatim}: both sides almost wholly aligned and the
   * aligned text identical. {@code translated}: the copy is mostly aligned, not nearly exact, and
   * at least {@link #TRANSLATED_FUNCTION_RATE} of its aligned tokens are function-word edits (and at
   * least {@link #TRANSLATED_MIN_EDITS}), and it also swapped content words for synonyms
   * ({@link #TRANSLATED_SYNONYM_RATE}). {@code spun}: the copy is mostly aligned and at least
   * {@link #SPUN_RATE} of its aligned content words (and at least three) are WordNet synonyms of
   * the original's words, which light editing does not produce. {@code near_duplicate}: both sides
   * at least half aligned. Otherwise {@code partial}.
   */
  static String kind(double covCopy, double covOrig, Edits e) {
    if (covCopy >= VERBATIM && covOrig >= VERBATIM && e.exactShare() >= 0.99 && e.substitutions() == 0) {
      return "verbatim";
    }
    if (covCopy >= NEAR && e.exactShare() < 0.97 && e.functionEdits() >= TRANSLATED_MIN_EDITS
        && e.functionRate() >= TRANSLATED_FUNCTION_RATE && e.synonymSubstitutions() >= TRANSLATED_MIN_EDITS
        && e.synonymRate() >= TRANSLATED_SYNONYM_RATE) {
      return "translated";
    }
    if (covCopy >= NEAR && e.synonymSubstitutions() >= 3 && e.synonymRate() >= SPUN_RATE) {
      return "spun";
    }
    if (covCopy >= NEAR && covOrig >= NEAR) {
      return "near_duplicate";
    }
    return "partial";
  }

  /** Longest run of unquoted tokens between two quotes that counts as their attribution ("Smith said"). */
  static final int MAX_ATTRIBUTION = 6;

  /**
   * Covered tokens that stand outside quotation marks, not counting attributions: a run of at most
   * {@link #MAX_ATTRIBUTION} unquoted tokens with quoted tokens right before and after it
   * ({@code "…," Mr. Pigeon said. "…"}). Two reports that carry the same quotes carry the same
   * attributions between them; that is still quotation, not shared writing.
   */
  static int unquoted(BitSet covered, BitSet quoted) {
    BitSet b = (BitSet) covered.clone();
    b.andNot(quoted);
    int n = 0;
    for (int i = b.nextSetBit(0); i >= 0; ) {
      int end = b.nextClearBit(i);
      boolean attribution = end - i <= MAX_ATTRIBUTION && i > 0 && quoted.get(i - 1) && quoted.get(end);
      if (!attribution) {
        n += end - i;
      }
      i = b.nextSetBit(end);
    }
    return n;
  }

  private record Direction(boolean firstIsCopy, String basis) {}

  /**
   * Which of two related articles is the copy. In order: a credit or dateline in one naming the
   * other's outlet; publication time; containment (the side almost wholly inside the other is the
   * excerpt); finally the id, a stable tie-break that claims nothing.
   */
  private static Direction direction(Fingerprint x, Fingerprint y, double cx, double cy) {
    boolean xCreditsY = credits(x.article(), y.article());
    boolean yCreditsX = credits(y.article(), x.article());
    if (xCreditsY != yCreditsX) {
      return new Direction(xCreditsY, "credit");
    }
    String px = x.article().published();
    String py = y.article().published();
    if (px != null && py != null) {
      int c = comparePublished(px, py);
      if (c != 0) {
        return new Direction(c > 0, "published");
      }
    }
    if (Math.abs(cx - cy) >= 0.3) {
      return new Direction(cx > cy, "containment");
    }
    return new Direction(x.article().id().compareTo(y.article().id()) > 0, "id");
  }

  /** Compares two ISO dates; a day-only date equals any time on that day. */
  static int comparePublished(String a, String b) {
    if (a.length() == 10 || b.length() == 10) {
      return Long.compare(Dates.epochDay(a), Dates.epochDay(b));
    }
    return Dates.sortKey(a).compareTo(Dates.sortKey(b));
  }

  private static boolean credits(Article copy, Article original) {
    String outlet = original.outlet();
    if (outlet == null || outlet.isBlank() || outlet.equalsIgnoreCase(copy.outlet() == null ? "" : copy.outlet())) {
      return false;
    }
    String o = outlet.toLowerCase(Locale.ROOT);
    for (String c : copy.credits()) {
      String lc = c.toLowerCase(Locale.ROOT);
      if (lc.contains(o) || o.contains(lc) && lc.length() >= 3) {
        return true;
      }
    }
    return copy.dateline() != null && copy.dateline().toLowerCase(Locale.ROOT).contains(o);
  }

  /**
   * Keeps, for each copy, the relation to the root of its lineage: if B copies A and C copies B,
   * C is linked to A when C and A were also found related (they share the text), and to B only when
   * C shares nothing with A directly.
   */
  private static List<Relation> lineage(Map<String, List<Edge>> edges) {
    List<Relation> out = new ArrayList<>();
    for (Map.Entry<String, List<Edge>> e : edges.entrySet()) {
      List<Edge> targets = e.getValue();
      // targets that are not themselves copies come first; among them the earliest, then best covered
      targets.sort(Comparator
          .comparing((Edge t) -> edges.containsKey(t.relation.original()) ? 1 : 0)
          .thenComparing(t -> Dates.sortKey(t.publishedOriginal))
          .thenComparing(t -> -t.relation.coverage())
          .thenComparing(t -> t.relation.original()));
      Set<String> roots = new HashSet<>();
      for (Edge t : targets) {
        String root = root(t.relation.original(), edges, new HashSet<>());
        if (roots.add(root)) {
          out.add(t.relation);
        }
      }
    }
    out.sort(Comparator.comparing(Relation::copy).thenComparing(Relation::original));
    return out;
  }

  private static String root(String id, Map<String, List<Edge>> edges, Set<String> seen) {
    List<Edge> up = edges.get(id);
    if (up == null || !seen.add(id)) {
      return id;
    }
    return root(up.get(0).relation.original(), edges, seen);
  }

  static double jaccard(long[] a, long[] b) {
    long[] sa = distinctSorted(a);
    long[] sb = distinctSorted(b);
    int inter = 0;
    for (int i = 0, j = 0; i < sa.length && j < sb.length; ) {
      if (sa[i] == sb[j]) {
        inter++;
        i++;
        j++;
      } else if (sa[i] < sb[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = sa.length + sb.length - inter;
    return union == 0 ? 0 : (double) inter / union;
  }

  private static long[] distinctSorted(long[] a) {
    long[] s = a.clone();
    java.util.Arrays.sort(s);
    int n = 0;
    for (int i = 0; i < s.length; i++) {
      if (i == 0 || s[i] != s[i - 1]) {
        s[n++] = s[i];
      }
    }
    return java.util.Arrays.copyOf(s, n);
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
