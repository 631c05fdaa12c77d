package io.wiretrace.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

class DateFinderTest {
  private static DateFinder.Candidate best(String html, String url) {
    Document doc = Jsoup.parse(html);
    return DateFinder.best(DateFinder.candidates(doc, url, html, List.of(), List.of(), List.of())).orElse(null);
  }

  @Test
  void metaBeatsVisibleText_andEveryCandidateKeepsItsSource() {
    String html = "<html><head><meta property='article:published_time' content='2024-02-01T10:00:00+01:00'></head>"
        + "<body><span class='date'>3 March 2024</span><p>Text</p></body></html>";
    Document doc = Jsoup.parse(html);
    List<DateFinder.Candidate> all = DateFinder.candidates(doc, null, html, List.of(), List.of(), List.of());
    assertThat(all).extracting(DateFinder.Candidate::source).contains("meta article:published_time", "class date");
    assertThat(DateFinder.best(all)).get().extracting(DateFinder.Candidate::value).isEqualTo("2024-02-01T10:00:00+01:00");
  }

  @Test
  void visibleDates_inSeveralLanguagesAndNumericForms() {
    assertThat(best("<html lang='de'><body><div class='datum'>Donnerstag, 15.2.2018, 19:51</div></body></html>", null).value()).isEqualTo("2018-02-15");
    assertThat(best("<html lang='pt'><body><p class='tagline'>22/11/2020 - 04:30</p><span class='date'>22/11/2020</span></body></html>", null).value()).isEqualTo("2020-11-22");
    assertThat(best("<html lang='fr'><body><span class='date'>le 7 juin 2020</span></body></html>", null).value()).isEqualTo("2020-06-07");
    assertThat(best("<html lang='es'><body><span class='fecha'>7 de junio de 2020</span></body></html>", null).value()).isEqualTo("2020-06-07");
    assertThat(best("<html lang='en'><body><span class='post-date'>06/07/2020</span></body></html>", null).value()).isEqualTo("2020-06-07");
  }

  @Test
  void updatedDates_areNotPublicationDates() {
    String html = "<html><body><span class='updated-date'>Updated 9 May 2024</span><span class='published'>2 May 2024</span></body></html>";
    assertThat(best(html, null).value()).isEqualTo("2024-05-02");
  }

  @Test
  void urlPathDate_overridesARewrittenStructuredDate() {
    String html = "<html><head><script type='application/ld+json'>{}</script>"
        + "<meta property='article:published_time' content='2019-06-17T18:28:00+02:00'></head><body></body></html>";
    DateFinder.Candidate c = best(html, "https://example.org/home/2017/7/12/unter-uns");
    assertThat(c.value()).isEqualTo("2017-07-12");
    assertThat(c.source()).isEqualTo("url path");
  }

  @Test
  void inlineScriptKeys_publishedDate() {
    assertThat(best("<html><body><script type='application/json'>{\"publishedDate\":\"2016-11-04T20:37:27Z\",\"updatedDate\":\"2017-01-02T00:00:00Z\"}</script></body></html>", null).value())
        .startsWith("2016-11-04");
  }

  @Test
  void inlineScriptKeys_andRdf_areRead() {
    assertThat(best("<html><body><script>var x = {\"articlePublishTime\":\"2020-03-16T13:07:32+0000\"};</script></body></html>", null).value())
        .startsWith("2020-03-16");
    assertThat(best("<html><body><!-- <rdf:Description dc:date=\"2020-07-03T17:16:22+09:00\" /> --></body></html>", null).value())
        .startsWith("2020-07-03");
  }

  @Test
  void copyrightYearsAndScriptExpiryStrings_areNotDates() {
    String html = "<html><body><script>document.cookie='a=b; expires=Thu, 01 Jan 2099 00:00:00 GMT';</script>"
        + "<footer class='meta'>© 2019 Example</footer></body></html>";
    assertThat(best(html, null)).isNull();
  }

  @Test
  void lastResort_mostFrequentDateInText() {
    String html = "<html><body><p>Meeting on 12.05.2021.</p><p>Minutes of 12.05.2021 approved.</p><p>Next: 19.05.2021</p></body></html>";
    DateFinder.Candidate c = best(html, null);
    assertThat(c.value()).isEqualTo("2021-05-12");
    assertThat(c.tier()).isEqualTo("text");
  }

  @Test
  void rdfaProperty_isStructuredEvidence() {
    DateFinder.Candidate c = best("<html><body><span property='schema:dateCreated' content='2022-01-28T12:45:46+00:00'></span>"
        + "<p>Seen on 3 March 2021.</p></body></html>", null);
    assertThat(c.value()).startsWith("2022-01-28");
    assertThat(c.source()).isEqualTo("rdfa schema:dateCreated");
  }

  @Test
  void relativeTimeShown_timestampInTheTitle() {
    assertThat(best("<html lang='ro'><body><div class='news-time-ago' title='2020-09-20T14:20:02Z'>Acum 2 ore</div></body></html>", null).value())
        .startsWith("2020-09-20");
  }

  @Test
  void compoundClassNames_endingInDate() {
    assertThat(best("<html lang='de'><body><span class='fbdatum'>06.10.2017 11:15</span></body></html>", null).value())
        .isEqualTo("2017-10-06");
    assertThat(best("<html><body><span class='itemPostDate'>am 25.08.2015 22:30</span></body></html>", null).value())
        .isEqualTo("2015-08-25");
  }

  @Test
  void dayFirstDateInTheUrlPath() {
    assertThat(best("<html><body><p>Text</p></body></html>", "https://weisser-ring.de/media-news/meldungen/29-10-2021").value())
        .isEqualTo("2021-10-29");
  }

  @Test
  void labelledDateInText_beatsOtherDatesInTheText() {
    String html = "<html lang='de'><body><p>Gegründet am 12.03.1999 in Berlin.</p><p>Letzte Änderung: 31.10.2023 - 14:49:39<br>"
        + "Erschienen am: 01.11.2023<br>Lesungen: 61</p><p>Termine: 05.12.2023, 05.12.2023</p></body></html>";
    DateFinder.Candidate c = best(html, null);
    assertThat(c.value()).isEqualTo("2023-11-01");
    assertThat(c.source()).isEqualTo("labelled date in text");
  }

  @Test
  void withNoOtherEvidence_theDateNextToTheHeadline_beatsTheMostFrequentOne() {
    String html = "<html lang='de'><body><h1>MIDP-Emulator und Brick Challenge</h1><small>Donnerstag, 15.2.2018, 19:51</small>"
        + "<p>Alte Beiträge: 23.04.2014, 23.04.2014, 23.04.2014.</p></body></html>";
    DateFinder.Candidate c = best(html, null);
    assertThat(c.value()).isEqualTo("2018-02-15");
    assertThat(c.source()).isEqualTo("date next to the headline");
  }

  @Test
  void urlPathDate_aDayAway_overridesOnlyWhereATimeZoneCanExplainIt() {
    String early = "<html><head><meta property='article:published_time' content='2023-11-09T03:28:35Z'></head><body></body></html>";
    assertThat(best(early, "https://example.com/2023/11/08/gop-debate/").value()).isEqualTo("2023-11-08");
    String midday = "<html><head><meta property='article:published_time' content='2020-07-09T10:04:04Z'></head><body></body></html>";
    assertThat(best(midday, "https://example.com/politics/2020/07/08/story.html").value()).startsWith("2020-07-09");
    String local = "<html><head><meta property='article:published_time' content='2020-02-19T18:37:32+01:00'></head><body></body></html>";
    assertThat(best(local, "https://example.es/2020/02/18/ciencia/1.html").value()).startsWith("2020-02-19");
  }

  @Test
  void urlWithSlashes_dayMustEndItsSegment() {
    assertThat(Dates.fromUrl("https://blog.example.de/2023/10/3-fragen-an-tina/")).isEmpty();
    assertThat(Dates.fromUrl("https://blog.example.de/2023/10/3/fragen/")).contains("2023-10-03");
    assertThat(Dates.fromUrl("https://example.com/news/2020-03-16-title")).contains("2020-03-16");
  }

  @Test
  void shownDate_thatIsTheUpdate_beatsTheStructuredPublicationDate() {
    String html = "<html><head><meta property='article:published_time' content='2019-06-17T00:00:00Z'>"
        + "<meta property='article:modified_time' content='2020-06-04T16:41:46Z'></head>"
        + "<body><p class='post-date-and-author'>June 4, 2020</p></body></html>";
    assertThat(best(html, null).value()).isEqualTo("2020-06-04");
    // the same shown day without the modification date behind it stays below the structured date
    String alone = html.replace("<meta property='article:modified_time' content='2020-06-04T16:41:46Z'>", "");
    assertThat(best(alone, null).value()).startsWith("2019-06-17");
  }

  @Test
  void shownDate_acrossMidnightFromAUtcTimestamp_unlessALocalTimeConfirmsTheTimestamp() {
    String html = "<html><head><meta property='article:published_time' content='2021-11-04T23:00:00Z'></head>"
        + "<body><div class='intro-date'>05.11.2021</div></body></html>";
    assertThat(best(html.replace("<html>", "<html lang='de'>"), null).value()).isEqualTo("2021-11-05");
    String confirmed = html.replace("<body>", "<body><time datetime='2021-11-04T22:00:00-01:00'>4 Nov</time>");
    assertThat(best(confirmed.replace("<html>", "<html lang='de'>"), null).value()).startsWith("2021-11-04");
  }

  @Test
  void shownDate_beatsOneOfSeveralTimeElements_butTodayWidgetsAndTeaserListsDoNot() {
    String comments = "<html lang='de'><body><time datetime='2018-03-12T19:30:12Z'>x</time><time datetime='2018-03-19T18:33:27Z'>y</time>"
        + "<span class='PublishDate_date'>29.01.2019</span></body></html>";
    assertThat(best(comments, null).value()).isEqualTo("2019-01-29");
    String widget = "<html lang='de'><body><time datetime='2018-03-12T19:30:12Z'>x</time><time datetime='2018-03-19T18:33:27Z'>y</time>"
        + "<span class='header-date'>29.01.2019</span></body></html>";
    assertThat(best(widget, null).value()).startsWith("2018-03-12");
    String teasers = comments.replace("</body>", "<span class='teaser-date'>01.02.2019</span></body>");
    assertThat(best(teasers, null).value()).startsWith("2018-03-12");
  }

  @Test
  void russianAndUkrainianMonths_andDayFirstEnglish() {
    assertThat(best("<html lang='ru'><body><p class='date'>15 августа 2016, 13:43</p></body></html>", null).value()).isEqualTo("2016-08-15");
    assertThat(best("<html lang='uk'><body><p class='date'>3 березня 2021</p></body></html>", null).value()).isEqualTo("2021-03-03");
    assertThat(best("<html lang='en-GB'><body><span class='timestamp'>02/11/2023</span></body></html>", null).value()).isEqualTo("2023-11-02");
    assertThat(best("<html lang='en'><body><span class='timestamp'>02/11/2023</span></body></html>", "https://www.example.co.uk/news").value()).isEqualTo("2023-11-02");
    assertThat(best("<html lang='en'><body><span class='timestamp'>02/11/2023</span></body></html>", "https://www.example.com/en-gb/news/a").value()).isEqualTo("2023-11-02");
    assertThat(best("<html lang='en'><body><span class='timestamp'>02/11/2023</span></body></html>", "https://www.example.com/news").value()).isEqualTo("2023-02-11");
  }

  @Test
  void creationKeyInInlineData_onlyWhenNothingElseDatesThePage() {
    String app = "<html><body><script>window.data={\"rating\":47.7,\"created_at\":\"2013-02-16T04:36:36-05:00\"}</script></body></html>";
    DateFinder.Candidate c = best(app, null);
    assertThat(c.value()).startsWith("2013-02-16");
    assertThat(c.source()).isEqualTo("inline creation key");
    assertThat(best(app.replace("<body>", "<body><span class='date'>1 May 2014</span>"), null).value()).isEqualTo("2014-05-01");
  }

  @Test
  void aSingleDateOnlyInTheMarkup_isTheLastResort_butNotOneOfSeveral() {
    String html = "<html><body><p>Annual report</p><img src='/files/2016/05/04/report.png'>"
        + "<a href='/files/2016/05/04/report.pdf'>PDF</a></body></html>";
    DateFinder.Candidate c = best(html, null);
    assertThat(c.value()).isEqualTo("2016-05-04");
    assertThat(c.source()).isEqualTo("the only date in the page source");
    // several days in the source: no guess
    assertThat(best(html.replace("</body>", "<a href='/news/2015-01-02-old'>older</a></body>"), null)).isNull();
    // any date the text shows comes first
    assertThat(best(html.replace("Annual report", "Annual report, 3 March 2016"), null).value()).isEqualTo("2016-03-03");
  }

}
