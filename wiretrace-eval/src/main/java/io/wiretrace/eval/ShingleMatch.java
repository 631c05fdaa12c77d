package io.wiretrace.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric of the Zyte (Scrapinghub) article-extraction benchmark, re-implemented from its
 * description: texts are cut into {@code \w+} tokens, then into 4-token shingles counted as a
 * multiset; per page, true positives are the shingles the prediction shares with the truth. Per page
 * precision and recall are averaged over pages, F1 is taken of the averages, and accuracy is the
 * share of pages with no false positive and no false negative. A page whose truth and prediction are
 * both empty counts as perfect.
 */
public final class ShingleMatch {
  private ShingleMatch() {}

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  /** True positives, false positives and false negatives of one page. */
  public record Counts(long tp, long fp, long fn) {
    public double precision() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public boolean exact() {
      return fp == 0 && fn == 0;
    }
  }

  /** Averages over pages. */
  public record Summary(double precision, double recall, double f1, double accuracy, int pages) {}

  public static Counts compare(String truth, String predicted) {
    Map<List<String>, Long> t = shingles(truth == null ? "" : truth);
    Map<List<String>, Long> p = shingles(predicted == null ? "" : predicted);
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Map.Entry<List<String>, Long> e : p.entrySet()) {
      long inT = t.getOrDefault(e.getKey(), 0L);
      tp += Math.min(inT, e.getValue());
      fp += Math.max(0, e.getValue() - inT);
    }
    for (Map.Entry<List<String>, Long> e : t.entrySet()) {
      long inP = p.getOrDefault(e.getKey(), 0L);
      fn += Math.max(0, e.getValue() - inP);
    }
    return new Counts(tp, fp, fn);
  }

  public static Summary summarize(List<Counts> pages) {
    double p = 0;
    double r = 0;
    double a = 0;
    for (Counts c : pages) {
      p += c.precision();
      r += c.recall();
      a += c.exact() ? 1 : 0;
    }
    int n = pages.size();
    p /= n;
    r /= n;
    return new Summary(p, r, ClusterScores.f(p, r), a / n, n);
  }

  static Map<List<String>, Long> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<List<String>, Long> out = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
      List<String> s = tokens.subList(i, Math.min(tokens.size(), i + N));
      if (!s.isEmpty()) {
        out.merge(List.copyOf(s), 1L, Long::sum);
      }
    }
    return out;
  }
}
