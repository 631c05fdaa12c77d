package io.wiretrace.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlagDetTest {
  private static PlagDet.Range r(int a, int b, int c, int d) {
    return new PlagDet.Range("p", a, b, c, d);
  }

  @Test
  void exactDetection_scoresOne() {
    PlagDet.Scores s = PlagDet.score(List.of(r(0, 100, 50, 150)), List.of(r(0, 100, 50, 150)));
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.granularity()).isEqualTo(1.0);
    assertThat(s.plagdet()).isEqualTo(1.0);
  }

  @Test
  void splitDetection_fullRecall_granularityTwo() {
    PlagDet.Scores s = PlagDet.score(List.of(r(0, 100, 0, 100)), List.of(r(0, 50, 0, 50), r(50, 100, 50, 100)));
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.granularity()).isEqualTo(2.0);
    assertThat(s.plagdet()).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-12));
  }

  @Test
  void detectionMustOverlapInBothDocuments() {
    // right place in the suspicious document, wrong place in the source: detects nothing
    PlagDet.Scores s = PlagDet.score(List.of(r(0, 100, 500, 600)), List.of(r(0, 100, 0, 100)));
    assertThat(s.recall()).isZero();
    assertThat(s.precision()).isZero();
  }

  @Test
  void overshoot_costsPrecision_byCharactersInBothDocuments() {
    // case 100+100 chars; detection 150+100 chars covering it
    PlagDet.Scores s = PlagDet.score(List.of(r(100, 200, 0, 100)), List.of(r(50, 200, 0, 100)));
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.precision()).isCloseTo(200.0 / 250, within(1e-12));
  }

  @Test
  void spuriousDetection_isAveragedIn() {
    PlagDet.Scores s = PlagDet.score(List.of(r(0, 100, 0, 100)), List.of(r(0, 100, 0, 100), r(500, 520, 700, 720)));
    assertThat(s.precision()).isEqualTo(0.5);
    assertThat(s.recall()).isEqualTo(1.0);
  }
}
