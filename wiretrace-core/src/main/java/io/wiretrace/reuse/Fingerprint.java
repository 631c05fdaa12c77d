package io.wiretrace.reuse;

import io.wiretrace.fingerprint.Hashing64;
import io.wiretrace.fingerprint.MinHash;
import io.wiretrace.model.Article;
import io.wiretrace.text.Synonyms;
import io.wiretrace.text.Terms;
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
 * @param restored hash of the shingle starting at each token of the restored text, where every
 *     content word WordNet knows stands as the head of its usual sense ({@link #restore}), so a
 *     synonym-spun copy and its original share restored shingles where the spinner swapped a word for
 *     one of the same sense. The same array as {@code shingles} when restoring changed no word.
 */
public record Fingerprint(Article article, Tokens tokens, long[] shingles, long[] signature, BitSet quoted, long[] restored) {

  /** Shingle size in tokens. */
  public static final int SHINGLE = 4;

  /** Fingerprints one article. Thread-safe. */
  public static Fingerprint of(Article a, MinHash minHash) {
    Tokens t = Tokens.of(a.text());
    long[] th = tokenHashes(t);
    long[] sh = Hashing64.shingles(th, SHINGLE);
    long[] rh = restore(t, th);
    long[] restored = rh == th ? sh : Hashing64.shingles(rh, SHINGLE);
    return new Fingerprint(a, t, sh, minHash.signature(sh), quoted(a.text(), t), restored);
  }

  private static long[] tokenHashes(Tokens t) {
    long[] th = new long[t.size()];
    for (int i = 0; i < th.length; i++) {
      th[i] = Hashing64.token(t.form(i));
    }
    return th;
  }

  /**
   * What {@link CopyDetector#verify} reads of an article (its tokens, shingles and quoted tokens), for
   * verifying candidates found elsewhere: the signature is empty and {@code restored} is {@code
   * shingles}, as neither is read after candidate search (the restored words are WordNet lookups,
   * the larger part of fingerprinting). Not for {@link CandidateIndex}.
   */
  public static Fingerprint forVerify(Article a) {
    Tokens t = Tokens.of(a.text());
    long[] sh = Hashing64.shingles(tokenHashes(t), SHINGLE);
    return new Fingerprint(a, t, sh, new long[0], quoted(a.text(), t), sh);
  }

  /**
   * The search keys of the partial-copy channel: the shingles, then the restored shingles that differ
   * from them. Literal and restored keys share one key space, so a copy's restored "the court ruled"
   * (from "the tribunal ruled") meets its original's literal "the court ruled"; and as the literal
   * shingles are kept, restoring never hides a pair that literal keys find.
   */
  public long[] keys() {
    if (restored == shingles) {
      return shingles;
    }
    long[] out = java.util.Arrays.copyOf(shingles, shingles.length * 2);
    int n = shingles.length;
    for (int i = 0; i < restored.length; i++) {
      if (restored[i] != shingles[i]) {
        out[n++] = restored[i];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * Token hashes of the restored text: each content word (three letters or more, not a stop or
   * function word) that WordNet knows is replaced by the head of its usual sense
   * ({@link Synonyms#head}: "tribunals" and "courts" become "court", "citizenry" becomes "people"),
   * which is also the likely original wording of a spinner's choice. Other tokens keep their hash, so
   * text that is equal stays equal. Returns {@code hashes} itself when no word changed.
   */
  static long[] restore(Tokens t, long[] hashes) {
    long[] out = hashes;
    for (int i = 0; i < t.size(); i++) {
      String f = t.form(i);
      if (f.length() < 3 || !Character.isLetter(f.charAt(0)) || Terms.STOP_WORDS.contains(f)
          || Fluency.FUNCTION_WORDS.contains(f)) {
        continue;
      }
      String h = Synonyms.head(f);
      if (h == null || h.equals(f)) {
        continue;
      }
      if (out == hashes) {
        out = hashes.clone();
      }
      out[i] = Hashing64.token(h);
    }
    return out;
  }

  /**
   * A closing mark with no opener anywhere before it marks its paragraph as quoted only if the
   * paragraph up to it is this short (a line of a quote split across lines); in a long paragraph it
   * is a stray mark (Clough-Stevenson answers lost three relations to the whole-paragraph rule).
   */
  private static final int MAX_ORPHAN_CLOSE = 300;

  /** Paragraphs a quote left open may run through before a closing mark with no opener ends it. */
  private static final int MAX_OPEN_PARAGRAPHS = 8;

  /**
   * Marks tokens inside quotation marks: curly pairs, and straight double quotes paired left to
   * right within a paragraph (an unclosed quote ends at the paragraph's end, as in news style
   * where a multi-paragraph quote reopens each paragraph). A closing mark with no opening one before
   * it in its paragraph closes a quote begun earlier: the quote left open at the end of an earlier
   * paragraph (up to {@value #MAX_OPEN_PARAGRAPHS} back) if there is one, so that the sentences
   * between are quoted too, as when a corpus stores a quote of several sentences one sentence per
   * line; otherwise the paragraph up to the mark. Single quotation marks (British style, or a
   * quote within a headline) pair within a paragraph when they read as quotation marks and not as
   * apostrophes: an opening one after a space and before a letter, a closing one after a letter or
   * punctuation and before a space or punctuation; one left unclosed marks nothing.
   */
  static BitSet quoted(String text, Tokens t) {
    BitSet inside = new BitSet(text.length());
    int open = -1;
    int openSingle = -1;
    int paragraph = 0;
    int pending = -1; // where a quote left open at the end of an earlier paragraph began
    int pendingParagraphs = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\u201C' || c == '\u201D') {
        if (open >= 0 && c != '\u201C') {
          inside.set(open, i + 1);
          open = -1;
          pending = -1;
        } else if (open < 0 && (c == '\u201D' || c == '"' && closesEarlier(text, i))) {
          if (pending >= 0) {
            inside.set(pending, i + 1);
          } else if (i - paragraph <= MAX_ORPHAN_CLOSE) {
            inside.set(paragraph, i + 1);
          }
          pending = -1;
        } else {
          open = i;
          openSingle = -1;
          pending = -1;
        }
      } else if (c == '\'' || c == '\u2018' || c == '\u2019') {
        if (open >= 0) {
          continue; // inside a double quote already
        }
        if (openSingle < 0 && c != '\u2019' && opensSingle(text, i)) {
          openSingle = i;
        } else if (openSingle >= 0 && c != '\u2018' && closesSingle(text, i)) {
          inside.set(openSingle, i + 1);
          openSingle = -1;
        }
      } else if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        if (open >= 0) {
          inside.set(open, i);
          pending = open;
          pendingParagraphs = 0;
          open = -1;
        } else if (pending >= 0 && ++pendingParagraphs > MAX_OPEN_PARAGRAPHS) {
          pending = -1;
        }
        openSingle = -1;
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

  /** A single mark at {@code i} that can open a quote: at the start or after a space or bracket, before a letter. */
  private static boolean opensSingle(String text, int i) {
    char before = i == 0 ? ' ' : text.charAt(i - 1);
    return (Character.isWhitespace(before) || before == '(' || before == '[' || before == '\u2014')
        && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
  }

  /** A single mark at {@code i} that can close a quote: after a letter or punctuation, before a space, punctuation or the end. */
  private static boolean closesSingle(String text, int i) {
    char before = text.charAt(i - 1);
    char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
    return (Character.isLetterOrDigit(before) || ".,!?".indexOf(before) >= 0)
        && (Character.isWhitespace(after) || ".,;:!?)".indexOf(after) >= 0);
  }

  /**
   * Whether the straight mark at {@code i} reads as a closing one: nothing but punctuation after it
   * in its paragraph, or punctuation before it and after it a lower-case word ({@code charm, " she
   * said}) or a speech verb within four words ({@code received, " SEACOM said}).
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
    if (b < 0 || ",.!?".indexOf(text.charAt(b)) < 0 || a >= text.length()) {
      return false;
    }
    return Character.isLowerCase(text.charAt(a)) || attributionFollows(text, a);
  }

  private static final java.util.regex.Pattern ATTRIBUTION = java.util.regex.Pattern.compile(
      "(?:\\p{L}[\\p{L}.'’-]*\\s+){0,3}(?:said|says|told|added|noted|explained|wrote|stated|declared|according)\\b");

  /**
   * Whether a speech verb comes within the next four words ({@code …, " SEACOM said}): the mark
   * before them closes a quote, even when the word after it is capitalized.
   */
  private static boolean attributionFollows(String text, int from) {
    return ATTRIBUTION.matcher(text).region(from, Math.min(text.length(), from + 60)).lookingAt();
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
