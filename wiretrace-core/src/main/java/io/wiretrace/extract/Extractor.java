package io.wiretrace.extract;

import io.wiretrace.model.Article;
import io.wiretrace.model.RawDocument;
import io.wiretrace.model.Rewrite;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns any {@link RawDocument} into an {@link Article}: HTML through {@link HtmlExtractor}, plain
 * text through {@link TextPageExtractor}. Metadata the container supplied (JSONL fields, feed entry
 * fields) wins over what the page says, because the container is the publisher's own record.
 *
 * <p>Thread-safe and stateless.
 */
public final class Extractor {
  /**
   * The rewrite verdict until intrinsic rewrite detection runs: nothing was measured, so
   * {@code unknown} with score 0.
   */
  public static final Rewrite NOT_ASSESSED = new Rewrite("unknown", 0, Map.of());

  private final HtmlExtractor html = new HtmlExtractor();
  private final TextPageExtractor text = new TextPageExtractor();

  /** Extracts one document. */
  public Article extract(RawDocument doc) {
    RawDocument.Hints h = doc.hints();
    if (doc.format() == RawDocument.Format.HTML) {
      HtmlExtractor.Page p = html.extract(doc.content(), h.url());
      Optional<Dateline> d = Dateline.find(p.text());
      List<String> credits = d.isPresent() && d.get().credit() != null ? List.of(d.get().credit()) : List.of();
      return new Article(doc.id(), or(h.url(), p.url()), or(h.title(), p.title()), normalizedOr(h.published(), p.published()),
          or(h.outlet(), p.outlet()), p.byline(), d.map(Dateline::text).orElse(null), p.language(), p.text(), p.removed(),
          credits, NOT_ASSESSED);
    }
    TextPageExtractor.Page p = text.extract(doc.content(), h.title());
    String outlet = h.outlet();
    return new Article(doc.id(), h.url(), p.title(), normalizedOr(h.published(), p.published()), outlet, p.byline(),
        p.dateline(), Language.guess(p.text()), p.text(), p.removed(), p.credits(), NOT_ASSESSED);
  }

  private static String or(String a, String b) {
    return a != null && !a.isBlank() ? a.strip() : b;
  }

  private static String normalizedOr(String hint, String found) {
    if (hint != null && !hint.isBlank()) {
      return Dates.normalize(hint).orElse(found);
    }
    return found;
  }
}
