package io.wiretrace.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Intrinsic rewrite verdict for one article, made without its original at hand.
 *
 * @param kind {@code original | spun | machine_translated | paraphrased | unknown}
 * @param score confidence in {@code kind}, 0..1
 * @param signals the measurements behind the verdict, sorted by name
 */
public record Rewrite(String kind, double score, Map<String, Double> signals) implements java.io.Serializable {
  public Rewrite {
    Objects.requireNonNull(kind, "kind");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
    }
    signals = java.util.Collections.unmodifiableMap(new TreeMap<>(signals));
  }
}
