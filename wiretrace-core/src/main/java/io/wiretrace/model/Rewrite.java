package io.wiretrace.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Intrinsic rewrite verdict for one article, made without its original at hand.
 *
 * @param kind {@code original | spun | machine_translated | paraphrased | unknown}
 * @param score confidence in {@code kind}, 0..1
 * @param signals the measurements behind the verdict, sorted by name
 * @param spans the suspicious passages, in text order: what each looks like and, where it can be
 *     told, the likely original wording
 */
public record Rewrite(String kind, double score, Map<String, Double> signals, List<Suspect> spans) implements java.io.Serializable {
  public Rewrite {
    Objects.requireNonNull(kind, "kind");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
    }
    signals = java.util.Collections.unmodifiableMap(new TreeMap<>(signals));
    spans = List.copyOf(spans);
  }

  /** A verdict without spans. */
  public Rewrite(String kind, double score, Map<String, Double> signals) {
    this(kind, score, signals, List.of());
  }

  /**
   * One suspicious passage of the article text.
   *
   * @param start offset of its first character in the article text
   * @param end offset just past its last character
   * @param signal why it is suspect: {@code odd_synonym}, {@code broken_collocation}, {@code foreign_word}, {@code of_chain},
   *     {@code odd_day_preposition}
   *     ("the agency of news of the country", a round trip's mark)
   * @param likely the likely original wording, or null when none can be told
   */
  public record Suspect(int start, int end, String signal, String likely) implements java.io.Serializable {
    public Suspect {
      Objects.requireNonNull(signal, "signal");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
      }
    }
  }
}
