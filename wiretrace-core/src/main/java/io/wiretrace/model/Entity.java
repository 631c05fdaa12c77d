package io.wiretrace.model;

import java.util.List;
import java.util.Objects;

/**
 * A named entity of one article, with all its mentions (in-document coreference: "Antony J.
 * Blinken", "Mr. Blinken" and "Blinken" are one entity).
 *
 * @param id stable within the article ({@code person:antony-j-blinken}); stories merge entities of
 *     several articles under one id
 * @param type {@code PERSON}, {@code ORGANIZATION} or {@code LOCATION}
 * @param name the longest form the article uses
 * @param mentions every mention, in text order
 */
public record Entity(String id, String type, String name, List<Mention> mentions) implements java.io.Serializable {
  public Entity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    mentions = List.copyOf(mentions);
  }

  /** One mention: where it stands and how it is printed. */
  public record Mention(Span span, String text) implements java.io.Serializable {
    public Mention {
      Objects.requireNonNull(span, "span");
      Objects.requireNonNull(text, "text");
    }
  }
}
