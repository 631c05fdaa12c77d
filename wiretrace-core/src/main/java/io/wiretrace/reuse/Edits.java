package io.wiretrace.reuse;

import io.wiretrace.text.Synonyms;
import io.wiretrace.text.Terms;
import io.wiretrace.text.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two aligned texts: the gaps between exactly matching runs are aligned token
 * by token (edit distance), and every substituted pair is classified as a WordNet synonym swap or
 * another change. This is how a synonym-spun copy ("visit" → "go to", "officials" → "officers",
 * "big" → "large") differs from a light edit: many substitutions, most of them synonyms.
 *
 * @param alignedTokens tokens of the copy inside passages
 * @param exactTokens tokens of the copy inside exact runs
 * @param contentTokens content words (not stop words) of the copy inside passages
 * @param substitutions substituted token pairs
 * @param synonymSubstitutions substitutions of one content word by a WordNet synonym
 * @param insertions tokens in the copy's gaps with no counterpart
 * @param deletions tokens in the original's gaps with no counterpart
 * @param functionEdits substitutions, insertions and deletions that involve a function word (a stop
 *     word: article, preposition, pronoun, auxiliary). Spinners and light editors change content
 *     words; a round trip through machine translation renders prepositions and articles anew.
 * @param swaps the synonym substitutions as {@code [copyToken, originalToken]} index pairs, for display
 */
public record Edits(int alignedTokens, int exactTokens, int contentTokens, int substitutions, int synonymSubstitutions,
    int insertions, int deletions, int functionEdits, List<int[]> swaps) {

  /** Gaps longer than this on either side are counted as insertions/deletions without alignment. */
  private static final int MAX_GAP_DP = 200;
  /** One-sided gaps up to this many tokens count their function words as edits. */
  private static final int SHORT_GAP = 3;

  /** The edits between {@code copy} and {@code original} along {@code al} (aligned copy → original). */
  public static Edits of(Alignment al, Fingerprint copy, Fingerprint original) {
    Tokens a = copy.tokens();
    Tokens b = original.tokens();
    int aligned = al.coveredA().cardinality();
    int exact = al.matchedA().cardinality();
    int content = 0;
    for (int t = al.coveredA().nextSetBit(0); t >= 0; t = al.coveredA().nextSetBit(t + 1)) {
      if (!Terms.STOP_WORDS.contains(a.form(t))) {
        content++;
      }
    }
    int subs = 0;
    int syn = 0;
    int ins = 0;
    int del = 0;
    int function = 0;
    List<int[]> swaps = new ArrayList<>();
    for (int[] p : al.passages()) {
      int[] prev = null;
      for (int[] r : al.runs()) {
        if (r[0] < p[0] || r[1] > p[1]) {
          continue;
        }
        if (prev != null && r[2] >= prev[3]) {
          int[] c = gap(a, prev[1], r[0], b, prev[3], r[2], swaps);
          subs += c[0];
          syn += c[1];
          ins += c[2];
          del += c[3];
          function += c[4];
        }
        prev = r;
      }
    }
    return new Edits(aligned, exact, content, subs, syn, ins, del, function, List.copyOf(swaps));
  }

  /**
   * Aligns a[a0,a1) with b[b0,b1): returns {substitutions, synonym substitutions, insertions,
   * deletions, function-word edits}.
   */
  private static int[] gap(Tokens a, int a0, int a1, Tokens b, int b0, int b1, List<int[]> swaps) {
    int n = a1 - a0;
    int m = b1 - b0;
    if (n == 0 || m == 0 || n > MAX_GAP_DP || m > MAX_GAP_DP) {
      // a short one-sided gap is a word or phrase rendered anew ("the", "in order"); a long one is
      // a sentence added or dropped, an editor's change, not counted as function-word edits
      int function = n + m <= SHORT_GAP ? functionWords(a, a0, a1) + functionWords(b, b0, b1) : 0;
      return new int[] {0, 0, n, m, function};
    }
    int subs = 0;
    int syn = 0;
    int ins = 0;
    int del = 0;
    int function = 0;
    for (int[] op : align(a, a0, a1, b, b0, b1)) {
      switch (op[0]) {
        case SAME -> { }
        case SUBSTITUTE -> {
          String x = a.form(op[1]);
          String y = b.form(op[2]);
          subs++;
          if (Terms.STOP_WORDS.contains(x) || Terms.STOP_WORDS.contains(y)) {
            function++;
          }
          if (!Terms.STOP_WORDS.contains(x) && !Terms.STOP_WORDS.contains(y) && Synonyms.synonyms(x, y)) {
            syn++;
            swaps.add(new int[] {op[1], op[2]});
          }
        }
        case INSERT -> {
          ins++;
          function += Terms.STOP_WORDS.contains(a.form(op[1])) ? 1 : 0;
        }
        default -> {
          del++;
          function += Terms.STOP_WORDS.contains(b.form(op[2])) ? 1 : 0;
        }
      }
    }
    return new int[] {subs, syn, ins, del, function};
  }

  /** Edit operations of {@link #align}: a token pair kept, substituted; a copy token inserted; an original token deleted. */
  public static final int SAME = 0;
  public static final int SUBSTITUTE = 1;
  public static final int INSERT = 2;
  public static final int DELETE = 3;

  /**
   * A token-level edit-distance alignment of {@code a[a0,a1)} (the copy) with {@code b[b0,b1)} (the
   * original), compared by {@link Tokens#form}: the operations {@code {op, i, j}} from the end back
   * to the start ({@code i}, {@code j} absolute token indexes, -1 for the side an insertion or
   * deletion lacks). Ties prefer a diagonal step, then an insertion. O(n·m) time and memory: callers
   * bound the sizes.
   */
  public static List<int[]> align(Tokens a, int a0, int a1, Tokens b, int b0, int b1) {
    int n = a1 - a0;
    int m = b1 - b0;
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int same = a.form(a0 + i - 1).equals(b.form(b0 + j - 1)) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + same, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
      }
    }
    List<int[]> ops = new ArrayList<>(n + m);
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        int same = a.form(a0 + i - 1).equals(b.form(b0 + j - 1)) ? 0 : 1;
        if (d[i][j] == d[i - 1][j - 1] + same) {
          ops.add(new int[] {same == 0 ? SAME : SUBSTITUTE, a0 + i - 1, b0 + j - 1});
          i--;
          j--;
          continue;
        }
      }
      if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
        ops.add(new int[] {INSERT, a0 + i - 1, -1});
        i--;
      } else {
        ops.add(new int[] {DELETE, -1, b0 + j - 1});
        j--;
      }
    }
    return ops;
  }

  private static int functionWords(Tokens t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += Terms.STOP_WORDS.contains(t.form(i)) ? 1 : 0;
    }
    return n;
  }

  /** Function-word edits per aligned token of the copy. */
  public double functionRate() {
    return alignedTokens == 0 ? 0 : (double) functionEdits / alignedTokens;
  }

  /** Share of the copy's aligned content words replaced by a synonym. */
  public double synonymRate() {
    return contentTokens == 0 ? 0 : (double) synonymSubstitutions / contentTokens;
  }

  /** Share of the copy's aligned tokens inside exact runs. */
  public double exactShare() {
    return alignedTokens == 0 ? 0 : (double) exactTokens / alignedTokens;
  }
}
