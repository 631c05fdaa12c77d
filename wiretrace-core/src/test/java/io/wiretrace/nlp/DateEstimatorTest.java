package io.wiretrace.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Estimate;
import org.junit.jupiter.api.Test;

class DateEstimatorTest {
  private final DateEstimator dates = new DateEstimator();

  @Test
  void aNamedDay_isTheEstimate_withTheExpressionAsPrinted() {
    Estimate e = dates.estimate("Varga signs water pact",
        "Mayor Ilse Varga visited Teranova on Wednesday, April 2, 2025, and signed a water agreement.");
    assertThat(e.from()).isEqualTo("2025-04-02");
    assertThat(e.to()).isEqualTo("2025-04-02");
    assertThat(e.basis()).singleElement().asString().contains("April 2, 2025");
  }

  @Test
  void theEstimateSpansTheEarliestToTheLatestDayNamed() {
    Estimate e = dates.estimate(null, "The council met on 3 March 2025 to review the dam.\n\n"
        + "The reservoir last flooded on June 5, 2019, and an inquiry reported on 2019-11-20.");
    assertThat(e.from()).isEqualTo("2019-06-05");
    assertThat(e.to()).isEqualTo("2025-03-03");
    assertThat(e.basis()).hasSize(2);
  }

  @Test
  void aDayInAFutureClause_doesNotCount() {
    Estimate e = dates.estimate(null,
        "The treasurer was arrested on March 3, 2026. He will be sentenced on September 14, 2026, the court said.");
    assertThat(e.to()).isEqualTo("2026-03-03");
  }

  @Test
  void aYearOrAMonthAlone_orARelativeDay_isNoEstimate() {
    assertThat(dates.estimate("Talks resume", "The plant has run since 2004 and closed in June. On Tuesday it reopened.")).isNull();
    assertThat(dates.estimate(null, "No dates here at all.")).isNull();
  }

  @Test
  void onlyTheHeadlineAndLeadCount_daysFurtherDownAreBackground() {
    String lead = "Two leaders of the community were arrested on Wednesday and charged with polygamy. ";
    String body = "The investigation began years ago. ".repeat(20) + "A first inquiry closed on May 1, 2005.";
    assertThat(lead.length() + body.length()).isGreaterThan(DateEstimator.LEAD_CHARS);
    assertThat(dates.estimate("Polygamy arrests made", lead + body)).isNull();
    assertThat(dates.estimate("Polygamy arrests made", lead + "A first inquiry closed on May 1, 2005.").to()).isEqualTo("2005-05-01");
  }

  @Test
  void aDayInTheTitleCounts() {
    assertThat(dates.estimate("Polygamist leader charged again July 23, 2008", "The charges were read in court.").from())
        .isEqualTo("2008-07-23");
  }
}
