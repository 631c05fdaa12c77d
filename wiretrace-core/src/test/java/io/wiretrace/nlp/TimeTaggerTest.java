package io.wiretrace.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Timex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeTaggerTest {
  private static final LocalDate FRIDAY = LocalDate.of(2023, 6, 16);
  private final TimeTagger tagger = new TimeTagger();

  private String only(String text, LocalDate ref) {
    List<Timex> t = tagger.tag(text, ref);
    assertThat(t).as("timexes in %s", text).hasSize(1);
    return t.get(0).value();
  }

  @Test
  void weekdayResolvesForwardInTheFutureAndBackwardInThePast() {
    assertThat(only("The summit will open on Sunday in Halvern.", FRIDAY)).isEqualTo("2023-06-18");
    assertThat(only("The minister arrived on Sunday, aides said.", FRIDAY)).isEqualTo("2023-06-11");
    assertThat(only("Officials met on Friday.", FRIDAY)).isEqualTo("2023-06-16");
    assertThat(only("They met last Monday.", FRIDAY)).isEqualTo("2023-06-12");
    assertThat(only("They meet next Monday.", FRIDAY)).isEqualTo("2023-06-19");
  }

  @Test
  void weekdayExtentLeavesOutThePreposition() {
    Timex t = tagger.tag("Officials met on Friday.", FRIDAY).get(0);
    assertThat(t.text()).isEqualTo("Friday");
    assertThat(t.span().start()).isEqualTo(17);
  }

  @Test
  void relativeExpressionsAgainstThePublishDate() {
    assertThat(only("Prices rose last year.", FRIDAY)).isEqualTo("2022");
    assertThat(only("The plant closed in February.", FRIDAY)).isEqualTo("2023-02");
    assertThat(only("The plant will reopen in February.", FRIDAY)).isEqualTo("2024-02");
    assertThat(only("The law passed earlier this month.", FRIDAY)).isEqualTo("2023-06");
    assertThat(only("The bridge collapsed two years ago.", FRIDAY)).isEqualTo("2021");
    assertThat(only("Sales fell last week.", FRIDAY)).isEqualTo("2023-W23");
    assertThat(only("It happened yesterday.", FRIDAY)).isEqualTo("2023-06-15");
    assertThat(only("It rained last summer.", FRIDAY)).isEqualTo("2022-SU");
    assertThat(only("Voting ends tonight.", FRIDAY)).isEqualTo("2023-06-16TNI");
    LocalDate wednesday = LocalDate.of(2016, 9, 7);
    assertThat(only("The championship ran this weekend in Toronto.", wednesday)).isEqualTo("2016-W35-WE");
    assertThat(only("The final will be played this weekend.", wednesday)).isEqualTo("2016-W36-WE");
    assertThat(only("Back in the sixties, he painted soup cans.", FRIDAY)).isEqualTo("196");
  }

  @Test
  void absoluteDatesIgnoreTheReference() {
    assertThat(only("The treaty was signed on March 22, 2013.", FRIDAY)).isEqualTo("2013-03-22");
    assertThat(only("The treaty was signed on 22 March 2013.", FRIDAY)).isEqualTo("2013-03-22");
    assertThat(only("Filed 2019-11-05 in court.", FRIDAY)).isEqualTo("2019-11-05");
    assertThat(only("It opened in May 2010.", FRIDAY)).isEqualTo("2010-05");
    assertThat(only("Built in the 1990s.", FRIDAY)).isEqualTo("199");
  }

  @Test
  void monthDayWithoutYearTakesTheNearestYear() {
    assertThat(only("The vote was held on June 2.", FRIDAY)).isEqualTo("2023-06-02");
    assertThat(only("The vote was held on Dec. 2.", FRIDAY)).isEqualTo("2022-12-02");
    assertThat(only("The vote will be held on Dec. 2.", FRIDAY)).isEqualTo("2023-12-02");
  }

  @Test
  void durationsSetsAndTimes() {
    assertThat(only("The strike lasted three weeks.", FRIDAY)).isEqualTo("P3W");
    assertThat(only("a four-week trial", FRIDAY)).isEqualTo("P4W");
    assertThat(only("in recent weeks", FRIDAY)).isEqualTo("PXW");
    assertThat(only("The council meets every week.", FRIDAY)).isEqualTo("P1W");
    assertThat(only("The polls close at 8 p.m. Sunday and results follow.", FRIDAY)).startsWith("2023-06-");
    assertThat(only("at 15:00 GMT", FRIDAY)).isEqualTo("2023-06-16T15:00");
  }

  @Test
  void notTimexes() {
    assertThat(tagger.tag("He may resign. Prices rose 5% a year. The 1988 second round.", FRIDAY))
        .extracting(Timex::value).containsExactly("1988");
    assertThat(tagger.tag("There were 2,019 votes and 1500 troops.", FRIDAY)).isEmpty();
  }

  @Test
  void withoutAReferenceRelativeValuesStayOpen() {
    assertThat(only("They met on Tuesday.", null)).isEqualTo("XXXX-WXX-2");
    assertThat(only("Prices rose last year.", null)).isEqualTo("XXXX");
    assertThat(only("on March 22, 2013", null)).isEqualTo("2013-03-22");
  }
}
