package io.wiretrace.eval;

import java.util.BitSet;
import java.util.List;

/**
 * PAN's text-alignment measures (Potthast, Stein, Barrón-Cedeño &amp; Rosso, "An Evaluation
 * Framework for Plagiarism Detection", COLING 2010), macro-averaged over characters.
 *
 * <p>A case or detection is a pair of character ranges, one in the suspicious and one in the source
 * document. A detection r detects a case s when they overlap in both documents; then s ⊓ r is the
 * characters they share (in both documents), else nothing. recall = mean over cases of |∪_r s ⊓ r| / |s|;
 * precision = mean over detections of |∪_s s ⊓ r| / |r|; granularity = mean over detected cases of the
 * number of detections that detect them; PlagDet = F1 / log2(1 + granularity).
 */
public final class PlagDet {
  private PlagDet() {}

  /** A case or a detection: {@code [suspStart, suspEnd)} and {@code [srcStart, srcEnd)} within one document pair. */
  public record Range(String pair, int suspStart, int suspEnd, int srcStart, int srcEnd) {
    int length() {
      return (suspEnd - suspStart) + (srcEnd - srcStart);
    }

    boolean detects(Range o) {
      return pair.equals(o.pair) && suspStart < o.suspEnd && o.suspStart < suspEnd && srcStart < o.srcEnd && o.srcStart < srcEnd;
    }
  }

  /** The four measures. */
  public record Scores(double precision, double recall, double granularity, double plagdet, int cases, int detections) {}

  public static Scores score(List<Range> cases, List<Range> detections) {
    double rec = 0;
    double gran = 0;
    int detected = 0;
    for (Range s : cases) {
      BitSet susp = new BitSet();
      BitSet src = new BitSet();
      int hits = 0;
      for (Range r : detections) {
        if (r.detects(s)) {
          hits++;
          susp.set(Math.max(s.suspStart, r.suspStart), Math.min(s.suspEnd, r.suspEnd));
          src.set(Math.max(s.srcStart, r.srcStart), Math.min(s.srcEnd, r.srcEnd));
        }
      }
      rec += (double) (susp.cardinality() + src.cardinality()) / s.length();
      if (hits > 0) {
        detected++;
        gran += hits;
      }
    }
    double prec = 0;
    for (Range r : detections) {
      BitSet susp = new BitSet();
      BitSet src = new BitSet();
      for (Range s : cases) {
        if (r.detects(s)) {
          susp.set(Math.max(s.suspStart, r.suspStart), Math.min(s.suspEnd, r.suspEnd));
          src.set(Math.max(s.srcStart, r.srcStart), Math.min(s.srcEnd, r.srcEnd));
        }
      }
      prec += (double) (susp.cardinality() + src.cardinality()) / r.length();
    }
    double recall = cases.isEmpty() ? 0 : rec / cases.size();
    double precision = detections.isEmpty() ? 0 : prec / detections.size();
    double granularity = detected == 0 ? 1 : gran / detected;
    double f1 = ClusterScores.f(precision, recall);
    return new Scores(precision, recall, granularity, f1 / (Math.log(1 + granularity) / Math.log(2)), cases.size(), detections.size());
  }
}
