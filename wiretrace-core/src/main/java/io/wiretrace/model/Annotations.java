package io.wiretrace.model;

import java.util.List;
import java.util.Objects;

/**
 * What language analysis found in one article; written into its articles.jsonl line as
 * {@code entities}, {@code quotes} and {@code times}.
 *
 * @param article the {@link Article#id()}
 * @param entities people, organizations and places with their mentions
 * @param quotes direct quotes with speakers
 * @param times temporal expressions normalized against the publish date
 */
public record Annotations(String article, List<Entity> entities, List<Quote> quotes, List<Timex> times) implements java.io.Serializable {
  public Annotations {
    Objects.requireNonNull(article, "article");
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
    times = List.copyOf(times);
  }
}
