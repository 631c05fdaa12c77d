package io.wiretrace.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Removed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TextPageExtractorTest {
  private final TextPageExtractor x = new TextPageExtractor();

  private static final String BODY1 = "HALVERN (Northwind Press) — Dockworkers at the Port of Halvern walked off the job on Monday, halting traffic.";
  private static final String BODY2 = "The stoppage began at 6 a.m. when the night shift left the terminals and pickets formed at the gates.";

  @Test
  void scrapedPage_titleDateBylineDatelineAndResidueSeparated() {
    String page = String.join("\n",
        "Daily Buzz 24/7 – Your trusted source for breaking news",
        "Dockworkers walk out at Port of Halvern",
        "Posted on March 10, 2025",
        "By Jane Admin",
        "Share this:",
        "Facebook",
        "",
        BODY1,
        "",
        "Photo: Karl Aamodt/Northwind Press",
        "toggle caption",
        BODY2,
        "Source: Northwind Press",
        "#Halvern #strike",
        "Dockworkers walk out at Port of Halvern",
        "About the Author",
        "Jane Admin is a staff writer at Daily Buzz covering world news.",
        "1,284 views",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Great article, thanks!",
        "Post Comment");
    TextPageExtractor.Page p = x.extract(page, null);
    assertThat(p.title()).isEqualTo("Dockworkers walk out at Port of Halvern");
    assertThat(p.published()).isEqualTo("2025-03-10");
    assertThat(p.byline()).isEqualTo("Jane Admin");
    assertThat(p.dateline()).isEqualTo("HALVERN (Northwind Press) —");
    assertThat(p.credits()).containsExactly("Northwind Press");
    assertThat(p.text()).isEqualTo(BODY1 + "\n\n" + BODY2);
    assertThat(p.removed()).extracting(Removed::reason).containsExactly(
        "site_tagline", "date_header", "byline", "share", "share", "caption_credit", "caption_credit", "source_stub",
        "hashtags", "repeated_title", "author_box", "author_box", "counter", "comment_form", "comment_form",
        "comment_form", "comment_form");
  }

  @Test
  void containerTitle_printedOnPage_isNotBody() {
    TextPageExtractor.Page p = x.extract("My headline\n" + BODY2, "My headline");
    assertThat(p.title()).isEqualTo("My headline");
    assertThat(p.text()).isEqualTo(BODY2);
    assertThat(p.removed()).isEmpty();
  }

  @Test
  void oneLinePage_lineIsTheText_notATitle() {
    TextPageExtractor.Page p = x.extract("A line of article text that is fine.", null);
    assertThat(p.title()).isNull();
    assertThat(p.text()).isEqualTo("A line of article text that is fine.");
  }

  @Test
  void pageStartingWithLongParagraph_hasNoTitle() {
    TextPageExtractor.Page p = x.extract(BODY2 + " " + BODY2 + "\n" + BODY1, null);
    assertThat(p.title()).isNull();
    assertThat(p.text()).startsWith(BODY2);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Leave a Reply|comment_form",
      "Your email address will not be published.|comment_form",
      "Save my name, email, and website in this browser for the next time I comment.|comment_form",
      "About the Author|author_box",
      "View all posts by Newsdesk|author_box",
      "#breaking #news #world|hashtags",
      "Tags: court, fraud|tags",
      "Share on Facebook|share",
      "RSS|rss_stub",
      "Sign up for our newsletter and never miss a story!|rss_stub",
      "Source: Meridian Wire|source_stub",
      "Read the full story at Meridian Wire|source_stub",
      "toggle caption|caption_credit",
      "change the subtitles|caption_credit",
      "hide caption|caption_credit",
      "Mayor Varga at City Hall. (Photo: Meridian Wire)|caption_credit",
      "Image credit: Getty Images|caption_credit",
      "Evan Vucci/AP|caption_credit",
      "Susan Walsh/Pool Photo via AP|caption_credit",
      "Posted on April 2, 2025|date_header",
      "2025-04-02 09:30|date_header",
      "Updated: Wednesday, April 2, 2025 at 9:30 am|date_header",
      "19.05.2025|date_header",
      "von Annette Henkel|byline",
      "Par Jean Dupont et Marie Curie|byline",
      "War der Artikel nützlich? (95 Stimmen: 4,73 von 5) Loading...|rating",
      "Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit berlin von Simon.|tags",
      "À lire aussi » Quel est votre profil digestif ?|related",
      "segunda-feira, 22 de janeiro de 2018 às 0:13|date_header",
      "Tags stock car 2018, stock car brasil, stock car interlagos|tags",
      "1,284 views|counter",
      "12.500|counter",
      "Copyright 2025 Daily Buzz. All rights reserved.|copyright",
      "Related Posts|related",
      "You may also like|related",
      "Next Post|navigation",
      "Meist Gelesen|related",
      "Mit Freunden teilen|share",
      "'2021-10-16 | Botschaft'|date_header",
      "24. März 2004, 19:49 · News|date_header",
      "Permalien https://p.example/p/RPYx|navigation",
      "PUEDES VER: ¿Qué es la Sunedu y para qué sirve?|related",
      "Czytaj też: Wyścig zbrojeń ruszył z kopyta|related",
      "MARKIERT MIT|tags",
      "Kommentarfeed|rss_stub",
      "Merken|share",
      "Gefällt mir Wird geladen...|share",
      "Kontakt:|contact",
      "3:59 PM|date_header",
      "Stand: 05. Februar 2020|date_header",
      "Crédits photos : Bestimage|caption_credit",
      "(Credit: Clayton Aldern / Grist)|caption_credit",
      "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO|caption_credit",
      "Rezept drucken|share",
      "Quellenangaben:|source_stub",
      "Explore further|source_stub",
      "Kommentar hinzufügen|comment_form",
      "Abbildung 4: Querschnitt durch die Schneedecke.|caption_credit",
      "AFP / MARCO BERTORELLO|caption_credit",
      "Die Brücke im Überblick. (Foto: Stadtarchiv)|caption_credit",
      "Schon gelesen?|related",
      "Zobacz także|related",
      "Articles les plus lus|related",
      "Lea también: Cierran la frontera norte por tercer día|related",
      "4 Min Read|counter",
      "Lesezeit: ca. 6 Minuten|counter",
      "Inhaltsverzeichnis|navigation",
      "Anzeige, enthält Affiliate Links|advert",
      "*Werbung. Dieser Beitrag enthält Werbung für eine Schuhmarke.|advert",
      "This post contains affiliate links, which means we may earn a commission.|advert",
      "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.|navigation",
      "NewsFlash Hub – the number one source for world headlines|site_tagline"})
  void residueLine_classified(String line, String reason) {
    assertThat(Residue.classify(line)).contains(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "The source of the leak was a cracked pipe under the main road, engineers said on Monday.",
      "Comments from residents were mixed, with many welcoming the decision.",
      "She shared the photo with reporters after the hearing.",
      "By the time the first rescue team reached Alto Rey on Sunday afternoon, villagers had dug out two neighbours.",
      "The vote is due on April 2, 2025, officials said.",
      "Tags were attached to the birds, and researchers followed them south, west and back.",
      "Von Berlin aus fährt der Zug jede Stunde nach Hamburg.",
      "Werbung ist für viele kleine Verlage die wichtigste Einnahmequelle geworden.",
      "Anzeigen gegen Unbekannt wurden am Montag erstattet, sagte die Polizei.",
      "Weitere Informationen zur Baustelle gibt die Stadt am Freitag bekannt.",
      "Die Zahlen stammen aus dem Jahresbericht (Quelle: Statistisches Landesamt).",
      "AP reporters visited the site on Monday / Tuesday.",
      "Kontakt zu den Behörden gab es bis Montag nicht, sagte ein Sprecher.",
      "Stand der Dinge ist, dass der Rat im Juni entscheidet.",
      "Mira Lobe schrieb das Buch 1951: Es wurde ein Klassiker.",
      "'2021-10-16 | Die Stadt hat am Montag beschlossen, die Brücke zu schließen'"})
  void bodySentence_notResidue(String line) {
    assertThat(Residue.classify(line)).isEmpty();
  }

  @Test
  void dottedDateHeader_isReadDayFirst() {
    assertThat(Dates.find("19.05.2025")).contains("2025-05-19");
    assertThat(Dates.find("2.4.2025")).contains("2025-04-02");
    assertThat(Dates.find("31.02.2025")).isEmpty();
  }

  @Test
  void creditedName_takesTheOutletAfterASlash() {
    assertThat(Residue.creditedName("Photo: Karl Aamodt/Northwind Press")).contains("Northwind Press");
    assertThat(Residue.creditedName("Source: Meridian Wire")).contains("Meridian Wire");
    assertThat(Residue.creditedName("Tweet")).isEmpty();
    // a caption ending in its credit, in parentheses or wire style
    assertThat(Residue.creditedName("Dockworkers outside the port on Tuesday (Photo: Karl Aamodt/Northwind Press)"))
        .contains("Northwind Press");
    assertThat(Residue.creditedName("President Varga waves to supporters on April 2, 2025. REUTERS/Karl Aamodt")).contains("Reuters");
    assertThat(Residue.creditedName("Talks resumed in Halvern (and in Brenholm)")).isEmpty();
  }

  @Test
  void datelineSplitOverLines_isJoined_andNamesTheOutlet() {
    String page = String.join("\n", "Harbour talks resume after a year", "Beijing", "CNN", "—",
        "Negotiators from both ports met again on Tuesday to settle the fishing quota, officials said.",
        "A second round is planned for June.");
    TextPageExtractor.Page p = x.extract(page, null);
    assertThat(p.dateline()).isEqualTo("Beijing (CNN) —");
    assertThat(p.credits()).contains("CNN");
    assertThat(p.text()).startsWith("Beijing (CNN) — Negotiators from both ports").contains("A second round");
    // the dash may open the paragraph instead of standing alone
    TextPageExtractor.Page q = x.extract(String.join("\n", "Harbour talks resume after a year", "Hong Kong", "(Reuters)",
        "— Negotiators met again on Tuesday.", "More talks follow."), null);
    assertThat(q.dateline()).isEqualTo("Hong Kong (Reuters) —");
    // two short capitalized lines without a dash are left alone
    TextPageExtractor.Page r = x.extract(String.join("\n", "Harbour talks resume after a year", "Beijing", "Officials",
        "Negotiators met again on Tuesday.", "More talks follow."), null);
    assertThat(r.dateline()).isNull();
    assertThat(r.text()).startsWith("Beijing");
  }

  @Test
  void dateline_forms() {
    assertThat(Dateline.find("SANTA IRENE, Caldera (Northwind Press) — A quake struck.")).hasValueSatisfying(d -> {
      assertThat(d.text()).isEqualTo("SANTA IRENE, Caldera (Northwind Press) —");
      assertThat(d.credit()).isEqualTo("Northwind Press");
    });
    assertThat(Dateline.find("Beijing (CNN) - Officials said")).hasValueSatisfying(d -> assertThat(d.credit()).isEqualTo("CNN"));
    assertThat(Dateline.find("TAIPEI, Taiwan — The island's")).hasValueSatisfying(d -> assertThat(d.credit()).isNull());
    assertThat(Dateline.find("Residents - and visitors - were told")).isEmpty();
  }

  @Test
  void aSiteNameLineOverTheHeadlineIsATaglineNotTheTitle() {
    TextPageExtractor.Page p = x.extract("""
        Global News Daily - your window on the world
        Mayor goes back to Teranova as water pact meets first dry summer
        Posted on April 15, 2026

        The mayor of Lindqvist went back to Teranova on Tuesday to examine the new pumping plant.
        """, null);
    assertThat(p.title()).isEqualTo("Mayor goes back to Teranova as water pact meets first dry summer");
    assertThat(p.removed()).extracting(io.wiretrace.model.Removed::reason).contains("site_tagline");
    assertThat(p.text()).startsWith("The mayor of Lindqvist");
  }

  @Test
  void aHeadlineWithADashIsStillTheTitleWhenNoSecondHeadlineFollows() {
    TextPageExtractor.Page p = x.extract("""
        Storm hits coast - thousands without power
        The storm reached the coast overnight and cut power to thousands of homes, officials said.
        """, null);
    assertThat(p.title()).isEqualTo("Storm hits coast - thousands without power");
  }

  @Test
  void oneSentenceArticleWhoseTitleIsItsText_keepsTheText() {
    String sentence = "Police arrested a man in Brenholm on Tuesday after a shooting outside the town hall.";
    TextPageExtractor.Page p = x.extract(sentence, sentence);
    assertThat(p.title()).isEqualTo(sentence);
    assertThat(p.text()).isEqualTo(sentence);
    assertThat(p.removed()).isEmpty();
    // with a body, the title line printed over it is still the headline, not text
    TextPageExtractor.Page q = x.extract(sentence + "\n" + BODY2, sentence);
    assertThat(q.text()).isEqualTo(BODY2);
  }

  @Test
  void barePhotoCreditLine_isResidue_andItsAgencyACredit() {
    TextPageExtractor.Page p = x.extract(String.join("\n", "Dockworkers walk out at Port of Halvern",
        "Susan Walsh/Pool Photo via AP", BODY1, "Evan Vucci / Reuters", BODY2), null);
    assertThat(p.text()).isEqualTo(BODY1 + "\n\n" + BODY2);
    assertThat(p.removed()).extracting(Removed::reason).containsExactly("caption_credit", "caption_credit");
    assertThat(p.credits()).containsExactly("Northwind Press", "AP", "Reuters"); // the dateline of BODY1 first
  }

  @Test
  void stubGluedToTheLastSentence_isCut() {
    TextPageExtractor.Page p = x.extract("Dockworkers walk out at Port of Halvern\n" + BODY1 + "\n" + BODY2 + "RSS", null);
    assertThat(p.text()).isEqualTo(BODY1 + "\n\n" + BODY2);
    assertThat(p.removed()).extracting(Removed::text).containsExactly("RSS");
    // a sentence that merely ends in such a word keeps it
    TextPageExtractor.Page q = x.extract("Dockworkers walk out at Port of Halvern\n" + BODY1 + "\nThe union will share", null);
    assertThat(q.text()).endsWith("The union will share");
  }
}
