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

  /**
   * Whether the product path gives what an extraction evaluation scores: every page run through
   * {@link io.wiretrace.pipeline.Pipeline#prepareDocuments} as an HTML document with its URL (as a
   * JSONL record {@code {id, url, html}} becomes one), compared with {@link HtmlExtractor} on the same
   * decoded HTML: the body text and the publication date. A page the pipeline rejects counts as an
   * empty body. Returns a note for the evaluation's table.
   *
   * @param pages {@code {id, html, url}} each
   */
  static String productPathAgreement(java.util.List<String[]> pages) throws java.io.IOException {
    java.util.List<io.wiretrace.model.RawDocument> docs = new java.util.ArrayList<>();
    for (String[] p : pages) {
      docs.add(new io.wiretrace.model.RawDocument(p[0], p[0], io.wiretrace.model.RawDocument.Format.HTML, p[1],
          new io.wiretrace.model.RawDocument.Hints(p[2], null, null, null)));
    }
    Map<String, io.wiretrace.model.Article> byId = new java.util.HashMap<>();
    for (io.wiretrace.model.Article a : io.wiretrace.pipeline.Pipeline.builder().paraphrases(false).build()
        .prepareDocuments(docs, id -> false).articles()) {
      byId.put(a.id(), a);
    }
    HtmlExtractor x = new HtmlExtractor();
    int sameText = 0;
    int sameDate = 0;
    int rejectedDated = 0; // pages the product rejects (no body text) whose date is therefore not output
    for (String[] p : pages) {
      HtmlExtractor.Page r;
      try {
        r = x.extract(p[1], p[2]);
      } catch (RuntimeException | StackOverflowError e) {
        r = null;
      }
      io.wiretrace.model.Article a = byId.get(p[0]);
      String text = a == null ? "" : a.text();
      sameText += (r == null ? "" : r.text()).equals(text) ? 1 : 0;
      boolean dateSame = java.util.Objects.equals(r == null ? null : r.published(), a == null ? null : a.published());
      sameDate += dateSame ? 1 : 0;
      rejectedDated += !dateSame && a == null ? 1 : 0;
    }
    return String.format(java.util.Locale.ROOT, "The product path (Pipeline.prepareDocuments, each page as an HTML record with its URL) "
        + "gives the body text scored here for %d of %d pages and the same publication date for %d of %d (of the others, %d are "
        + "pages with no body text, which the product rejects, so their date is not output).", sameText, pages.size(),
        sameDate, pages.size(), rejectedDated);
  }
}
