package io.wiretrace.server.ui;

import java.util.List;

/** What each page of the web UI shows: plain records the jte templates render. */
public final class Pages {
  private Pages() {}

  /** A link in a pager or a tab. */
  public record Link(String label, String href, boolean current) {}

  /** A story in a list. {@code when} is its first and last dates as text. */
  public record StoryCard(String id, String title, String href, long articles, long echoes, String storyline, String storylineHref) {
    public long independent() {
      return articles - echoes;
    }
  }

  /** The home page. */
  public record Home(List<Link> orders, List<StoryCard> stories, long total, List<Link> pager, long articles, long relations,
      List<Link> outlets) {}

  /** One value of a facet, with the link that filters by it (or removes that filter). */
  public record FacetValue(String label, long count, String href, boolean active) {}

  /** A facet: its name and values. */
  public record Facet(String name, List<FacetValue> values) {}

  /** A search result. {@code snippetHtml} is escaped text with matches in {@code <b>}. */
  public record Hit(String title, String href, String source, String published, String storyHref, String storyTitle,
      List<String> kinds, String snippetHtml) {}

  /** The search page. */
  public record Search(String q, long total, List<Hit> hits, List<Facet> facets, List<Link> activeFilters, List<Link> pager,
      String message) {}

  /** A summary sentence credited to its outlet. */
  public record SummaryLine(String text, String source, String href, int sources) {}

  /** A dated event of the timeline. */
  public record TimelineRow(String date, String text, String actors, List<Link> reportedBy) {}

  /** A person, organisation or place of the story. */
  public record EntityRow(String type, String name, String aliases, int articles, int mentions, String searchHref) {}

  /** A wording of a quote that differs from what its source printed. */
  public record Drift(String source, String href, String text, String diff) {}

  /** A quote with who said it and where it first appeared. */
  public record QuoteRow(String text, String speaker, String first, String firstHref, int carriers, List<Drift> drifts) {}

  /** An article in a story, with its role. */
  public record ArticleRow(String title, String href, String source, String sourceHref, String published, String role,
      String roleClass, String detail, String compareHref, String compareLabel) {}

  /** An edge of the lineage, as a table row (the SVG's text alternative). */
  public record EdgeRow(String original, String originalHref, String copy, String copyHref, String kind, String delay,
      String compareHref) {}

  /** The story page. */
  public record StoryPage(String id, String title, String storyline, String storylineHref, int independent, int echoes,
      List<SummaryLine> summary, List<TimelineRow> timeline, List<EntityRow> entities, List<QuoteRow> quotes,
      List<ArticleRow> articles, String lineageSvg, List<EdgeRow> edges, String coverageSvg, String coverageCaption) {}

  /** One side of a comparison. */
  public record Side(String title, String href, String source, String sourceHref, String published, String rewrite) {}

  /** A residue block stripped from the copy. */
  public record Residue(String reason, String text) {}

  /** The copy-vs-original page. */
  public record Compare(Side copy, Side original, String kind, String storyHref, List<String> explanation,
      List<PassageDiff.Row> rows, PassageDiff.Counts counts, List<Residue> residue, List<String> credits) {}

  /** A line of an outlet's copy ledger: another outlet, the kind, how often and how fast. */
  public record OutletLink(String outlet, String href, String kind, int count, String medianDelay) {}

  /** The outlet page. */
  public record Outlet(String name, long articles, int examined, int originals, int copies, String originalShare,
      List<OutletLink> copiesFrom, List<OutletLink> copiedBy, List<ArticleRow> recent) {}

  /** The storyline page. */
  public record Storyline(String id, List<StoryCard> stories, String coverageSvg, String coverageCaption) {}

  /** The article page. */
  public record ArticlePage(String title, String id, String source, String sourceHref, String published, String url,
      String byline, String language, String storyHref, String storyTitle, String rewriteKind, String rewriteScore,
      List<String> rewriteSignals, List<String> rewriteSuspects, List<ArticleRow> relations, List<String> paragraphs,
      List<Residue> residue, List<String> credits) {}

  /** An error page. */
  public record Problem(int status, String message) {}
}
