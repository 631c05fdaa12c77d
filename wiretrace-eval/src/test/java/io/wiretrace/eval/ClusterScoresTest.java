package io.wiretrace.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {
  /**
   * Test vectors: pair counts and published scores from the score files of Miranda et al. 2018
   * (Priberam news-clustering, English test set; ../shared/data/clustering/miranda2018-priberam-refs).
   */
  @Test
  void pairMetrics_reproduceMiranda2018EnglishScoreFile() {
    ClusterScores.PairCounts c = new ClusterScores.PairCounts(936031, 17710, 101072, 37012362);
    assertThat(c.precision()).isCloseTo(0.98143, within(5e-6));
    assertThat(c.recall()).isCloseTo(0.90254, within(5e-6));
    assertThat(c.f1()).isCloseTo(0.94034, within(5e-6));
    assertThat(c.randIndex()).isCloseTo(0.99688, within(5e-6));
    assertThat(c.adjustedRandIndex()).isCloseTo(0.93874, within(5e-6));
  }

  @Test
  void pairMetrics_reproduceMiranda2018NoMergerScoreFile() {
    ClusterScores.PairCounts c = new ClusterScores.PairCounts(804660, 7160, 232443, 37022912);
    assertThat(c.precision()).isCloseTo(0.99118, within(5e-6));
    assertThat(c.recall()).isCloseTo(0.77587, within(5e-6));
    assertThat(c.f1()).isCloseTo(0.87041, within(5e-6));
    assertThat(c.adjustedRandIndex()).isCloseTo(0.86723, within(5e-6));
    // all pairs of the 8,726 documents
    assertThat(c.tp() + c.fp() + c.fn() + c.tn()).isEqualTo(8726L * 8725 / 2);
  }

  @Test
  void pairs_countsByHand() {
    // gold: {1,2,3} {4,5}; predicted: {1,2} {3,4,5}
    List<String> gold = List.of("a", "a", "a", "b", "b");
    List<String> pred = List.of("x", "x", "y", "y", "y");
    ClusterScores.PairCounts c = ClusterScores.pairs(pred, gold);
    // together in pred: (1,2) (3,4) (3,5) (4,5) = 4; in gold: (1,2) (1,3) (2,3) (4,5) = 4; both: (1,2) (4,5)
    assertThat(c).isEqualTo(new ClusterScores.PairCounts(2, 2, 2, 4));
  }

  @Test
  void bcubed_byHand() {
    List<String> gold = List.of("a", "a", "a", "b", "b");
    List<String> pred = List.of("x", "x", "y", "y", "y");
    ClusterScores.Prf b = ClusterScores.bcubed(pred, gold);
    // precision: items 1,2: 2/2; item 3: 1/3; items 4,5: 2/3 -> (1+1+1/3+2/3+2/3)/5
    assertThat(b.precision()).isCloseTo((1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, within(1e-12));
    // recall: items 1,2: 2/3; item 3: 1/3; items 4,5: 2/2
    assertThat(b.recall()).isCloseTo((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, within(1e-12));
  }

  @Test
  void perfectClustering_scoresOne_labelsNeedNotMatch() {
    List<Integer> gold = List.of(1, 1, 2, 2, 3);
    List<String> pred = List.of("q", "q", "r", "r", "s");
    assertThat(ClusterScores.bcubed(pred, gold).f1()).isEqualTo(1.0);
    assertThat(ClusterScores.pairs(pred, gold).f1()).isEqualTo(1.0);
  }

  @Test
  void allInOne_hasFullRecall_andPrecisionOfTheLargestShare() {
    List<String> gold = new ArrayList<>(Collections.nCopies(3, "a"));
    gold.add("b");
    List<String> pred = Collections.nCopies(4, "x");
    ClusterScores.Prf b = ClusterScores.bcubed(pred, gold);
    assertThat(b.recall()).isEqualTo(1.0);
    assertThat(b.precision()).isCloseTo((3 * 0.75 + 0.25) / 4, within(1e-12));
  }
}
