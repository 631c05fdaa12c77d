package io.wiretrace.reuse;

import io.wiretrace.fingerprint.Hashing64;
import io.wiretrace.fingerprint.MinHash;
import io.wiretrace.model.Article;
import io.wiretrace.text.Tokens;
import java.util.BitSet;

/**
 * Everything copy detection needs of one article, computed once.
 *
 * @param article the article
 * @param tokens its word tokens
 * @param shingles hash of the shingle starting at each token
 * @param signature MinHash signature of the shingle set
 * @param quoted tokens that stand inside quotation marks
 */
public record Fingerprint(Article article, Tokens tokens, long[] shingles, long[] signature, BitSet quoted) {

  /** Shingle size in tokens. */
  public static final int SHINGLE = 4;

  /** Fingerprints one article. Thread-safe. */
  public static Fingerprint of(Article a, MinHash minHash) {
    Tokens t = Tokens.of(a.text());
    long[] th = new long[t.size()];
    for (int i = 0; i < th.length; i++) {
      th[i] = Hashing64.token(t.form(i));
    }
    long[] sh = Hashing64.shingles(th, SHINGLE);
    return new Fingerprint(a, t, sh, minHash.signature(sh), quoted(a.text(), t));
  }

  /**
   * Marks tokens inside quotation marks: curly pairs, and straight double quotes paired left to
   * right within a paragraph (an unclosed quote ends at the paragraph's end, as in news style
   * where a multi-paragraph quote reopens each paragraph; a closing mark with no opening one
   * before it in its paragraph closes a quote begun in an earlier one, so the paragraph up to it is
   * quoted).
   */
  static BitSet quoted(String text, Tokens t) {
    BitSet inside = new BitSet(text.length());
    int open = -1;
    int paragraph = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '"' && open < 0 && closesEarlier(text, i)) || (c == '\u201D' && open < 0)) {
        // a closing curly mark with no opening one before it in its paragraph, or a straight mark
        // that reads as a closing one, closes a quote that began in an earlier paragraph (a quote
        // split across lines): the paragraph up to it is quoted
        inside.set(paragraph, i + 1);
      } else if (c == '\u201C' || (c == '"' && open < 0)) {
        open = i;
      } else if ((c == '\u201D' || c == '"') && open >= 0) {
        inside.set(open, i + 1);
        open = -1;
      } else if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        if (open >= 0) {
          inside.set(open, i);
          open = -1;
        }
        paragraph = i + 2;
      }
    }
    if (open >= 0) {
      inside.set(open, text.length());
    }
    BitSet tokens = new BitSet(t.size());
    for (int i = 0; i < t.size(); i++) {
      if (inside.get(t.start(i))) {
        tokens.set(i);
      }
    }
    return tokens;
  }

  /**
   * Whether the straight mark at {@code i} reads as a closing one: nothing but punctuation after it
   * in its paragraph, or punctuation before it and a lower-case word after it ({@code charm, " she said}).
   */
  private static boolean closesEarlier(String text, int i) {
    if (endsParagraph(text, i + 1)) {
      return true;
    }
    int b = i - 1;
    while (b >= 0 && text.charAt(b) == ' ') {
      b--;
    }
    int a = i + 1;
    while (a < text.length() && text.charAt(a) == ' ') {
      a++;
    }
    return b >= 0 && ",.!?".indexOf(text.charAt(b)) >= 0 && a < text.length() && Character.isLowerCase(text.charAt(a));
  }

  /** Whether only whitespace and punctuation stand between {@code from} and the end of its paragraph. */
  private static boolean endsParagraph(String text, int from) {
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\n' && j + 1 < text.length() && text.charAt(j + 1) == '\n') {
        return true;
      }
      if (Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }
}
