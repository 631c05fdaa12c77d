package io.wiretrace.reuse;

import static io.wiretrace.testing.Fixtures.article;
import static io.wiretrace.testing.Fixtures.credited;
import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Article;
import io.wiretrace.model.Evidence;
import io.wiretrace.model.Relation;
import io.wiretrace.testing.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyDetectorTest {
  private final CopyDetector detector = new CopyDetector();
  private final Article original = article("wire/flood", "2025-06-05T08:00:00Z", "Valley Wire", "Flood", Fixtures.flood());

  @Test
  void verbatimReprint_linkedToEarlierOriginal_withFullEvidence() {
    Article copy = article("farm/flood", "2025-06-05T13:00:00Z", "Farm", "Flood", Fixtures.flood());
    List<Relation> rels = detector.detect(List.of(copy, original));
    assertThat(rels).singleElement().satisfies(r -> {
      assertThat(r.copy()).isEqualTo("farm/flood");
      assertThat(r.original()).isEqualTo("wire/flood");
      assertThat(r.kind()).isEqualTo("verbatim");
      assertThat(r.coverage()).isEqualTo(1.0);
      assertThat(r.score()).isEqualTo(1.0);
      assertThat(r.directionBasis()).isEqualTo("published");
      Evidence e = r.evidence().get(0);
      assertThat(copy.text().substring(e.copy().start(), e.copy().end()))
          .isEqualTo(original.text().substring(e.original().start(), e.original().end()));
    });
  }

  @Test
  void lightlyEditedCopy_isNearDuplicate() {
    Article copy = article("courier/flood", "2025-06-05T18:00:00Z", "Courier", "Flood", Fixtures.floodLightlyEdited());
    assertThat(detector.detect(List.of(original, copy))).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("near_duplicate");
      assertThat(r.copy()).isEqualTo("courier/flood");
      assertThat(r.coverage()).isGreaterThan(0.9);
      assertThat(r.score()).isBetween(0.5, 0.95);
    });
  }

  @Test
  void synonymSpunCopy_isSpun_withTheSwapsCounted() {
    Article spun = article("farm/flood-spun", "2025-06-06T02:00:00Z", "Spin Farm", "Flood", Fixtures.floodSpun());
    assertThat(detector.detect(List.of(spun, original))).singleElement().satisfies(r -> {
      assertThat(r.copy()).isEqualTo("farm/flood-spun");
      assertThat(r.original()).isEqualTo("wire/flood");
      assertThat(r.kind()).isEqualTo("spun");
      assertThat(r.coverage()).isGreaterThan(0.8);
      assertThat(r.signals().get("synonym_substitutions")).isGreaterThanOrEqualTo(15.0);
      assertThat(r.signals().get("synonym_rate")).isGreaterThan(CopyDetector.SPUN_RATE);
      assertThat(r.signals().get("exact_share")).isLessThan(0.95);
    });
  }

  @Test
  void aShortSpunCopy_isFoundThroughItsRestoredKeys_whereLiteralKeysFindNothing() {
    // one paragraph, spun: too few literal keys survive for either channel, the restored ones meet
    Article o = article("wire/crews", "2025-06-05T08:00:00Z", "Valley Wire", "Flood", Fixtures.FLOOD.get(2));
    Article s = article("farm/crews", "2025-06-06T08:00:00Z", "Spin Farm", "Flood", Fixtures.floodSpun().split("\n\n")[2]);
    Fingerprint fo = detector.fingerprint(o);
    Fingerprint fs = detector.fingerprint(s);
    assertThat(sharedSamples(fo.shingles(), fs.shingles())).as("literal keys").isLessThan(CandidateIndex.MIN_SHARED);
    assertThat(CandidateIndex.bandKeys(fo.signature())).as("no LSH band in common")
        .satisfies(a -> assertThat(java.util.stream.IntStream.range(0, a.length).noneMatch(i -> a[i] == CandidateIndex.bandKeys(fs.signature())[i])).isTrue());
    assertThat(sharedSamples(fo.keys(), fs.keys())).as("restored keys").isGreaterThanOrEqualTo(CandidateIndex.MIN_SHARED);
    assertThat(detector.detect(List.of(s, o))).singleElement().satisfies(r -> {
      assertThat(r.copy()).isEqualTo("farm/crews");
      assertThat(r.original()).isEqualTo("wire/crews");
      // typed by the literal alignment, which misses the opening clause ("employed boats to reach occupants")
      assertThat(r.kind()).isIn("spun", "near_duplicate");
      assertThat(r.signals().get("synonym_substitutions")).isGreaterThanOrEqualTo(2.0);
    });
  }

  private static int sharedSamples(long[] a, long[] b) {
    java.util.Set<Long> in = new java.util.HashSet<>();
    for (long x : CandidateIndex.sampled(a)) {
      in.add(x);
    }
    int n = 0;
    for (long x : CandidateIndex.sampled(b)) {
      n += in.contains(x) ? 1 : 0;
    }
    return n;
  }

  @Test
  void roundTripTranslation_isTranslated_notSpun() {
    Article tr = article("farm/flood-mt", "2025-06-06T04:00:00Z", "Translate Farm", "Flood", Fixtures.floodTranslated());
    assertThat(detector.detect(List.of(tr, original))).singleElement().satisfies(r -> {
      assertThat(r.copy()).isEqualTo("farm/flood-mt");
      assertThat(r.original()).isEqualTo("wire/flood");
      assertThat(r.kind()).isEqualTo("translated");
      assertThat(r.signals().get("function_word_rate")).isGreaterThanOrEqualTo(CopyDetector.TRANSLATED_FUNCTION_RATE);
      assertThat(r.signals().get("synonym_substitutions")).isGreaterThanOrEqualTo(CopyDetector.TRANSLATED_MIN_EDITS);
    });
  }

  @Test
  void spunCopy_changesNoFunctionWords() {
    Article spun = article("farm/flood-spun", "2025-06-06T02:00:00Z", "Spin Farm", "Flood", Fixtures.floodSpun());
    assertThat(detector.detect(List.of(spun, original))).singleElement()
        .satisfies(r -> assertThat(r.signals().get("function_word_edits")).isZero());
  }

  @Test
  void houseStyleEdit_ofAWireStory_isNotTranslated() {
    // an outlet's edit changes prepositions and articles, as a translation does, but swaps no content word
    Article edited = article("courier/flood", "2025-06-05T18:00:00Z", "Courier", "Flood", Fixtures.floodHouseEdited());
    assertThat(detector.detect(List.of(original, edited))).singleElement().satisfies(r -> {
      assertThat(r.signals().get("function_word_edits")).isGreaterThanOrEqualTo(CopyDetector.TRANSLATED_MIN_EDITS);
      assertThat(r.signals().get("function_word_rate")).isGreaterThanOrEqualTo(CopyDetector.TRANSLATED_FUNCTION_RATE);
      assertThat(r.kind()).isEqualTo("near_duplicate");
    });
  }

  @Test
  void lightEdit_withAFewSynonyms_isNotSpun() {
    Article copy = article("courier/flood", "2025-06-05T18:00:00Z", "Courier", "Flood", Fixtures.floodLightlyEdited());
    assertThat(detector.detect(List.of(original, copy))).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("near_duplicate");
      assertThat(r.signals().get("synonym_substitutions")).isLessThanOrEqualTo(3.0);
    });
  }

  @Test
  void spunCopyOfACopy_stillLinksToTheRoot() {
    Article reprint = article("farm/flood", "2025-06-05T13:00:00Z", "Farm", "Flood", Fixtures.flood());
    Article spun = article("spin/flood", "2025-06-06T02:00:00Z", "Spin Farm", "Flood", Fixtures.floodSpun());
    assertThat(detector.detect(List.of(spun, reprint, original))).extracting(r -> r.copy() + " <- " + r.original() + " " + r.kind())
        .containsExactly("farm/flood <- wire/flood verbatim", "spin/flood <- wire/flood spun");
  }

  @Test
  void partialCopy_embeddedParagraphs_isPartialWithTheirSpans() {
    Article copy = article("column/week", "2025-06-07T07:00:00Z", "Column", "Week", Fixtures.floodPartial());
    assertThat(detector.detect(List.of(original, copy))).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("partial");
      assertThat(r.copy()).isEqualTo("column/week");
      assertThat(r.coverage()).isBetween(0.3, 0.7);
      String aligned = String.join(" ", r.evidence().stream()
          .map(e -> copy.text().substring(e.copy().start(), e.copy().end())).toList());
      assertThat(aligned).contains("Floodwaters from the swollen Amber River").contains("army sent four helicopters");
      assertThat(aligned).doesNotContain("farmers' market");
    });
  }

  @Test
  void independentReportSharingOnlyAQuote_isNotACopy() {
    Article other = article("local/millbank", "2025-06-05T20:00:00Z", "Riverton Post", "Millbank", Fixtures.floodIndependentWithQuote());
    assertThat(detector.detect(List.of(original, other))).isEmpty();
  }

  @Test
  void unrelatedArticles_noRelation() {
    Article other = article("x/election", "2025-06-05T20:00:00Z", "Seaholm", "Vote", Fixtures.election());
    assertThat(detector.detect(List.of(original, other))).isEmpty();
  }

  @Test
  void creditBeatsPublicationTime() {
    // the copy's clock is wrong (earlier), but it credits the wire
    Article copy = credited("farm/flood", "2025-06-05T07:00:00Z", "Farm", "Flood", Fixtures.flood(), "Valley Wire");
    assertThat(detector.detect(List.of(original, copy))).singleElement().satisfies(r -> {
      assertThat(r.copy()).isEqualTo("farm/flood");
      assertThat(r.directionBasis()).isEqualTo("credit");
    });
  }

  @Test
  void undatedUncreditedPair_fallsBackToStableId_andSaysSo() {
    Article a = article("a", null, null, "Flood", Fixtures.flood());
    Article b = article("b", null, null, "Flood", Fixtures.flood());
    assertThat(detector.detect(List.of(b, a))).singleElement().satisfies(r -> {
      assertThat(r.copy()).isEqualTo("b");
      assertThat(r.directionBasis()).isEqualTo("id");
    });
  }

  @Test
  void copyOfACopy_linkedToTheEarliestOriginal() {
    Article edited = article("courier/flood", "2025-06-05T18:00:00Z", "Courier", "Flood", Fixtures.floodLightlyEdited());
    Article reprintOfEdited = article("farm2/flood", "2025-06-06T09:00:00Z", "Farm 2", "Flood", Fixtures.floodLightlyEdited());
    List<Relation> rels = detector.detect(List.of(reprintOfEdited, edited, original));
    assertThat(rels).extracting(r -> r.copy() + " <- " + r.original())
        .containsExactly("courier/flood <- wire/flood", "farm2/flood <- wire/flood");
  }

  @Test
  void result_isIndependentOfInputOrder() {
    List<Article> all = new ArrayList<>(List.of(original,
        article("farm/flood", "2025-06-05T13:00:00Z", "Farm", "Flood", Fixtures.flood()),
        article("courier/flood", "2025-06-05T18:00:00Z", "Courier", "Flood", Fixtures.floodLightlyEdited()),
        article("column/week", "2025-06-07T07:00:00Z", "Column", "Week", Fixtures.floodPartial()),
        article("local/millbank", "2025-06-05T20:00:00Z", "Post", "Millbank", Fixtures.floodIndependentWithQuote())));
    List<Relation> first = detector.detect(all);
    Collections.reverse(all);
    assertThat(detector.detect(all)).isEqualTo(first);
    Collections.shuffle(all, new java.util.Random(9));
    assertThat(detector.detect(all)).isEqualTo(first);
  }

  @Test
  void emptyAndTinyArticles_areHarmless() {
    assertThat(detector.detect(List.of(article("e", null, null, null, "x"), article("f", null, null, null, "x")))).isEmpty();
  }
}
