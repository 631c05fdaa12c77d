package io.wiretrace.model;

import java.util.List;
import java.util.Objects;

/**
 * A directed copy relation: {@code copy} reuses text of {@code original}.
 *
 * @param copy id of the copying article
 * @param original id of the article copied from
 * @param kind {@code verbatim | near_duplicate | spun | translated | paraphrased | partial}
 * @param score strength of the evidence, 0..1 (token Jaccard over the aligned texts for lexical kinds)
 * @param coverage share of the copy's text covered by aligned passages, 0..1
 * @param evidence aligned passages, in copy order
 * @param directionBasis why {@code original} is the original: {@code published}, {@code credit},
 *     {@code containment} or {@code id} (a stable tie-break when nothing else decides)
 * @param signals the measurements the kind was decided from, sorted by name (see {@code CopyDetector})
 */
public record Relation(
    String copy,
    String original,
    String kind,
    double score,
    double coverage,
    List<Evidence> evidence,
    String directionBasis,
    java.util.Map<String, Double> signals) implements java.io.Serializable {

  /** Every kind a copy relation can have. */
  public static final List<String> COPY_KINDS = List.of("verbatim", "near_duplicate", "spun", "translated", "paraphrased", "partial");

  public Relation {
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(directionBasis, "directionBasis");
    evidence = List.copyOf(evidence);
    signals = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(signals));
    if (copy.equals(original)) {
      throw new IllegalArgumentException("an article cannot copy itself: " + copy);
    }
  }
}
