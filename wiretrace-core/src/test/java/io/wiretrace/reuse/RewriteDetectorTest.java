package io.wiretrace.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Rewrite;
import io.wiretrace.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RewriteDetectorTest {
  private final RewriteDetector d = new RewriteDetector();

  @Test
  void spunText_isJudgedSpun_fromItsOddSynonymChoices() {
    Rewrite r = d.assess(Fixtures.floodSpun());
    assertThat(r.kind()).isEqualTo("spun");
    assertThat(r.signals().get("odd_synonym_share")).isGreaterThanOrEqualTo(RewriteDetector.SPUN_SHARE);
  }

  @Test
  void wireText_isJudgedOriginal() {
    Rewrite r = d.assess(Fixtures.flood());
    assertThat(r.kind()).isEqualTo("original");
    assertThat(r.signals().get("odd_synonym_share")).isLessThan(RewriteDetector.SPUN_SHARE);
    assertThat(r.score()).isBetween(0.5, 1.0);
  }

  @Test
  void shortOrForeignText_isUnknown() {
    assertThat(d.assess("Short note about nothing in particular.").kind()).isEqualTo("unknown");
    assertThat(d.assess("Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke ab Juni für Autos zu sperren, "
        + "nachdem Ingenieure Risse in zwei Pfeilern gefunden hatten. Radfahrer und Fußgänger dürfen weiter queren.").kind())
        .isEqualTo("unknown");
  }
}
