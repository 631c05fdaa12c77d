package io.wiretrace.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Article;
import io.wiretrace.model.RawDocument;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
  private final HtmlExtractor x = new HtmlExtractor();

  static final String P1 = "The city council voted on Tuesday to close the old harbour bridge to cars from June, after engineers found cracks in two of its supports.";
  static final String P2 = "Cyclists and pedestrians will still be able to cross, the council said, and a temporary ferry will run every twenty minutes during rush hour.";
  static final String P3 = "A replacement bridge, estimated to cost 120 million crowns, is not expected before 2029, according to the city's transport plan.";

  static String page(String head, String articleExtra) {
    return "<!DOCTYPE html><html lang=\"en-GB\"><head>" + head + "</head><body>"
        + "<header><nav><a href='/'>Home</a><a href='/news'>News</a></nav></header>"
        + "<div class='cookie-banner'>We use cookies to improve your experience. Accept all cookies?</div>"
        + "<main><article><h1>Harbour bridge to close to cars</h1><p class='byline'>By Ana Ruiz</p>"
        + "<div class='article-body'><p>" + P1 + "</p><p>" + P2 + "</p>"
        + "<figure><img src='x.jpg'><figcaption>The bridge in 1962. Photo: City Archive</figcaption></figure>"
        + "<h2>What happens next</h2><p>" + P3 + "</p>" + articleExtra + "</div>"
        + "<div class='share-tools'><a href='#'>Share on Facebook</a><a href='#'>Tweet</a></div></article>"
        + "<aside class='related-stories'><h3>Related</h3><ul><li><a href='/1'>Ferry fares rise again as operators cite fuel costs</a></li>"
        + "<li><a href='/2'>New cycle lanes approved for the old town and the harbour front</a></li></ul></aside>"
        + "<section id='comments'><h3>3 Comments</h3><p>About time, this bridge has been a danger for years and everybody knew it.</p></section></main>"
        + "<footer><p>© 2025 Harbour Times. All rights reserved.</p></footer></body></html>";
  }

  @Test
  void body_keepsArticleParagraphsAndHeadings_dropsChrome() {
    HtmlExtractor.Page p = x.extract(page("<title>Harbour bridge to close to cars | Harbour Times</title>", ""), "https://ht.example/x");
    assertThat(p.text()).isEqualTo(P1 + "\n\n" + P2 + "\n\nWhat happens next\n\n" + P3);
    assertThat(p.title()).isEqualTo("Harbour bridge to close to cars");
    assertThat(p.language()).isEqualTo("en");
  }

  @Test
  void metadata_fromJsonLd_winsOverOtherSources() {
    String head = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"HT\"},"
        + "{\"@type\":\"NewsArticle\",\"headline\":\"Bridge closes\",\"datePublished\":\"2025-05-01T10:00:00+02:00\","
        + "\"dateModified\":\"2025-05-02T09:00:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},{\"name\":\"Li Wei\"}],"
        + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Harbour Times\"}}]}</script>"
        + "<meta property='article:published_time' content='2025-04-30T00:00:00Z'><meta property='og:title' content='OG title'>";
    HtmlExtractor.Page p = x.extract(page(head, ""), "https://ht.example/news/bridge");
    assertThat(p.title()).isEqualTo("Bridge closes");
    assertThat(p.published()).isEqualTo("2025-05-01T10:00:00+02:00");
    assertThat(p.modified()).isEqualTo("2025-05-02T09:00:00Z");
    assertThat(p.byline()).isEqualTo("Ana Ruiz, Li Wei");
    assertThat(p.outlet()).isEqualTo("Harbour Times");
  }

  @Test
  void metadata_openGraphAndMetaFallbacks() {
    String head = "<meta property='og:title' content='OG title'><meta property='og:site_name' content='Harbour Times'>"
        + "<meta property='article:published_time' content='2025-04-30T06:00:00Z'><meta name='author' content='Ana Ruiz'>"
        + "<link rel='canonical' href='/2025/04/30/bridge'>";
    HtmlExtractor.Page p = x.extract(page(head, ""), "https://ht.example/amp/bridge");
    assertThat(p.title()).isEqualTo("OG title");
    assertThat(p.published()).isEqualTo("2025-04-30T06:00:00Z");
    assertThat(p.outlet()).isEqualTo("Harbour Times");
    assertThat(p.byline()).isEqualTo("Ana Ruiz");
    assertThat(p.url()).isEqualTo("https://ht.example/2025/04/30/bridge");
  }

  @Test
  void metadata_timeElementThenUrlDate() {
    HtmlExtractor.Page withTime = x.extract(page("", "<time datetime='2025-04-28'>28 April</time>"), "https://ht.example/news/x");
    assertThat(withTime.published()).isEqualTo("2025-04-28");
    HtmlExtractor.Page urlOnly = x.extract(page("", ""), "https://ht.example/2025/01/02/x");
    assertThat(urlOnly.published()).isEqualTo("2025-01-02");
    assertThat(urlOnly.outlet()).isEqualTo("ht.example");
  }

  @Test
  void malformedJsonLd_ignored() {
    HtmlExtractor.Page p = x.extract(page("<script type='application/ld+json'>{not json</script><title>T | S</title>", ""), null);
    assertThat(p.text()).startsWith(P1);
  }

  @Test
  void residueInsideTheArticleContainer_isListedAsRemoved() {
    HtmlExtractor.Page p = x.extract(page("", "<p>Source: Harbour Wire</p><p>#bridge #harbour</p>"), null);
    assertThat(p.text()).endsWith(P3);
    assertThat(p.removed()).extracting(r -> r.reason()).containsExactly("source_stub", "hashtags");
  }

  @Test
  void aCommentCounterAboveTheBody_isDropped_theCommentsBelowItStillEndTheArticle() {
    String html = "<html><body><div class='post'><h1>Harbour bridge to close to cars</h1>"
        + "<div class='meta'><span>November 20</span> <a href='#replies'>2 Comments</a></div>"
        + "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>"
        + "<h3>2 Comments</h3><p>Finally, after years of warnings from everyone who crosses it daily.</p></div></body></html>";
    HtmlExtractor.Page p = x.extract(html, null);
    assertThat(p.text()).contains(P1).contains(P2).endsWith(P3).doesNotContain("Finally");
    assertThat(p.removed()).extracting(r -> r.reason()).contains("comment_form");
  }

  @Test
  void textWrittenStraightIntoADivBesideLinkColumnsAndTeasers_isTheBody() {
    String html = "<html><body><div class='row'><div class='col-side'><ul><li><a href='/a'>Archive 2019</a></li><li><a href='/b'>Archive 2018</a></li></ul></div>"
        + "<div class='col-main'><p class='titulo'>Harbour bridge to close to cars</p><small>05/10/2018 - Published by Ana Ruiz</small><br>"
        + P1 + " " + P2 + "<br><br>" + P3 + "<br></div></div>"
        + "<div class='teasers'><p>Ferry timetable changes for the winter season announced today</p>"
        + "<p>Town hall opens a new service desk for residents and visitors</p>"
        + "<p>Library extends its opening hours during the exam period next month</p></div>"
        + "<footer><p>Harbour Times - Rua do Porto, 12 - Caixa Postal 421 - Phone: (047) 2106-8000</p></footer></body></html>";
    HtmlExtractor.Page p = x.extract(html, null);
    assertThat(p.text()).contains(P1).contains(P2).contains(P3).doesNotContain("Caixa Postal").doesNotContain("Archive")
        .doesNotContain("Ferry timetable");
  }

  @Test
  void aTableInTheArticle_isOneBlockPerRow_numbersKept() {
    HtmlExtractor.Page p = x.extract(page("", "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>"
        + "<tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr><tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr></table>"), null);
    assertThat(p.text()).endsWith(P3 + "\n\nPos. Driver Points\n\n1 Kyle Busch 5040\n\n2 Martin Truex Jr. 5035");
  }

  @Test
  void anEmbeddedPostTheArticleQuotes_isKept_aShareBarIsNot() {
    HtmlExtractor.Page p = x.extract(page("", "<div class='social-media-embed'><blockquote class='twitter-tweet'><p>The ferry will run all night "
        + "on Friday while the bridge is inspected, so plan your trip home.</p>— Harbour Ferries (@harbourferries) June 5, 2025"
        + "</blockquote></div><div class='social-share'><a href='#'>Share on Facebook</a></div>"), null);
    assertThat(p.text()).contains("The ferry will run all night on Friday").doesNotContain("Share on Facebook");
  }

  @Test
  void extractor_appliesDatelineAndContainerHints() {
    RawDocument doc = new RawDocument("x", "x.jsonl:1", RawDocument.Format.HTML,
        "<html><body><article><p>BRENHOLM (Meridian Wire) — " + P1 + "</p><p>" + P2 + "</p></article></body></html>",
        new RawDocument.Hints("https://m.example/x", "Hint title", "2025-05-20T13:05:00+00:00", "Meridian Wire"));
    Article a = new Extractor().extract(doc);
    assertThat(a.title()).isEqualTo("Hint title");
    assertThat(a.published()).isEqualTo("2025-05-20T13:05:00Z");
    assertThat(a.outlet()).isEqualTo("Meridian Wire");
    assertThat(a.dateline()).isEqualTo("BRENHOLM (Meridian Wire) —");
    assertThat(a.credits()).containsExactly("Meridian Wire");
    assertThat(a.rewrite().kind()).isEqualTo("unknown");
  }

  @Test
  void hugePage_over20MB_isExtracted() {
    StringBuilder big = new StringBuilder("<html><body><article>");
    while (big.length() < 21_000_000) {
      big.append("<p>").append(P1).append("</p>");
    }
    big.append("</article><footer>© Harbour Times</footer></body></html>");
    String text = x.extract(big.toString(), null).text();
    assertThat(text.length()).isGreaterThan(19_000_000);
    assertThat(text).doesNotContain("Harbour Times");
  }

  @Test
  void veryDeepNesting_100kLevels_noStackOverflow() {
    String deep = "<div>".repeat(100_000) + "<p>" + P1 + "</p>" + "</div>".repeat(100_000);
    assertThat(x.extract(deep, null).text()).contains("harbour bridge");
  }

  @Test
  void hostilePages_giveAResultNotACrash() {
    assertThat(x.extract("", null).text()).isEmpty();
    assertThat(x.extract("<html><body></body></html>", null).text()).isEmpty();
    String deep = "<div>".repeat(5000) + "<p>" + P1 + "</p>" + "</div>".repeat(5000);
    assertThat(x.extract(deep, null).text()).contains("harbour bridge");
    assertThat(x.extract("<p>unclosed <b>tags <i>everywhere " + P2, null).text()).contains("Cyclists");
  }

  @Test
  void relatedHeadingFollowedByTeasers_dropsTheTeasers_butAMidArticleBoxOnlyItsHeading() {
    String teaser = "<article class='post'><p>Ferry operators raised fares again this spring, citing fuel costs and a shortage of crews on the harbour routes, and more \u2026</p></article>";
    HtmlExtractor.Page tail = x.extract(page("", "<h3>You may also like...</h3>" + teaser + teaser.replace("Ferry", "Tram")), null);
    assertThat(tail.text()).isEqualTo(P1 + "\n\n" + P2 + "\n\nWhat happens next\n\n" + P3);
    assertThat(tail.removed()).extracting(r -> r.reason()).contains("related");

    String after = "The council will vote on the final design in September, after a public consultation that opens next week.";
    HtmlExtractor.Page mid = x.extract(page("", "<h3>You may also like...</h3><p>" + after + "</p>"), null);
    assertThat(mid.text()).endsWith(P3 + "\n\n" + after);
  }

  @Test
  void mostReadHeadingAfterTheArticle_cutsTheTeaserList_butNotAParagraphOrALongerTail() {
    // four teaser titles: more than the three short trailing lines the end-of-article rule drops on its own
    String list = "<h3>Meist gelesen</h3><p>Ferry fares rise again</p><p>Tram line opens in May</p>"
        + "<p>Council votes on budget</p><p>New cycle lanes for the old town</p>";
    HtmlExtractor.Page p = x.extract(page("", list), null);
    assertThat(p.text()).isEqualTo(P1 + "\n\n" + P2 + "\n\nWhat happens next\n\n" + P3);
    // a paragraph of 300+ characters after the heading is article text: only the heading goes
    String para = "<p>" + P1.replace("harbour", "river") + " " + P2 + "</p>";
    HtmlExtractor.Page q = x.extract(page("", "<h3>Meist gelesen</h3>" + para + "<p>Kurz notiert aus der Region</p>"), null);
    assertThat(q.text()).contains("river bridge").doesNotContain("Meist gelesen");
  }

  @Test
  void boxesNamedRelatedOrTeaser_insideTheArticle_goEvenWhenTheirNameAlsoSaysPost() {
    String boxes = "<ul class='related_post wp_rp'><li><a href='/a'>Ferry fares rise again</a><small>Operators cite fuel costs and crews, and the council is worried.</small></li></ul>"
        + "<div class='teaser'><p>Tram line opens in May, and the city expects thousands of riders in the first week alone.</p></div>"
        + "<div class='post-footer'><span>Filed by the Harbour desk at nine in the morning on a Tuesday.</span></div>";
    String text = x.extract(page("", boxes), null).text();
    assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\nWhat happens next\n\n" + P3);
  }

  @Test
  void anArticleSplitIntoPageBuilderBlocks_underDifferentParents_isReadWhole() {
    String more = "The harbour authority said the ferry would be free for residents during the first month, and that timetables would be posted at every stop. "
        + "Shops on the bridge will stay open, and deliveries will be allowed before seven in the morning.";
    String html = "<html><body><div class='page'>"
        + "<section class='row'><div class='col'><div class='block text-editor'><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></div></section>"
        + "<section class='row'><div class='col'><div class='block image'><img src='a.jpg'></div></div></section>"
        + "<section class='row'><div class='col'><div class='col-inner'><div class='block text-editor'><p>" + more + "</p></div></div></div></section>"
        + "<section class='row'><div class='col'><div class='block text-editor'><p><a href='/a'>Archive of older harbour stories, ferry timetables and city council decisions</a> "
        + "<a href='/b'>More from the harbour desk, with maps, pictures and a history of the bridge since 1881</a></p></div></div></section>"
        + "</div></body></html>";
    String text = x.extract(html, null).text();
    assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3 + "\n\n" + more);
  }

  @Test
  void leadInsideTheArticlesHeaderElement_survivesTheHeadersRemoval() {
    String lead = "Ferry operators and the council agreed on a new timetable after weeks of talks about crews and fuel.";
    String html = "<html><body><article><header class='article-header'><h1>Harbour deal</h1><p class='byline'>By Ana Ruiz, 3 May 2024</p>"
        + "<p class='ts-intro'>" + lead + "</p><div class='share'><a href='#'>Share</a></div></header>"
        + "<div class='article-body'><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></article></body></html>";
    assertThat(x.extract(html, null).text()).isEqualTo(lead + "\n\n" + P1 + "\n\n" + P2 + "\n\n" + P3);
  }

  @Test
  void callsToActionAfterTheLastParagraph_go_butNotInsideTheArticle() {
    String last = "Work on the temporary ferry landing starts next week, the council said, and the first boats will carry cyclists, "
        + "pedestrians and school classes from the old town to the harbour front.";
    String tail = "<p>" + last + "</p><p>For the latest stories download the Harbour Times apps for iOS and Android.</p>"
        + "<p>Subscribe now to our e-edition for the full story.</p>";
    HtmlExtractor.Page p = x.extract(page("", tail), null);
    assertThat(p.text()).isEqualTo(P1 + "\n\n" + P2 + "\n\nWhat happens next\n\n" + P3 + "\n\n" + last);
    assertThat(p.removed()).extracting(r -> r.reason()).contains("call_to_action");
    // consent placeholders and "follow us" lines go wherever they stand
    String consent = "<p>Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.</p>"
        + "<p>Follow The Harbour Times on Twitter and Instagram @HarbourTimes.</p><p>" + last + "</p>";
    assertThat(x.extract(page("", consent), null).text()).doesNotContain("Privatsphäre", "Follow The Harbour").endsWith(last);
    // a last line that merely names a platform is the article's
    assertThat(x.extract(page("", "<p>" + last + "</p><p>Android 15 follows in the autumn.</p>"), null).text())
        .endsWith("Android 15 follows in the autumn.");
    // the same words before the article's last paragraph are the article's
    String mid = "<p>Residents can register for the ferry pass online.</p><p>" + last + "</p>";
    assertThat(x.extract(page("", mid), null).text()).contains("register for the ferry pass");
  }

  @Test
  void aRecipeOfShortStepsAndTableRows_isReadFromItsDeclaredElement_whenTheVoteFindsAlmostNothing() {
    StringBuilder recipe = new StringBuilder("<div itemscope itemtype='https://schema.org/Recipe'><h1>Harbour buns</h1><table>");
    String[] items = {"500 g flour", "250 ml milk", "40 g butter", "1 egg", "a pinch of salt", "2 tbsp sugar"};
    for (String i : items) {
      recipe.append("<tr><td>").append(i).append("</td></tr>");
    }
    recipe.append("</table><ol>");
    String[] steps = {"Warm the milk and melt the butter in it", "Mix flour, sugar and salt in a bowl",
        "Add the milk and the egg and knead for ten minutes", "Leave the dough to rise for an hour",
        "Shape twelve buns and bake them at 200 degrees", "Brush with butter while still warm",
        "Serve with jam, or with smoked fish from the harbour market", "Keep leftovers in a tin for two days"};
    for (String st : steps) {
      recipe.append("<li>").append(st).append(", then wait a minute</li>");
    }
    recipe.append("</ol></div>");
    String html = "<html><body>" + recipe + "<div class='box'><p>Our products are baked fresh every morning, since 1881.</p></div></body></html>";
    String text = x.extract(html, null).text();
    assertThat(text).contains("500 g flour", "Shape twelve buns and bake them at 200 degrees", "Keep leftovers in a tin for two days")
        .doesNotContain("Our products");
  }

  @Test
  void leadNamedExcerptOrSubtitle_aboveTheBodyContainer_isKept() {
    String lead = "Ferry operators and the council agreed on a new timetable after weeks of talks about crews and fuel.";
    for (String cls : new String[] {"entry-excerpt", "article__subtitle"}) {
      String html = "<html><body><div class='wrap'><div class='post-head'><h1>Harbour deal</h1><p class='" + cls + "'>" + lead + "</p></div>"
          + "<div class='entry-content'><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></div></body></html>";
      assertThat(x.extract(html, null).text()).as(cls).startsWith(lead + "\n\n" + P1);
    }
  }

  @Test
  void aParagraphThatIsOnlyALink_isDropped_unlessItShowsAnAddress() {
    HtmlExtractor.Page p = x.extract(page("", "<p><a href='/other'>Ferry fares rise again as operators cite fuel costs</a></p>"
        + "<p><a href='https://council.example/plan'>https://council.example/plan</a></p>"), null);
    assertThat(p.text()).doesNotContain("Ferry fares").endsWith(P3 + "\n\nhttps://council.example/plan");
  }

  @Test
  void aPostShippedInsideATextTemplate_isRead() {
    String html = "<html><body><div class='post' itemscope itemtype='http://schema.org/BlogPosting'><h2>Safer browsing</h2>"
        + "<div class='post-body'><div class='post-content' itemprop='articleBody'><script type='text/template'>"
        + "<p>" + P1 + "</p><p>" + P2 + "</p></script></div></div></div><div class='sidebar'><a href='/a'>Archive</a></div></body></html>";
    assertThat(x.extract(html, null).text()).isEqualTo(P1 + "\n\n" + P2);
  }

  @Test
  void anUnclosedBannerHeaderWrappingThePage_doesNotTakeTheArticleWithIt() {
    String html = "<html><body><header id='header' role='banner'><div class='logo'>Harbour Times</div>"
        + "<main><article><p>" + P1 + "</p><p>" + P2 + "</p></article></main></body></html>";
    assertThat(x.extract(html, null).text()).isEqualTo(P1 + "\n\n" + P2);
    String banner = "<html><body><div role='banner'><p>Harbour Times, the city's daily paper since 1881, read by everyone.</p></div>"
        + "<article><p>" + P1 + "</p><p>" + P2 + "</p></article></body></html>";
    assertThat(x.extract(banner, null).text()).isEqualTo(P1 + "\n\n" + P2);
  }

  @Test
  void shortLinesAfterTheLastParagraph_areTrailing_butAListTheArticleEndsWithStays() {
    String longer = P3 + " The council will publish the full timetable for the works in the autumn.";
    HtmlExtractor.Page p = x.extract("<html><body><article><p>" + P1 + "</p><p>" + longer + "</p>"
        + "<p>Haftungsbeschränkung für externe Links</p><p>Kurz notiert aus der Region</p></article></body></html>", null);
    assertThat(p.text()).isEqualTo(P1 + "\n\n" + longer);
    assertThat(p.removed()).extracting(r -> r.reason()).containsExactly("trailing", "trailing");
    // a sign-off and a last sentence ending in an emoji are the author's
    HtmlExtractor.Page signed = x.extract("<html><body><article><p>" + P1 + "</p><p>" + longer + "</p>"
        + "<p>Bis bald, eure Ana</p></article></body></html>", null);
    assertThat(signed.text()).endsWith("Bis bald, eure Ana");
    HtmlExtractor.Page emoji = x.extract("<html><body><article><p>" + P1 + "</p><p>" + longer + "</p>"
        + "<p>Man fühlt sich danach wie neu – und das gefällt mir \uD83D\uDE09</p></article></body></html>", null);
    assertThat(emoji.text()).endsWith("das gefällt mir \uD83D\uDE09");
    String list = "<p>Croatia (Group E)</p><p>Austria (Group G)</p><p>Germany (Group C)</p><p>Denmark (Group D)</p>";
    HtmlExtractor.Page q = x.extract("<html><body><article><p>" + P1 + "</p><p>" + longer + "</p>" + list + "</article></body></html>", null);
    assertThat(q.text()).endsWith("Denmark (Group D)");
  }

  @Test
  void authorBoxesNamedInGermanOrAsProfiles_areNotArticleText() {
    String box = "Annette Henkel ist Redakteurin für Verkehr und schreibt seit zwanzig Jahren über die Stadt und ihre Brücken.";
    for (String cls : new String[] {"autor-box", "author-profile", "about-the-writer"}) {
      HtmlExtractor.Page p = x.extract(page("", "<div class='" + cls + "'><p>" + box + "</p></div>"), null);
      assertThat(p.text()).as(cls).doesNotContain("Annette Henkel");
    }
  }

  static final String P4 = "Ferry operators have promised extra crossings in the morning and evening peaks, and the city will "
      + "subsidise season tickets for residents of the harbour district until the new bridge opens to traffic.";

  @Test
  void aLeadAboveTheBodyContainer_opensTheArticle() {
    String lead = "Cars will no longer cross the harbour bridge from June: the council has closed it after engineers found cracks.";
    String html = "<html><body><main><article><div class='o-article-header'><h1>Harbour bridge to close</h1><div class='article-intro'><p>" + lead
        + "</p></div></div><div class='wrap'><div class='article-body'><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p><p>" + P4
        + "</p></div></div></article></main><div class='sidebar'><p>Newsletter: the week in the city, every Friday.</p></div></body></html>";
    // the body holds four times the lead's text: widening to the article would not take it
    assertThat(x.extract(html, null).text()).isEqualTo(lead + "\n\n" + P1 + "\n\n" + P2 + "\n\n" + P3 + "\n\n" + P4);
  }

  @Test
  void bylines_areReducedToTheirNames() {
    assertThat(HtmlExtractor.cleanByline("View all posts by Daniel Lemire")).isEqualTo("Daniel Lemire");
    assertThat(HtmlExtractor.cleanByline("Veröffentlicht vonChris Jung")).isEqualTo("Chris Jung");
    assertThat(HtmlExtractor.cleanByline("AuthorAndreas Kalt")).isEqualTo("Andreas Kalt");
    assertThat(HtmlExtractor.cleanByline("~ Cem Basman")).isEqualTo("Cem Basman");
    assertThat(HtmlExtractor.cleanByline("von lupa am 26/10/13, 03:48 pm")).isEqualTo("lupa");
    assertThat(HtmlExtractor.cleanByline("Dezember 10, 2019 · von freeman1984 · in Uncategorized · Hinterlasse einen Kommentar")).isEqualTo("freeman1984");
    assertThat(HtmlExtractor.cleanByline("John Walk - January 10, 2020 21 minutes - 4312 words")).isEqualTo("John Walk");
    assertThat(HtmlExtractor.cleanByline("Nicole Collignon 22. Februar 2020")).isEqualTo("Nicole Collignon");
    assertThat(HtmlExtractor.cleanByline("Posted by Günter W. Kienitz at 18:52")).isEqualTo("Günter W. Kienitz");
    // names that begin like a prefix stay whole
    assertThat(HtmlExtractor.cleanByline("Dieter Sieckmeyer")).isEqualTo("Dieter Sieckmeyer");
    assertThat(HtmlExtractor.cleanByline("Byron Parker")).isEqualTo("Byron Parker");
    assertThat(HtmlExtractor.cleanByline("Jean-Paul Martin")).isEqualTo("Jean-Paul Martin");
    assertThat(HtmlExtractor.cleanByline(null)).isNull();
  }

  @Test
  void aPostAuthorElement_namesTheAuthor_whenNothingStrongerDoes() {
    String html = "<html><body><article><h1>Harbour deal</h1><span class='post-author'>von Ana Ruiz</span>"
        + "<p>" + P1 + "</p><p>" + P2 + "</p></article></body></html>";
    assertThat(x.extract(html, null).byline()).isEqualTo("Ana Ruiz");
  }

  @Test
  void titles_loseTheSiteNameBesideThem() {
    assertThat(HtmlExtractor.withoutSiteName("Ein Jahr voller Proteste · Global Voices auf Deutsch", "Global Voices auf Deutsch"))
        .isEqualTo("Ein Jahr voller Proteste");
    assertThat(HtmlExtractor.withoutSiteName("Perturbazione polare al Centro - La Stampa", null, null, "La Stampa", "lastampa.it"))
        .isEqualTo("Perturbazione polare al Centro");
    assertThat(HtmlExtractor.withoutSiteName("Harbour Times | Bridge to close: what - and when", "Harbour Times"))
        .isEqualTo("Bridge to close: what - and when");
    assertThat(HtmlExtractor.withoutSiteName("Im Test: Plantur 39 - Happyface313", null, null, null, "happyface313.wordpress.com"))
        .isEqualTo("Im Test: Plantur 39");
    // no part names the site, or nothing else would remain: the title stays
    assertThat(HtmlExtractor.withoutSiteName("Paris - Berlin - Rome by night train", "Harbour Times")).isEqualTo("Paris - Berlin - Rome by night train");
    assertThat(HtmlExtractor.withoutSiteName("Harbour Times", "Harbour Times")).isEqualTo("Harbour Times");
  }
}
