package io.wiretrace.extract;

import io.wiretrace.text.Tokens;
import java.util.Set;

/** A minimal language guess for pages that do not declare one: English or unknown. Thread-safe. */
public final class Language {
  private Language() {}

  private static final Set<String> ENGLISH = Set.of(
      "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "was", "on", "with", "as", "by", "at", "he",
      "his", "from", "said", "be", "are", "have", "has", "this", "an", "not", "but", "they", "were", "which");

  /** "en" when at least 18% of the first 2,000 tokens are common English function words, else null. */
  public static String guess(String text) {
    Tokens t = Tokens.of(text.length() > 20_000 ? text.substring(0, 20_000) : text);
    int n = Math.min(t.size(), 2000);
    if (n < 20) {
      return null;
    }
    int hits = 0;
    for (int i = 0; i < n; i++) {
      if (ENGLISH.contains(t.form(i))) {
        hits++;
      }
    }
    return hits * 100 >= n * 18 ? "en" : null;
  }
}
