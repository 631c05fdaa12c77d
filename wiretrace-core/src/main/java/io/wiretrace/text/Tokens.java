package io.wiretrace.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * Word tokens of a text: case-folded forms plus their character offsets in the text.
 *
 * <p>A word is a maximal run of letters and digits; an apostrophe or hyphen between two letters or
 * digits stays inside the word ("don't", "Jean-Luc"). Curly apostrophes fold to straight ones.
 * Immutable once built; arrays are not exposed for writing.
 */
public final class Tokens {
  private final String[] forms;
  private final int[] starts;
  private final int[] ends;

  private Tokens(String[] forms, int[] starts, int[] ends) {
    this.forms = forms;
    this.starts = starts;
    this.ends = ends;
  }

  /** Tokenizes {@code text}. */
  public static Tokens of(String text) {
    int n = text.length();
    String[] f = new String[Math.max(16, n / 5)];
    int[] s = new int[f.length];
    int[] e = new int[f.length];
    int count = 0;
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      boolean curly = false; // the only character the form does not copy from the text
      while (i < n) {
        cp = text.codePointAt(i);
        if (Character.isLetterOrDigit(cp)) {
          i += Character.charCount(cp);
        } else if ((cp == '\'' || cp == '\u2019' || cp == '-') && i + 1 < n
            && Character.isLetterOrDigit(text.codePointAt(i + 1))) {
          curly |= cp == '\u2019';
          i++;
        } else {
          break;
        }
      }
      if (count == f.length) {
        int cap = count * 2;
        f = Arrays.copyOf(f, cap);
        s = Arrays.copyOf(s, cap);
        e = Arrays.copyOf(e, cap);
      }
      String raw = text.substring(start, i);
      f[count] = (curly ? raw.replace('\u2019', '\'') : raw).toLowerCase(Locale.ROOT);
      s[count] = start;
      e[count] = i;
      count++;
    }
    return new Tokens(Arrays.copyOf(f, count), Arrays.copyOf(s, count), Arrays.copyOf(e, count));
  }

  public int size() {
    return forms.length;
  }

  /** The case-folded form of token {@code i}. */
  public String form(int i) {
    return forms[i];
  }

  /** Offset of the first character of token {@code i}. */
  public int start(int i) {
    return starts[i];
  }

  /** Offset just past the last character of token {@code i}. */
  public int end(int i) {
    return ends[i];
  }
}
