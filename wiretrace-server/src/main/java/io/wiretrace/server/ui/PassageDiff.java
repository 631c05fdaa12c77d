package io.wiretrace.server.ui;

import io.wiretrace.model.Evidence;
import io.wiretrace.model.Span;
import io.wiretrace.reuse.Edits;
import io.wiretrace.text.Synonyms;
import io.wiretrace.text.Terms;
import io.wiretrace.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * A copy and its original side by side: one row per aligned passage (the relation's evidence), the
 * text between passages as rows of its own ("only in the copy", "only in the original"), and inside
 * each passage the words that differ, aligned token by token (edit distance) and classified:
 * {@code syn} a WordNet synonym swap ("palms" for "hands"), {@code fn} a function-word edit (articles,
 * prepositions, pronouns: the mark of machine translation), {@code sub} any other substitution,
 * {@code ins} words only the copy has, {@code del} words only the original has. Each changed span
 * carries the other side's wording in its {@code title}.
 *
 * <p>Pure function of its inputs; the HTML it returns is escaped text plus {@code <mark>} elements.
 */
public final class PassageDiff {
  private PassageDiff() {}

  /** Passages longer than this (tokens × tokens) are shown without a word diff. */
  static final long MAX_CELLS = 4_000_000L;

  /**
   * One row of the comparison.
   *
   * @param kind {@code aligned}, {@code copy-only} or {@code original-only}
   * @param copyHtml the copy's side (empty for original-only)
   * @param originalHtml the original's side (empty for copy-only)
   */
  public record Row(String kind, String copyHtml, String originalHtml) {}

  /** Counts of what changed inside the aligned passages. */
  public record Counts(int same, int synonym, int function, int other, int inserted, int deleted) {}

  /** The comparison: its rows and counts. */
  public record Result(List<Row> rows, Counts counts) {}

  /** Compares {@code copy} with {@code original} along {@code evidence} (copy → original spans). */
  public static Result compare(String copy, String original, List<Evidence> evidence) {
    List<Evidence> sorted = new ArrayList<>(evidence);
    sorted.sort(Comparator.comparingInt((Evidence e) -> e.copy().start()).thenComparingInt(e -> e.original().start()));
    List<Row> rows = new ArrayList<>();
    int[] counts = new int[6];
    int cpos = 0;
    int opos = 0;
    for (Evidence e : sorted) {
      Span c = clip(e.copy(), copy.length());
      Span o = clip(e.original(), original.length());
      if (c.start() < cpos || c.length() == 0) {
        continue; // overlapping or empty evidence: shown by the passage before it
      }
      gapRows(rows, copy, cpos, c.start(), original, opos, Math.max(opos, o.start()));
      String[] sides = diff(copy.substring(c.start(), c.end()), original.substring(o.start(), o.end()), counts);
      String[] left = sides[0].split(String.valueOf(SPLIT), -1);
      String[] right = sides[1].split(String.valueOf(SPLIT), -1);
      for (int i = 0; i < left.length; i++) { // the same split points on both sides: as many pieces
        rows.add(new Row("aligned", left[i].strip(), right[i].strip()));
      }
      cpos = c.end();
      opos = Math.max(opos, o.end());
    }
    gapRows(rows, copy, cpos, copy.length(), original, opos, original.length());
    return new Result(rows, new Counts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]));
  }

  private static Span clip(Span s, int len) {
    int a = Math.min(s.start(), len);
    return new Span(a, Math.max(a, Math.min(s.end(), len)));
  }

  private static void gapRows(List<Row> rows, String copy, int c0, int c1, String original, int o0, int o1) {
    String c = c0 < c1 ? copy.substring(c0, c1).strip() : "";
    String o = o0 < o1 ? original.substring(o0, o1).strip() : "";
    if (!c.isEmpty()) {
      rows.add(new Row("copy-only", esc(c), ""));
    }
    if (!o.isEmpty()) {
      rows.add(new Row("original-only", "", esc(o)));
    }
  }

  /** The two passages as HTML with their differing words marked; adds to {@code counts}. */
  /**
   * Where a passage is cut into rows: a private-use character, removed from the texts first, put at
   * every paragraph break both sides share (an unchanged word before and after it on both sides).
   */
  static final char SPLIT = '\uE000';

  static String[] diff(String a0, String b0, int[] counts) {
    String a = a0.replace(SPLIT, ' ');
    String b = b0.replace(SPLIT, ' ');
    Tokens ta = Tokens.of(a);
    Tokens tb = Tokens.of(b);
    int n = ta.size();
    int m = tb.size();
    if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
      return new String[] {esc(a), esc(b)};
    }
    // ops from the start: SAME, SUBSTITUTE, INSERT (copy only), DELETE (original only)
    List<int[]> ops = new ArrayList<>(Edits.align(ta, 0, n, tb, 0, m));
    java.util.Collections.reverse(ops);
    // shared paragraph breaks: a blank line on both sides before an unchanged pair of words
    java.util.TreeSet<Integer> splitA = new java.util.TreeSet<>();
    java.util.TreeSet<Integer> splitB = new java.util.TreeSet<>();
    for (int[] q : ops) {
      if (q[0] == Edits.SAME && q[1] > 0 && q[2] > 0 && paragraphBreak(a, ta.end(q[1] - 1), ta.start(q[1]))
          && paragraphBreak(b, tb.end(q[2] - 1), tb.start(q[2]))) {
        splitA.add(ta.start(q[1]));
        splitB.add(tb.start(q[2]));
      }
    }
    // group the changed ops between equal tokens into blocks: copy [i0,i1) against original [j0,j1)
    List<int[]> blocks = new ArrayList<>();
    int k = 0;
    int ci = 0;
    int oj = 0;
    while (k < ops.size()) {
      if (ops.get(k)[0] == Edits.SAME) {
        counts[0]++;
        ci++;
        oj++;
        k++;
        continue;
      }
      int i0 = ci;
      int j0 = oj;
      while (k < ops.size() && ops.get(k)[0] != Edits.SAME) {
        int op = ops.get(k)[0];
        if (op != Edits.DELETE) {
          ci++;
        }
        if (op != Edits.INSERT) {
          oj++;
        }
        k++;
      }
      blocks.add(new int[] {i0, ci, j0, oj});
    }
    StringBuilder sa = new StringBuilder(a.length() + 64);
    StringBuilder sb = new StringBuilder(b.length() + 64);
    int pa = 0;
    int pb = 0;
    for (int[] bl : blocks) {
      String wa = words(a, ta, bl[0], bl[1]);
      String wb = words(b, tb, bl[2], bl[3]);
      String cls = classify(ta, bl[0], bl[1], tb, bl[2], bl[3]);
      switch (cls) {
        case "syn" -> counts[1]++;
        case "fn" -> counts[2]++;
        case "sub" -> counts[3]++;
        case "ins" -> counts[4]++;
        default -> counts[5]++;
      }
      if (bl[1] > bl[0]) {
        int s = ta.start(bl[0]);
        int e = ta.end(bl[1] - 1);
        sa.append(plain(a, pa, s, splitA)).append(mark(cls, a.substring(s, e), wb.isEmpty() ? "not in the original" : "original: " + wb));
        pa = e;
      }
      if (bl[3] > bl[2]) {
        int s = tb.start(bl[2]);
        int e = tb.end(bl[3] - 1);
        String bcls = cls.equals("ins") ? "del" : cls;
        sb.append(plain(b, pb, s, splitB)).append(mark(bcls, b.substring(s, e), wa.isEmpty() ? "not in the copy" : "copy: " + wa));
        pb = e;
      }
    }
    sa.append(plain(a, pa, a.length(), splitA));
    sb.append(plain(b, pb, b.length(), splitB));
    return new String[] {sa.toString(), sb.toString()};
  }

  /** Unchanged text [from, to) escaped, with {@link #SPLIT} at the split points inside it. */
  private static String plain(String s, int from, int to, java.util.NavigableSet<Integer> splits) {
    StringBuilder out = new StringBuilder(to - from + 8);
    int pos = from;
    for (int cut : splits.subSet(from, true, to, false)) {
      out.append(esc(s.substring(pos, cut))).append(SPLIT);
      pos = cut;
    }
    return out.append(esc(s.substring(pos, to))).toString();
  }

  private static boolean paragraphBreak(String s, int from, int to) {
    return from < to && s.substring(from, to).matches("(?s).*\\n\\s*\\n.*");
  }

  private static String mark(String cls, String text, String title) {
    return "<mark class=\"" + cls + "\" title=\"" + esc(title) + "\">" + esc(text) + "</mark>";
  }

  private static String words(String s, Tokens t, int from, int to) {
    return from >= to ? "" : s.substring(t.start(from), t.end(to - 1));
  }

  /** What kind of change a block is. */
  static String classify(Tokens a, int i0, int i1, Tokens b, int j0, int j1) {
    if (i1 == i0) {
      return onlyFunction(b, j0, j1) ? "fn" : "del";
    }
    if (j1 == j0) {
      return onlyFunction(a, i0, i1) ? "fn" : "ins";
    }
    if (onlyFunction(a, i0, i1) && onlyFunction(b, j0, j1)) {
      return "fn";
    }
    // a swap: the phrases, or any content word of one with one of the other, share a WordNet synset
    if (Synonyms.synonyms(phrase(a, i0, i1), phrase(b, j0, j1))) {
      return "syn";
    }
    for (int i = i0; i < i1; i++) {
      if (Terms.STOP_WORDS.contains(a.form(i))) {
        continue;
      }
      for (int j = j0; j < j1; j++) {
        if (!Terms.STOP_WORDS.contains(b.form(j)) && Synonyms.synonyms(a.form(i), b.form(j))) {
          return "syn";
        }
      }
    }
    return "sub";
  }

  private static String phrase(Tokens t, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(i == from ? "" : " ").append(t.form(i));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean onlyFunction(Tokens t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Terms.STOP_WORDS.contains(t.form(i))) {
        return false;
      }
    }
    return true;
  }

  static String esc(String s) {
    return Entities.escape(s);
  }
}
