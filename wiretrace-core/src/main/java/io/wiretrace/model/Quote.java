package io.wiretrace.model;

import java.util.Objects;

/**
 * A direct quote and who said it.
 *
 * @param span the quoted words, without the quotation marks, as offsets into {@link Article#text()};
 *     a quote that runs over several paragraphs covers them all
 * @param text the quoted words as printed (paragraph breaks inside it kept)
 * @param speaker the speaker as the attribution names them ({@code "Mr. Blinken"}, {@code "the
 *     ministry"}, {@code "she"}); null when the article does not say
 * @param speakerSpan where {@link #speaker()} stands in the text; null with it
 * @param speakerEntity the {@link Entity#id()} the speaker resolves to (a pronoun resolves to the
 *     last compatible named person); null when it resolves to none
 * @param cue the attribution cue ({@code said}, {@code told}, {@code according to}, or
 *     {@code continued} for a quote whose speaker carries over from the quote before); null
 *     when there is no speaker
 */
public record Quote(Span span, String text, String speaker, Span speakerSpan, String speakerEntity, String cue) implements java.io.Serializable {
  public Quote {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(text, "text");
  }
}
