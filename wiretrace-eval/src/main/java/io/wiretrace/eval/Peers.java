package io.wiretrace.eval;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import io.wiretrace.extract.HtmlExtractor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import net.dankito.readability4j.Readability4J;

/** The body extractors compared in the extraction evaluations: wiretrace and the live Java peers. */
final class Peers {
  private Peers() {}

  static final String WIRETRACE = "wiretrace";
  static final String READABILITY4J = "Readability4J 1.0.8 (live)";
  static final String BOILERPIPE = "boilerpipe 1.2.2 ArticleExtractor (live)";
  static final String CRUX = "crux 2.1.0 (live)";

  /** name → (html, url) → body text; a peer may throw. */
  static Map<String, BiFunction<String, String, String>> bodyExtractors() {
    Map<String, BiFunction<String, String, String>> live = new LinkedHashMap<>();
    HtmlExtractor ours = new HtmlExtractor();
    live.put(WIRETRACE, (html, url) -> ours.extract(html, url).text());
    live.put(READABILITY4J, (html, url) -> new Readability4J(url == null ? "" : url, html).parse().getTextContent());
    live.put(BOILERPIPE, (html, url) -> {
      try {
        return ArticleExtractor.INSTANCE.getText(html);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    live.put(CRUX, (html, url) -> {
      // crux needs an absolute URL to resolve links; pages without one get a placeholder on loopback
      com.chimbori.crux.articles.Article a = com.chimbori.crux.articles.ArticleExtractor
          .with(url == null || url.isBlank() ? "http://localhost/" : url, html).extractMetadata().extractContent().article();
      return a.document == null ? "" : a.document.text();
    });
    return live;
  }
}
