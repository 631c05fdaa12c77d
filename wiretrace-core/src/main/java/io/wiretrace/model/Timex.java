package io.wiretrace.model;

import java.util.Objects;

/**
 * A temporal expression found in an article's text, normalized as TIMEX3 does it.
 *
 * @param span character offsets into {@link Article#text()}
 * @param text the expression as printed ({@code "last Sunday"})
 * @param type {@code DATE}, {@code TIME}, {@code DURATION} or {@code SET}
 * @param value the TIMEX3 value: {@code 2023-06-18}, {@code 2023-W24}, {@code 2012-SU}, {@code P3M},
 *     {@code PRESENT_REF}; an {@code X} stands for what the text and its reference date leave open
 * @param mod {@code START}, {@code MID}, {@code END} or {@code APPROX} for "early", "mid", "late",
 *     "about"; null when none
 */
public record Timex(Span span, String text, String type, String value, String mod) implements java.io.Serializable {
  public Timex {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** True when {@link #value()} names a calendar day ({@code YYYY-MM-DD}, possibly with a time). */
  public boolean isDay() {
    return value.length() >= 10 && value.charAt(4) == '-' && value.charAt(7) == '-'
        && Character.isDigit(value.charAt(0)) && Character.isDigit(value.charAt(8)) && Character.isDigit(value.charAt(9))
        && Character.isDigit(value.charAt(5));
  }
}
