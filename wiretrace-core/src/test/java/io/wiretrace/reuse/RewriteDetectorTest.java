package io.wiretrace.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wiretrace.model.Rewrite;
import io.wiretrace.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RewriteDetectorTest {
  /**
   * The set-phrase restoration indexes collocates by their own synsets and asks with the written word's
   * neighbourhood, which equals asking the other way round only if every part-whole and similar-to
   * pointer has a reciprocal; WordNet 3.1 as shipped has.
   */
  @Test
  void wordnetPartWholeAndSimilarPointersAreReciprocal() throws Exception {
    net.sf.extjwnl.dictionary.Dictionary d = io.wiretrace.text.Synonyms.wordnet();
    Set<net.sf.extjwnl.data.PointerType> types = Set.of(net.sf.extjwnl.data.PointerType.PART_HOLONYM,
        net.sf.extjwnl.data.PointerType.PART_MERONYM, net.sf.extjwnl.data.PointerType.SIMILAR_TO);
    int checked = 0;
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (net.sf.extjwnl.data.POS pos : net.sf.extjwnl.data.POS.getAllPOS()) {
      for (java.util.Iterator<net.sf.extjwnl.data.Synset> it = d.getSynsetIterator(pos); it.hasNext(); ) {
        net.sf.extjwnl.data.Synset s = it.next();
        for (net.sf.extjwnl.data.Pointer p : s.getPointers()) {
          if (!types.contains(p.getType())) {
            continue;
          }
          checked++;
          net.sf.extjwnl.data.Synset t = p.getTargetSynset();
          boolean back = false;
          for (net.sf.extjwnl.data.Pointer q : t == null ? java.util.List.<net.sf.extjwnl.data.Pointer>of() : t.getPointers()) {
            back |= types.contains(q.getType()) && q.getTargetPOS() == s.getPOS() && q.getTargetOffset() == s.getOffset();
          }
          if (!back) {
            missing.add(s.getOffset() + " " + p.getType() + " " + (t == null ? "null" : t.getOffset()));
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(30_000);
    assertThat(missing).isEmpty();
  }

  private final RewriteDetector d = new RewriteDetector();

  @Test
  void spunText_isJudgedSpun_andNamesLikelyOriginalWords() {
    Rewrite r = d.assess(Fixtures.floodSpun());
    assertThat(r.kind()).isEqualTo("spun");
    assertThat(r.signals().get("p_spun")).isGreaterThan(r.signals().get("p_machine_translated"));
    String text = Fixtures.floodSpun();
    // "citizenry" is a spinner's word for "people": the span says so
    assertThat(r.spans()).anySatisfy(s -> {
      assertThat(text.substring(s.start(), s.end())).isEqualTo("citizenry");
      assertThat(s.likely()).isEqualTo("people");
    });
  }

  @Test
  void wireText_isJudgedOriginal_withoutSpans() {
    Rewrite r = d.assess(Fixtures.flood());
    assertThat(r.kind()).isEqualTo("original");
    assertThat(r.spans()).isEmpty();
    assertThat(r.score()).isBetween(0.5, 1.0);
  }

  @Test
  void wordsOfTheWrongSense_fitTheirContextWorse() {
    // a pivot-thesaurus spinner's choices: a translation shared in some sense, not in this one
    String original = String.join("\n\n", Fixtures.FLOOD.subList(0, 3));
    String spun = original.replace("people", "village").replace("record rainfall", "disc rainfall")
        .replace("weather office", "weather trade").replace("crews", "teams").replace("boats", "vessels")
        .replace("treated", "cured").replace("floor", "ground").replace("base at", "foundation at");
    int fit = RewriteDetector.FEATURES.indexOf("context_fit");
    double[] o = d.measure(original).features();
    double[] s = d.measure(spun).features();
    assertThat(s[fit]).isLessThan(o[fit] - 0.01);
    assertThat(s[fit + 1]).as("the worst tenth").isLessThan(o[fit + 1] - 0.03);
    assertThat(o[fit]).isBetween(0.4, 0.8);
  }

  @Test
  void wordVectors_roundTripTheirFormat_andRejectOtherFiles() throws IOException {
    java.util.TreeMap<String, float[]> v = new java.util.TreeMap<>();
    v.put("river", new float[] {1f, 0.5f, 0f});
    v.put("stream", new float[] {0.9f, 0.6f, 0.1f});
    v.put("budget", new float[] {-0.2f, 0f, 1f});
    byte[] gz = WordVectors.write(v);
    assertThat(WordVectors.write(v)).isEqualTo(gz);
    WordVectors w = WordVectors.read(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz)));
    assertThat(w.size()).isEqualTo(3);
    assertThat(w.dims()).isEqualTo(3);
    assertThat(w.row("lake")).isEqualTo(-1);
    double[] river = new double[3];
    w.addTo(w.row("river"), river);
    assertThat(w.cosine(w.row("river"), river)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(w.cosine(w.row("stream"), river)).isGreaterThan(0.95);
    assertThat(w.cosine(w.row("budget"), river)).isLessThan(0);
    assertThatThrownBy(() -> WordVectors.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 0, 0, 0, 0})))
        .isInstanceOf(IOException.class).hasMessageContaining("not a wiretrace word-vector table");
    assertThat(WordVectors.shipped().size()).isGreaterThan(50_000);
  }

  @Test
  void brokenCollocation_isRestored() {
    // "shook palms": not a set phrase, but "shake hands" is and a palm is part of a hand
    assertThat(d.restoreCollocation("shook", "palms")).isEqualTo("shook hands");
    assertThat(d.restoreCollocation("shook", "hands")).isNull();
  }

  @Test
  void measure_findsForeignWordsLeftByAnEngine() {
    RewriteDetector.Measured m = d.measure("The minister held a visitadeapuestas with the officers of the department.");
    assertThat(m.spans()).anySatisfy(s -> assertThat(s.signal()).isEqualTo("foreign_word"));
    assertThat(m.features()[RewriteDetector.FEATURES.indexOf("foreign_word_share")]).isGreaterThan(0);
  }

  @Test
  void shortOrForeignText_isUnknown() {
    assertThat(d.assess("Short note about nothing in particular.").kind()).isEqualTo("unknown");
    assertThat(d.assess("Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke ab Juni für Autos zu sperren, "
        + "nachdem Ingenieure Risse in zwei Pfeilern gefunden hatten. Radfahrer und Fußgänger dürfen weiter queren.").kind())
        .isEqualTo("unknown");
  }

  @Test
  void classSequence_keepsFunctionWordsAndShapes() {
    assertThat(Fluency.classes(java.util.List.of("It", "said", "That", "the", "talks", "ended", "at", "Tuesday", ","))).containsExactly(
        "<s>", "<s>", "it", "said", "C", "the", "w-s", "w-ed", "at", "C", ",", "</s>");
  }

  @Test
  void fluency_prefersSeenSequences() {
    Fluency f = Fluency.of(Map.of("the", 3), Map.of("of the", 2), Set.of("shake hand"), Map.of("<s> <s> the", 5, "<s> the w", 5, "the w </s>", 5));
    assertThat(f.logProb("<s>", "the", "w")).isGreaterThan(f.logProb("<s>", "the", "of"));
    assertThat(f.collocation("shake", "hand")).isTrue();
    assertThat(f.count("of", "the")).isEqualTo(2);
  }

  @Test
  void model_roundTripsItsFormat_andRejectsBrokenFiles() throws IOException {
    RewriteDetector.Model m = RewriteDetector.Model.shipped();
    String written = m.write("test");
    RewriteDetector.Model back = RewriteDetector.Model.read(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)));
    assertThat(back.write("test")).isEqualTo(written);
    String broken = written.replaceFirst("threshold\tspun\t[^\n]*\n", "");
    assertThatThrownBy(() -> RewriteDetector.Model.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("entries");
  }

  @Test
  void aRegionalSpelling_isNoSwap_butAnotherWordIs() {
    assertThat(RewriteDetector.spellingVariant("cheque", "check")).isTrue();
    assertThat(RewriteDetector.spellingVariant("defence", "defense")).isTrue();
    assertThat(RewriteDetector.spellingVariant("colour", "color")).isTrue();
    assertThat(RewriteDetector.spellingVariant("citizenry", "people")).isFalse();
    assertThat(RewriteDetector.spellingVariant("tribunal", "court")).isFalse();
    assertThat(RewriteDetector.spellingVariant("cheque", null)).isFalse();
  }

  @Test
  void aPluralModifier_restoresNoNounCompound_butAVerbPhraseStillCounts() {
    assertThat(RewriteDetector.pluralModifier("levels", "level", "crossing")).isTrue();
    assertThat(RewriteDetector.pluralModifier("level", "level", "crossing")).isFalse();
    assertThat(RewriteDetector.pluralModifier("takes", "take", "place")).isFalse();
    assertThat(d.measure("Residents worried about falling water levels spoiling the summer fishing season on the lake.").spans())
        .extracting(Rewrite.Suspect::likely).doesNotContain("levels crossing");
  }
}
