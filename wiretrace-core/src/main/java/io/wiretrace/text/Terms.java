package io.wiretrace.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Index terms for topical similarity: case-folded tokens minus stop words and numbers shorter than
 * four digits, reduced by a light English stemmer.
 */
public final class Terms {
  private Terms() {}

  /** English function words and news filler that carry no topic. */
  public static final Set<String> STOP_WORDS = Set.copyOf(java.util.Arrays.asList(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
      "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
      "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
      "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
      "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
      "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
      "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
      "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
      "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
      "you", "your", "yours", "yourself", "said", "says", "say", "told", "according", "mr", "mrs", "ms", "one",
      "two", "new", "year", "years", "may", "might", "must", "shall", "since", "still", "yet", "however",
      "many", "much", "even", "well", "back", "get", "got", "make", "made", "like", "last", "first", "next",
      "week", "day", "days", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "don't", "it's", "i'm", "he's", "she's", "that's", "there's", "they're", "we're", "can't", "won't"));

  /** The index terms of {@code text}, in text order (repeats kept). */
  public static List<String> of(String text) {
    Tokens t = Tokens.of(text);
    List<String> out = new ArrayList<>(t.size());
    for (int i = 0; i < t.size(); i++) {
      String f = t.form(i);
      if (indexed(f)) {
        out.add(stem(f));
      }
    }
    return out;
  }

  /** Whether a lower-cased token form is an index term: not a stop word, a single letter or a short number. */
  private static boolean indexed(String f) {
    return f.length() >= 2 && !STOP_WORDS.contains(f) && !(isDigits(f) && f.length() < 4);
  }

  /**
   * The index terms of {@code text} (as {@link #of}) into {@code terms}, and, into {@code proper},
   * those of the capitalized words inside sentences ("Varga", "Teranova", "Amber River"): a cheap
   * proper-noun cue. Words at the start of a sentence or paragraph are not counted there, since
   * capitals there say nothing. One tokenization for both.
   */
  public static void both(String text, List<String> terms, List<String> proper) {
    Tokens t = Tokens.of(text);
    for (int i = 0; i < t.size(); i++) {
      String f = t.form(i);
      if (!indexed(f)) {
        continue;
      }
      String stem = stem(f);
      terms.add(stem);
      int start = t.start(i);
      if (Character.isUpperCase(text.codePointAt(start)) && !sentenceStart(text, start)) {
        proper.add(stem);
      }
    }
  }

  private static boolean sentenceStart(String text, int start) {
    for (int j = start - 1; j >= 0; j--) {
      char c = text.charAt(j);
      if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == '\u2014') {
        return true;
      }
      if (Character.isLetterOrDigit(c) || c == ',' || c == ';') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A light, conservative English stemmer (plural and common verb endings, after Harman's
   * S-stemmer with -ed/-ing): stable enough to merge "strikes"/"striking"/"striked" variants
   * without the over-conflation of full Porter stemming.
   */
  public static String stem(String w) {
    String s = suffix(w);
    // a final silent e is dropped everywhere so that strike / strikes / striking / struck-by meet
    return s.length() > 4 && s.endsWith("e") ? s.substring(0, s.length() - 1) : s;
  }

  private static String suffix(String w) {
    int n = w.length();
    if (n <= 3) {
      return w;
    }
    if (w.endsWith("'s")) {
      return suffix(w.substring(0, n - 2));
    }
    if (w.endsWith("ies") && n > 4 && !w.endsWith("eies") && !w.endsWith("aies")) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("es") && n > 4 && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, n - 1);
    }
    if (w.endsWith("ing") && n > 5) {
      return undouble(w.substring(0, n - 3));
    }
    if (w.endsWith("ed") && n > 4) {
      return undouble(w.substring(0, n - 2));
    }
    return w;
  }

  private static String undouble(String s) {
    int n = s.length();
    if (n >= 2 && s.charAt(n - 1) == s.charAt(n - 2) && "bdgmnprt".indexOf(s.charAt(n - 1)) >= 0) {
      return s.substring(0, n - 1);
    }
    return s;
  }

  /** Jaccard similarity of two sets: shared members over all members; 0 when both are empty. */
  public static double jaccard(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int inter = 0;
    for (String w : small) {
      if (large.contains(w)) {
        inter++;
      }
    }
    int union = a.size() + b.size() - inter;
    return union == 0 ? 0 : (double) inter / union;
  }
}
