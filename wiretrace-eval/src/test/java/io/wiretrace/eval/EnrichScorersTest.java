package io.wiretrace.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers and scorers behind eval time / entities / quotes, on project-written fixtures. */
class EnrichScorersTest {
  @Test
  void labelSchemesAllDecodeToTheSameMentions() {
    // IOB1 (wikigold), BIO (BTC, WNUT-17), BIOES (WorldWide): "Antony Blinken visited Paris ."
    List<NerCorpora.Mention> iob1 = NerCorpora.spans(List.of("I-PER", "I-PER", "O", "I-LOC", "O"));
    List<NerCorpora.Mention> bio = NerCorpora.spans(List.of("B-person", "I-person", "O", "B-location", "O"));
    List<NerCorpora.Mention> bioes = NerCorpora.spans(List.of("B-Person", "E-Person", "O", "S-Location", "O"));
    List<NerCorpora.Mention> expected = List.of(new NerCorpora.Mention("person", 0, 2), new NerCorpora.Mention("location", 3, 4));
    assertThat(iob1).isEqualTo(expected);
    assertThat(bio).isEqualTo(expected);
    assertThat(bioes).isEqualTo(expected);
    // two adjacent names of one type in BIO stay two; unknown labels (NORP, Date) are not mentions
    assertThat(NerCorpora.spans(List.of("B-PER", "B-PER", "B-NORP", "B-Date")))
        .containsExactly(new NerCorpora.Mention("person", 0, 1), new NerCorpora.Mention("person", 1, 2));
  }

  @Test
  void timemlParsesTextAndGoldOffsets(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("doc.tml");
    Files.writeString(f, """
        <?xml version="1.0" ?><TimeML><DOCID>x</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
        <TEXT>The vote was held <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> after <EVENT eid="e1">talks</EVENT> lasting <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.</TEXT></TimeML>
        """);
    TimeEval.Doc d = TimeEval.parse(f);
    assertThat(d.dct()).isEqualTo(LocalDate.of(2013, 3, 22));
    assertThat(d.timexes()).hasSize(2);
    TimeEval.Gold friday = d.timexes().get(0);
    assertThat(d.text().substring(friday.start(), friday.end())).isEqualTo("Friday");
    assertThat(d.timexes().get(1).value()).isEqualTo("P2W");
    TimeEval.Score s = TimeEval.score(List.of(d), new io.wiretrace.nlp.TimeTagger(), null);
    assertThat(s.gold()).isEqualTo(2);
    assertThat(s.value()).isEqualTo(2);
    assertThat(s.f1(s.value())).isEqualTo(1.0);
  }

  @Test
  void timexValuesBecomeCalendarIntervals() {
    assertThat(TimeEval.interval("2017-07-18")).containsExactly(LocalDate.of(2017, 7, 18), LocalDate.of(2017, 7, 18));
    assertThat(TimeEval.interval("2017-W28")).containsExactly(LocalDate.of(2017, 7, 10), LocalDate.of(2017, 7, 16));
    assertThat(TimeEval.interval("2015-W38-WE")).containsExactly(LocalDate.of(2015, 9, 19), LocalDate.of(2015, 9, 20));
    assertThat(TimeEval.interval("2014-02")).containsExactly(LocalDate.of(2014, 2, 1), LocalDate.of(2014, 2, 28));
    assertThat(TimeEval.interval("199")).containsExactly(LocalDate.of(1990, 1, 1), LocalDate.of(1999, 12, 31));
    assertThat(TimeEval.interval("16")).containsExactly(LocalDate.of(1600, 1, 1), LocalDate.of(1699, 12, 31));
    assertThat(TimeEval.interval("PXY")).containsExactly(null, null);
  }

  @Test
  void bratAttributionsWithDiscontinuousSpans(@TempDir Path split) throws Exception {
    Files.createDirectories(split.resolve("text"));
    Files.createDirectories(split.resolve("attributions"));
    String text = "“We will win,” Smith said. Jones said taxes would rise.";
    Files.writeString(split.resolve("text/a.txt"), text);
    Files.writeString(split.resolve("attributions/a_0001.ann"), String.join("\n",
        "T1\tContent 1 13\tWe will win,",
        "T2\tSource 15 20\tSmith",
        "T3\tCue 21 25\tsaid",
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        "T4\tContent 38 43;44 54\ttaxes would rise",
        "T5\tSource 27 32\tJones",
        "E2\tAttribution:T5 Content:T4 Source:T5", ""));
    List<QuoteEval.Doc> docs = QuoteEval.load(split);
    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.gold()).hasSize(2);
      assertThat(d.gold().get(1).content()).isEqualTo(new QuoteEval.Span(38, 54));
      assertThat(QuoteEval.direct(d.gold().get(0))).isFalse(); // content without its marks
    });
    QuoteEval.Score s = QuoteEval.score(docs, null, new io.wiretrace.nlp.QuoteExtractor(), null);
    assertThat(s.ours()).isEqualTo(0); // "We will win," has 3 words: not counted among 4+-word quotes
  }
}
