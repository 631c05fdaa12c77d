package io.wiretrace.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlignmentEvalTest {
  private static final String PASSAGE = "The council approved the new harbour budget on Tuesday after a long debate about the cost of"
      + " dredging the northern channel, which fishermen say has silted up since the storm of last winter.";

  @Test
  void reanchor_movesACaseToWhereItsSourceTextIs_acrossWhitespaceDifferences() {
    String src = "Intro text of the source page. " + PASSAGE + " Closing words.";
    // the copy wraps lines differently, and sits 7 characters later than the published offset says
    String susp = "Some unrelated opening sentence here. " + PASSAGE.replace("debate about", "debate\nabout") + " The end.";
    int trueStart = susp.indexOf("The council");
    int srcStart = src.indexOf("The council");
    PlagDet.Range published = new PlagDet.Range("p", trueStart - 7, trueStart - 7 + PASSAGE.length(), srcStart, srcStart + PASSAGE.length());
    PlagDet.Range moved = AlignmentEval.reanchor(published, susp, src);
    assertThat(moved).isNotNull();
    assertThat(moved.suspStart()).isEqualTo(trueStart);
    assertThat(moved.suspEnd()).isEqualTo(trueStart + PASSAGE.length());
    assertThat(moved.srcStart()).isEqualTo(srcStart);
  }

  @Test
  void reanchor_givesUpWhenTheSourceTextIsNotInTheSuspiciousDocument() {
    String src = "Intro. " + PASSAGE;
    String susp = "A completely different document that shares nothing with the source at all, not even one long phrase of forty characters.";
    assertThat(AlignmentEval.reanchor(new PlagDet.Range("p", 0, 120, 7, 7 + PASSAGE.length()), susp, src)).isNull();
  }
}
