package io.wiretrace.cluster;

import static io.wiretrace.testing.Fixtures.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import io.wiretrace.reuse.CopyDetector;
import io.wiretrace.testing.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
  private final StoryClusterer clusterer = StoryClusterer.builder().build();

  private static final String VISIT_2025 = "Mayor Ilse Varga of Lindqvist visited Teranova on Wednesday and signed a water agreement with Mayor Tomas Ekberg covering the Silverå reservoir.";
  private static final String VISIT_2026 = "Mayor Ilse Varga of Lindqvist returned to Teranova on Tuesday to inspect the pumping station built under the Silverå water agreement with Mayor Tomas Ekberg.";

  private List<Article> sameEventFiveOutlets() {
    return List.of(
        article("a", "2025-06-05T08:00:00Z", "Valley Wire", "Floods force 3,000 from homes in Riverton", Fixtures.flood()),
        article("b", "2025-06-05T20:00:00Z", "Riverton Post", "Millbank bakery under water as Amber River floods", Fixtures.floodIndependentWithQuote()),
        article("c", "2025-06-05T10:00:00Z", "Radio North", "Riverton flood: thousands evacuated",
            "Thousands of residents of Riverton were evacuated on Thursday as the Amber River burst its levees after record rainfall. Army helicopters and boats rescued people from rooftops in Millbank."),
        article("d", "2025-06-06T07:00:00Z", "Coast Daily", "Amber River expected to crest on Friday",
            "The Amber River is expected to crest in Riverton on Friday morning, forecasters said, a day after floodwaters forced more than 3,000 people from their homes and closed both bridges in the district."),
        article("e", "2025-06-06T09:00:00Z", "Farm Weekly", "Riverton flood hits farms along the Amber River",
            "Farmers along the Amber River near Riverton lost crops and livestock in Thursday's flood, the farmers' union said, as the water that drove thousands from their homes spread across the fields."));
  }

  @Test
  void sameEventInFiveOutlets_isOneStory() {
    List<Story> stories = clusterer.cluster(sameEventFiveOutlets(), List.of());
    assertThat(stories).singleElement().satisfies(s -> {
      assertThat(s.articles()).containsExactly("a", "c", "b", "d", "e");
      assertThat(s.originals()).hasSize(5);
      assertThat(s.title()).isEqualTo("Floods force 3,000 from homes in Riverton");
    });
  }

  @Test
  void aCopyJoinsItsOriginalsStory_unlessBarelyATenthOfItIsCopied() {
    List<Article> in = List.of(
        article("x", "2025-06-05T08:00:00Z", "Valley Wire", "Floods", Fixtures.flood()),
        article("v1", "2025-06-06T09:00:00Z", "Wire", "Varga signs water pact in Teranova", VISIT_2025));
    java.util.function.DoubleFunction<List<Relation>> quoting = cov -> List.of(new Relation("v1", "x", "partial", 0.01, cov,
        List.of(), "published", java.util.Map.of()));
    // a tenth or more copied: the copy is tied to its original's story, as a copy
    assertThat(clusterer.cluster(in, quoting.apply(0.3))).singleElement().satisfies(s -> {
      assertThat(s.articles()).containsExactly("x", "v1");
      assertThat(s.members()).filteredOn(m -> m.id().equals("v1")).singleElement().satisfies(m -> assertThat(m.via()).isEqualTo("copy"));
    });
    // less: an article of its own that quotes another, clustered on its own text
    assertThat(clusterer.cluster(in, quoting.apply(0.05))).hasSize(2);
  }

  @Test
  void sameActorsAYearApart_twoStoriesOneStoryline() {
    List<Article> in = List.of(
        article("v1", "2025-04-02T09:00:00Z", "Wire", "Varga signs water pact in Teranova", VISIT_2025),
        article("v2", "2026-04-14T09:00:00Z", "Wire", "Varga returns to Teranova to inspect pumping station", VISIT_2026),
        article("x", "2025-06-05T08:00:00Z", "Valley Wire", "Floods", Fixtures.flood()));
    List<Story> stories = clusterer.cluster(in, List.of());
    assertThat(stories).hasSize(3);
    Story first = stories.stream().filter(s -> s.articles().contains("v1")).findFirst().orElseThrow();
    Story second = stories.stream().filter(s -> s.articles().contains("v2")).findFirst().orElseThrow();
    Story flood = stories.stream().filter(s -> s.articles().contains("x")).findFirst().orElseThrow();
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(second.storyline()).isEqualTo(first.storyline());
    assertThat(flood.storyline()).isNotEqualTo(first.storyline());
  }

  @Test
  void undatedArticles_noTimeWindow_groupedByContentAlone() {
    List<Article> in = List.of(
        article("v1", null, "Wire", "Varga signs water pact in Teranova", VISIT_2025),
        article("v2", null, "Wire", "Varga in Teranova", VISIT_2026),
        article("x", null, "Valley Wire", "Floods", Fixtures.flood()));
    List<Story> stories = clusterer.cluster(in, List.of());
    assertThat(stories).hasSize(2);
    assertThat(stories.get(0).articles()).containsExactly("v1", "v2");
  }

  @Test
  void undatedVisitsAYearApart_areTwoStoriesWhenTheirTextsNameTheirDays() {
    io.wiretrace.nlp.DateEstimator dates = new io.wiretrace.nlp.DateEstimator();
    java.util.function.UnaryOperator<Article> estimated = a -> a.withEstimated(dates.estimate(a.title(), a.text()));
    Article v1 = estimated.apply(article("v1", null, "Wire", "Varga signs water pact in Teranova",
        VISIT_2025.replace("on Wednesday", "on Wednesday, April 2, 2025,")));
    Article v2 = estimated.apply(article("v2", null, "Wire", "Varga in Teranova",
        VISIT_2026.replace("on Tuesday", "on Tuesday, April 14, 2026,")));
    Article x = article("x", null, "Valley Wire", "Floods", Fixtures.flood());
    assertThat(v1.estimated().to()).isEqualTo("2025-04-02");
    assertThat(v2.estimated().to()).isEqualTo("2026-04-14");
    List<Story> stories = clusterer.cluster(List.of(v1, v2, x), List.of());
    assertThat(stories).extracting(Story::articles).containsExactlyInAnyOrder(List.of("v1"), List.of("v2"), List.of("x"));
    Story first = stories.stream().filter(s -> s.articles().contains("v1")).findFirst().orElseThrow();
    Story second = stories.stream().filter(s -> s.articles().contains("v2")).findFirst().orElseThrow();
    assertThat(second.storyline()).isEqualTo(first.storyline());
    // on content alone (the estimates set aside) the two visits are one story, as in the undated test above
    assertThat(StoryClusterer.builder().estimateMarginDays(100_000).build().cluster(List.of(v1, v2, x), List.of())).hasSize(2);
    // an article naming no day carries no time evidence: it joins on content, whichever visit that is
    Article noDay = article("v3", null, "Wire", "Varga signs water pact", VISIT_2025);
    assertThat(noDay.estimated()).isNull();
    assertThat(clusterer.cluster(List.of(v1, v2, x, noDay), List.of())).hasSize(3);
    // a report naming both days (the second visit recalling the first) meets both
    Article recall = estimated.apply(article("v4", null, "Wire", "Varga back in Teranova",
        VISIT_2026.replace("on Tuesday", "on Tuesday, April 14, 2026, a year after the agreement of April 2, 2025,")));
    assertThat(recall.estimated().from()).isEqualTo("2025-04-02");
    assertThat(clusterer.cluster(List.of(v1, v2, x, recall), List.of())).hasSize(3);
  }

  /** Two quakes in one country, days apart (ECB+'s hardest case); undated, so visited in id order. */
  private static List<Article> twoQuakes() {
    return List.of(
        article("a1", null, "Wire", "Strong earthquake shakes Indonesia's Aceh", "A strong magnitude 6.1 earthquake shook Aceh province in Indonesia on Tuesday, damaging houses and sending residents running into the streets, officials said. Rescuers searched collapsed houses in Bener Meriah."),
        article("a2", null, "Wire", "Hotel collapses in Manokwari quake", "A strong magnitude 6.1 earthquake shook Indonesia on Sunday, damaging houses, officials said. Residents of Manokwari in West Papua fled to camps and a hotel collapsed."),
        article("a3", null, "Wire", "Papua quake leaves thousands in camps", "Thousands of residents of Manokwari in West Papua fled to makeshift camps after a series of powerful earthquakes. Four people died in Manokwari and a hotel collapsed."),
        article("a4", null, "Wire", "Aceh earthquake death toll rises", "The death toll from the earthquake in Aceh rose to 24 as rescuers in Bener Meriah and Central Aceh dug through collapsed houses and mosques near Takengon."),
        article("a5", null, "Wire", "West Papua shaken again", "Another strong earthquake rattled West Papua, days after quakes killed four people in Manokwari. Residents stayed in camps outside Manokwari as the hotel ruins were cleared."),
        article("a6", null, "Wire", "Aid reaches Aceh villages", "Aid reached villages in Bener Meriah and Central Aceh after the earthquake that killed 24, as families near Takengon slept outside their damaged houses."));
  }

  @Test
  void reassignment_undoesAnEarlyWrongJoin() {
    // online only: the Papua report a2 arrives while the Aceh story is the only one and joins it,
    // pulling the later Papua reports after it; the Aceh follow-ups then start a story of their own
    assertThat(StoryClusterer.builder().refinePasses(0).build().cluster(twoQuakes(), List.of()))
        .extracting(Story::articles).containsExactly(List.of("a1", "a2", "a3", "a5"), List.of("a4", "a6"));
    // the reassignment passes move each article to the story it is closest to without itself
    assertThat(clusterer.cluster(twoQuakes(), List.of()))
        .extracting(Story::articles).containsExactly(List.of("a1", "a4", "a6"), List.of("a2", "a3", "a5"));
  }

  @Test
  void timeTerm_helpsASameDayReportJoin_undatedOrAMonthLaterItMustStandOnContent() {
    Article flood = sameEventFiveOutlets().get(0);
    Article bakery = sameEventFiveOutlets().get(1);
    // the two reports' content similarity, as the membership evidence reports it
    double content = StoryClusterer.builder().threshold(0.01).build()
        .cluster(List.of(undated(flood), undated(bakery)), List.of()).get(0).members().get(1).similarity();
    assertThat(content).isBetween(0.1, 0.6);
    // a bar just above it: only the time term (up to 0.05 for the same day) can get the bakery report in
    StoryClusterer strict = StoryClusterer.builder().threshold(content + 0.025).build();
    assertThat(strict.cluster(List.of(flood, bakery), List.of())).hasSize(1);
    assertThat(strict.cluster(List.of(undated(flood), undated(bakery)), List.of())).hasSize(2);
    Article monthLater = article("b", "2025-07-05T20:00:00Z", bakery.outlet(), bakery.title(), bakery.text());
    assertThat(strict.cluster(List.of(flood, monthLater), List.of())).hasSize(2);
  }

  private static Article undated(Article a) {
    return article(a.id(), null, a.outlet(), a.title(), a.text());
  }

  @Test
  void copyJoinsItsOriginalsStory_andIsNotAnOriginal() {
    List<Article> in = new ArrayList<>(sameEventFiveOutlets());
    in.add(article("z-copy", "2025-06-09T09:00:00Z", "Farm", "Unrelated looking title", Fixtures.flood()));
    List<Relation> rels = new CopyDetector().detect(in);
    assertThat(rels).extracting(Relation::copy).containsExactly("z-copy");
    List<Story> stories = clusterer.cluster(in, rels);
    assertThat(stories).singleElement().satisfies(s -> {
      assertThat(s.articles()).contains("z-copy");
      assertThat(s.originals()).doesNotContain("z-copy");
    });
  }

  @Test
  void clustering_isIndependentOfInputOrder() {
    List<Article> in = new ArrayList<>(sameEventFiveOutlets());
    in.add(article("v1", "2025-06-05T09:00:00Z", "Wire", "Varga signs water pact in Teranova", VISIT_2025));
    in.add(article("s", "2025-06-05T11:00:00Z", "Seaholm", "Seaholm votes", Fixtures.election()));
    List<Story> first = clusterer.cluster(in, List.of());
    for (long seed = 1; seed <= 5; seed++) {
      Collections.shuffle(in, new java.util.Random(seed));
      assertThat(clusterer.cluster(in, List.of())).isEqualTo(first);
    }
    assertThat(first).hasSize(3);
  }

  @Test
  void builder_validatesParameters() {
    assertThatThrownBy(() -> StoryClusterer.builder().threshold(0)).hasMessage("threshold must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> StoryClusterer.builder().windowDays(-1)).hasMessage("windowDays must be between 0 and 3650, got -1");
    assertThatThrownBy(() -> StoryClusterer.builder().threshold(0.3).threshold(0.4)).hasMessage("threshold was already set to 0.3");
  }
}
