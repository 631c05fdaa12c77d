package io.wiretrace.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShingleMatchTest {
  @Test
  void identicalTexts_exactMatch_punctuationAndSpacingIgnored() {
    ShingleMatch.Counts c = ShingleMatch.compare("One two three four five.", "One  two, three four\nfive");
    assertThat(c).isEqualTo(new ShingleMatch.Counts(2, 0, 0));
    assertThat(c.exact()).isTrue();
  }

  @Test
  void extraBoilerplate_costsPrecisionOnly() {
    ShingleMatch.Counts c = ShingleMatch.compare("a b c d e", "a b c d e share this on facebook");
    assertThat(c.tp()).isEqualTo(2);
    assertThat(c.fn()).isZero();
    assertThat(c.fp()).isEqualTo(4);
    assertThat(c.recall()).isEqualTo(1.0);
    assertThat(c.precision()).isCloseTo(2.0 / 6, within(1e-12));
  }

  @Test
  void repeatedShingles_countedAsMultiset() {
    ShingleMatch.Counts c = ShingleMatch.compare("a b c d a b c d", "a b c d");
    assertThat(c).isEqualTo(new ShingleMatch.Counts(1, 0, 4));
  }

  @Test
  void shortTexts_formOneShingle_emptyPredictionScoresZero() {
    assertThat(ShingleMatch.compare("a b", "a b")).isEqualTo(new ShingleMatch.Counts(1, 0, 0));
    ShingleMatch.Counts empty = ShingleMatch.compare("a b c d e", "");
    assertThat(empty.precision()).isZero();
    assertThat(empty.recall()).isZero();
  }

  @Test
  void summary_averagesPerPage_thenF1OfAverages() {
    ShingleMatch.Summary s = ShingleMatch.summarize(List.of(new ShingleMatch.Counts(2, 0, 0), new ShingleMatch.Counts(1, 1, 3)));
    assertThat(s.precision()).isCloseTo((1 + 0.5) / 2, within(1e-12));
    assertThat(s.recall()).isCloseTo((1 + 0.25) / 2, within(1e-12));
    assertThat(s.f1()).isCloseTo(2 * 0.75 * 0.625 / (0.75 + 0.625), within(1e-12));
    assertThat(s.accuracy()).isEqualTo(0.5);
  }
}
