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
}
