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
   * where a multi-paragraph quote reopens each paragraph).
   */
  static BitSet quoted(String text, Tokens t) {
    BitSet inside = new BitSet(text.length());
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u201C' || (c == '"' && open < 0)) {
        open = i;
      } else if ((c == '\u201D' || c == '"') && open >= 0) {
        inside.set(open, i + 1);
        open = -1;
      } else if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n' && open >= 0) {
        inside.set(open, i);
        open = -1;
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
}
