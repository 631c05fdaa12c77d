package io.wiretrace.nlp;

import io.wiretrace.model.Annotations;
import io.wiretrace.model.Article;
import io.wiretrace.model.Entity;
import java.time.LocalDate;
import java.util.List;

/**
 * Runs entities, quotes and time on one article. The rules and the model are English: other
 * languages get empty annotations rather than wrong ones. The temporal reference is the
 * article's publish date; without one, relative expressions stay unresolved.
 *
 * <p>Thread-safe.
 */
public final class Annotator {
  private final EntityRecognizer entities;
  private final QuoteExtractor quotes = new QuoteExtractor();
  private final TimeTagger time = new TimeTagger();

  public Annotator() {
    this(EntityRecognizer.load());
  }

  public Annotator(EntityRecognizer entities) {
    this.entities = entities;
  }

  public Annotations annotate(Article a) {
    if (a.language() != null && !a.language().equals("en")) {
      return new Annotations(a.id(), List.of(), List.of(), List.of());
    }
    List<Entity> es = entities.recognize(a.text());
    return new Annotations(a.id(), es, quotes.extract(a.text(), es), time.tag(a.text(), reference(a.published())));
  }

  /** The day of an ISO publish time ({@code 2024-03-05}, {@code 2024-03-05T09:30:00Z}), or null. */
  static LocalDate reference(String published) {
    if (published == null || published.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(published.substring(0, 10));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
