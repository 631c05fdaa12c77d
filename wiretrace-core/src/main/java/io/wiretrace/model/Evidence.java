package io.wiretrace.model;

import java.util.Objects;

/** One aligned passage: where it stands in the copy and in the original. */
public record Evidence(Span copy, Span original) implements java.io.Serializable {
  public Evidence {
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(original, "original");
  }
}
