package io.wiretrace.reuse;

import io.wiretrace.model.Evidence;
import io.wiretrace.model.Span;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed-and-extend passage alignment between two fingerprinted texts.
 *
 * <p>Seeds are equal shingles; seeds on one diagonal that touch form a run; runs are chosen longest
 * first so that each token is used once on each side; chosen runs that follow each other on both
 * sides with small gaps merge into passages (after Sanchez-Perez, Sidorov &amp; Gelbukh, "A Winning
 * Approach to Text Alignment for Text Reuse Detection at PAN 2014").
 *
 * @param passages aligned passages, in order of the first text, as token ranges {@code [a0, a1, b0, b1)}
 * @param runs the exactly matching runs inside the passages, in order of the first text, same form
 * @param coveredA tokens of the first text inside a passage
 * @param coveredB tokens of the second text inside a passage
 * @param matchedA tokens of the first text inside an exactly matching run
 */
public record Alignment(List<int[]> passages, List<int[]> runs, BitSet coveredA, BitSet coveredB, BitSet matchedA) {

  /** Largest gap, in tokens on either side, bridged when merging runs into one passage. */
  public static final int MAX_GAP = 12;
  /** Shortest passage kept, in tokens. */
  public static final int MIN_PASSAGE = 10;
  /** Occurrences of one shingle beyond which it is too common to seed (lists, refrains). */
  private static final int MAX_OCCURRENCES = 8;

  /** Aligns {@code a} against {@code b}. */
  public static Alignment of(Fingerprint a, Fingerprint b) {
    int k = Fingerprint.SHINGLE;
    Map<Long, List<Integer>> where = new HashMap<>();
    for (int j = 0; j < b.shingles().length; j++) {
      where.computeIfAbsent(b.shingles()[j], x -> new ArrayList<>(1)).add(j);
    }
    // runs along diagonals: key (j - i); value: runs as [i, j, length-in-shingles]
    Map<Integer, int[]> open = new HashMap<>();
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < a.shingles().length; i++) {
      List<Integer> js = where.get(a.shingles()[i]);
      if (js == null || js.size() > MAX_OCCURRENCES) {
        continue;
      }
      for (int j : js) {
        int d = j - i;
        int[] run = open.get(d);
        if (run != null && run[0] + run[2] == i) {
          run[2]++;
        } else {
          run = new int[] {i, j, 1};
          open.put(d, run);
          runs.add(run);
        }
      }
    }
    // longest first, ties by position: each token used at most once per side
    runs.sort((x, y) -> x[2] != y[2] ? Integer.compare(y[2], x[2]) : x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
    BitSet usedA = new BitSet();
    BitSet usedB = new BitSet();
    List<int[]> chosen = new ArrayList<>();
    for (int[] r : runs) {
      int lenTokens = r[2] + k - 1;
      // trim the run to its unused part on both sides
      int s = 0;
      while (s < lenTokens && (usedA.get(r[0] + s) || usedB.get(r[1] + s))) {
        s++;
      }
      int e = lenTokens;
      while (e > s && (usedA.get(r[0] + e - 1) || usedB.get(r[1] + e - 1))) {
        e--;
      }
      if (e - s < k) {
        continue;
      }
      boolean clash = false;
      for (int t = s; t < e && !clash; t++) {
        clash = usedA.get(r[0] + t) || usedB.get(r[1] + t);
      }
      if (clash) {
        continue;
      }
      usedA.set(r[0] + s, r[0] + e);
      usedB.set(r[1] + s, r[1] + e);
      chosen.add(new int[] {r[0] + s, r[0] + e, r[1] + s, r[1] + e});
    }
    chosen.sort((x, y) -> Integer.compare(x[0], y[0]));
    List<int[]> passages = new ArrayList<>();
    for (int[] c : chosen) {
      int[] last = passages.isEmpty() ? null : passages.get(passages.size() - 1);
      if (last != null && c[0] - last[1] <= MAX_GAP && c[2] >= last[3] - k && c[2] - last[3] <= MAX_GAP) {
        last[1] = Math.max(last[1], c[1]);
        last[3] = Math.max(last[3], c[3]);
      } else {
        passages.add(c.clone());
      }
    }
    passages.removeIf(p -> p[1] - p[0] < MIN_PASSAGE && p[3] - p[2] < MIN_PASSAGE);
    BitSet covA = new BitSet();
    BitSet covB = new BitSet();
    for (int[] p : passages) {
      covA.set(p[0], p[1]);
      covB.set(p[2], p[3]);
    }
    BitSet matched = (BitSet) usedA.clone();
    matched.and(covA);
    List<int[]> keptRuns = new ArrayList<>();
    for (int[] c : chosen) {
      if (covA.get(c[0])) {
        keptRuns.add(c);
      }
    }
    return new Alignment(List.copyOf(passages), List.copyOf(keptRuns), covA, covB, matched);
  }

  /**
   * The passages as character spans of the two texts. Each passage found on tokens is extended
   * character by character, backwards and forwards, while both texts agree: reuse often starts or
   * ends inside a word, which word tokens cannot express. Extension never crosses into a
   * neighbouring passage.
   */
  public List<Evidence> evidence(Fingerprint a, Fingerprint b) {
    String ta = a.article().text();
    String tb = b.article().text();
    List<Evidence> out = new ArrayList<>(passages.size());
    int prevEndA = 0;
    for (int i = 0; i < passages.size(); i++) {
      int[] p = passages.get(i);
      int sa = a.tokens().start(p[0]);
      int sb = b.tokens().start(p[2]);
      int ea = a.tokens().end(p[1] - 1);
      int eb = b.tokens().end(p[3] - 1);
      int limitA = i + 1 < passages.size() ? a.tokens().start(passages.get(i + 1)[0]) : ta.length();
      while (sa > prevEndA && sb > 0 && ta.charAt(sa - 1) == tb.charAt(sb - 1)) {
        sa--;
        sb--;
      }
      while (ea < limitA && eb < tb.length() && ta.charAt(ea) == tb.charAt(eb)) {
        ea++;
        eb++;
      }
      out.add(new Evidence(new Span(sa, ea), new Span(sb, eb)));
      prevEndA = ea;
    }
    return out;
  }
}
