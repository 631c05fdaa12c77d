package io.wiretrace.text;

import java.util.regex.Pattern;

/** Sentence candidates for the story and paraphrase stages, which need sentences but not their grammar. */
public final class Sentences {
  private Sentences() {}

  /**
   * One sentence candidate: text up to . ! ? (with closing quotes and brackets) before whitespace and a
   * capital, a digit or an opening quote, or up to a line end. Callers join pieces cut after
   * abbreviations where that matters to them.
   */
  public static final Pattern CANDIDATE =
      Pattern.compile("(?s).+?(?:[.!?]+[\"”’)]*(?=\\s+[\\p{Lu}\\d“\"‘(])|(?=\\n)|$)");
}
