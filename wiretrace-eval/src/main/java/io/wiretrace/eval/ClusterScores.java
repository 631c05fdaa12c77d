package io.wiretrace.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Clustering metrics: BCubed and pairwise precision, recall and F1, plus the pair counts.
 *
 * <p>BCubed (Bagga &amp; Baldwin 1998; Amigó et al. 2009): for each item, precision is the share of
 * its predicted cluster that shares its gold class, recall the share of its gold class inside its
 * predicted cluster; both averaged over items. Pairwise: over all unordered item pairs, a pair is a
 * true positive when both clusterings put the two items together (as in the score files of Miranda
 * et al. 2018, which carry tp/fp/fn/tn).
 */
public final class ClusterScores {
  private ClusterScores() {}

  /** Pair counts over all unordered pairs. */
  public record PairCounts(long tp, long fp, long fn, long tn) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      return f(precision(), recall());
    }

    /** Rand index: agreement over all pairs. */
    public double randIndex() {
      long all = tp + fp + fn + tn;
      return all == 0 ? 0 : (double) (tp + tn) / all;
    }

    /** Adjusted Rand index (Hubert &amp; Arabie 1985) from pair counts. */
    public double adjustedRandIndex() {
      double n = tp + fp + fn + tn;
      double sumPred = tp + fp;   // pairs together in the prediction
      double sumGold = tp + fn;   // pairs together in the gold
      double expected = sumPred * sumGold / n;
      double max = (sumPred + sumGold) / 2;
      return max == expected ? 1 : (tp - expected) / (max - expected);
    }
  }

  /** Precision, recall and F1. */
  public record Prf(double precision, double recall, double f1) {}

  static double f(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Cluster sizes of the prediction, the gold, and their intersections. */
  private record Tally<P, G>(Map<P, Long> pred, Map<G, Long> gold, Map<List<Object>, Long> joint) {
    static <P, G> Tally<P, G> of(List<P> predicted, List<G> gold) {
      check(predicted, gold);
      Map<P, Long> pc = new HashMap<>();
      Map<G, Long> gc = new HashMap<>();
      Map<List<Object>, Long> joint = new HashMap<>();
      for (int i = 0; i < predicted.size(); i++) {
        pc.merge(predicted.get(i), 1L, Long::sum);
        gc.merge(gold.get(i), 1L, Long::sum);
        joint.merge(List.of(predicted.get(i), gold.get(i)), 1L, Long::sum);
      }
      return new Tally<>(pc, gc, joint);
    }
  }

  private static long pairsWithin(Iterable<Long> sizes) {
    long n = 0;
    for (long c : sizes) {
      n += c * (c - 1) / 2;
    }
    return n;
  }

  /** Pair counts of {@code predicted} against {@code gold}; both list one label per item. */
  public static <P, G> PairCounts pairs(List<P> predicted, List<G> gold) {
    Tally<P, G> t = Tally.of(predicted, gold);
    long tp = pairsWithin(t.joint().values());
    long n = predicted.size();
    long fp = pairsWithin(t.pred().values()) - tp;
    long fn = pairsWithin(t.gold().values()) - tp;
    return new PairCounts(tp, fp, fn, n * (n - 1) / 2 - tp - fp - fn);
  }

  /** BCubed precision, recall and F1 of {@code predicted} against {@code gold}. */
  public static <P, G> Prf bcubed(List<P> predicted, List<G> gold) {
    Tally<P, G> t = Tally.of(predicted, gold);
    double p = 0;
    double r = 0;
    for (int i = 0; i < predicted.size(); i++) {
      long both = t.joint().get(List.of(predicted.get(i), gold.get(i)));
      p += (double) both / t.pred().get(predicted.get(i));
      r += (double) both / t.gold().get(gold.get(i));
    }
    int n = predicted.size();
    p = n == 0 ? 0 : p / n;
    r = n == 0 ? 0 : r / n;
    return new Prf(p, r, f(p, r));
  }

  private static void check(List<?> predicted, List<?> gold) {
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(gold, "gold");
    if (predicted.size() != gold.size()) {
      throw new IllegalArgumentException("predicted and gold must label the same items, got " + predicted.size() + " and " + gold.size());
    }
  }
}
