package io.wiretrace.model;

/**
 * A half-open character range {@code [start, end)} in an article's {@code text}.
 */
public record Span(int start, int end) implements java.io.Serializable {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("span must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }
}
