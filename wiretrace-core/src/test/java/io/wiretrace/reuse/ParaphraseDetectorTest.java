package io.wiretrace.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.embed.SentenceEmbedder;
import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import io.wiretrace.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParaphraseDetectorTest {
  private static final String ORIGINAL = """
      The Halvern city council approved a new flood barrier on Monday after a year of heated debate.

      The barrier will run for four kilometres along the eastern bank of the river and cost 90 million crowns.

      Engineers said construction would begin in June and take about two years to finish.

      Residents of the lower town, which flooded twice last winter, welcomed the decision at a packed meeting.""";
  private static final String PARAPHRASE = """
      After one year of fierce discussion, the city council of Halvern gave its approval on Monday to a new barrier against floods.

      The wall will stretch four kilometres along the east bank of the river and will cost 90 million crowns.

      According to the engineers, building will start in June and will need roughly two years to be completed.

      People living in the lower town, which was flooded two times during last winter, greeted the decision at a crowded meeting.""";
  private static final String INDEPENDENT = """
      Opponents of the Halvern flood barrier say the money would be better spent on drainage in the old quarter.

      A petition signed by 1,200 people asked the council to delay the vote until an independent study is finished.

      The mayor said the study had already been done twice and that the town could not wait another winter.

      Shops on the riverfront have closed for weeks at a time after each flood, owners told reporters.""";

  private final ParaphraseDetector detector = new ParaphraseDetector(new SentenceEmbedder());

  @Test
  void aParaphraseIsACopyAndAnIndependentReportIsNot() {
    assertThat(ParaphraseDetector.isCopy(detector.match(PARAPHRASE, ORIGINAL))).isTrue();
    assertThat(ParaphraseDetector.isCopy(detector.match(INDEPENDENT, ORIGINAL))).isFalse();
  }

  @Test
  void detectsWithinAStoryNamesTheEarlierArticleAndSkipsLexicalPairs() {
    Article a = Fixtures.article("a", "2025-03-10T08:00:00Z", "Northwind", "Barrier", ORIGINAL);
    Article b = Fixtures.article("b", "2025-03-10T20:00:00Z", "farm", "Barrier", PARAPHRASE);
    Article c = Fixtures.article("c", "2025-03-10T21:00:00Z", "Gazette", "Barrier", INDEPENDENT);
    Story story = new Story("s0001", "Barrier", "s0001", List.of("a", "b", "c"), List.of("a", "b", "c"), List.of(), null);
    Map<String, Article> byId = Map.of("a", a, "b", b, "c", c);
    List<Relation> found = detector.detect(byId, List.of(story), List.of());
    assertThat(found).singleElement().satisfies(r -> {
      assertThat(r.copy()).isEqualTo("b");
      assertThat(r.original()).isEqualTo("a");
      assertThat(r.kind()).isEqualTo("paraphrased");
      assertThat(r.directionBasis()).isEqualTo("published");
      assertThat(r.evidence()).hasSizeGreaterThanOrEqualTo(3);
    });
    Relation lexical = new Relation("b", "a", "spun", 0.5, 0.9, List.of(), "published", Map.of());
    assertThat(detector.detect(byId, List.of(story), List.of(lexical))).isEmpty();
  }
}
