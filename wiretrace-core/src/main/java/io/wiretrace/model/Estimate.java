package io.wiretrace.model;

import java.util.List;
import java.util.Objects;

/**
 * What the text of an undated article says of its time: the calendar days it names, from the
 * earliest to the latest. News reports what has just happened, so the article is taken to be
 * published on or soon after {@code to}; this is an estimate, never a publication date (the
 * article's {@code published} stays null).
 *
 * @param from earliest day named, ISO-8601 ({@code 2025-03-04})
 * @param to latest day named, not before {@code from}
 * @param basis the expressions as printed that name {@code from} and {@code to} (one when they are the same day)
 */
public record Estimate(String from, String to, List<String> basis) implements java.io.Serializable {
  public Estimate {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.compareTo(from) < 0) {
      throw new IllegalArgumentException("estimate ends (" + to + ") before it starts (" + from + ")");
    }
    basis = List.copyOf(basis);
  }
}
