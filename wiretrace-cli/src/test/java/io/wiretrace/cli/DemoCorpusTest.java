package io.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import io.wiretrace.pipeline.AnalysisResult;
import io.wiretrace.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped demo corpus against its truth file (demo/truth.json): every planted copy found with the
 * right original and kind, no independent same-event pair linked, each event one story.
 */
class DemoCorpusTest {
  static final Path DEMO = Path.of("..", "demo").toAbsolutePath().normalize();
  static AnalysisResult result;
  static JsonNode truth;

  @BeforeAll
  static void analyze() throws IOException {
    result = Pipeline.builder().threads(2).build().analyze(List.of(DEMO.resolve("corpus")));
    truth = new ObjectMapper().readTree(DEMO.resolve("truth.json").toFile());
  }

  @Test
  void everyPlantedCopy_foundWithTheRightOriginalAndKind_andNothingElse() {
    Set<String> expected = new HashSet<>();
    for (JsonNode r : truth.get("relations")) {
      expected.add(r.get("copy").asText() + " <- " + r.get("original").asText() + " (" + r.get("kind").asText() + ")");
    }
    Set<String> found = result.relations().stream()
        .map(r -> r.copy() + " <- " + r.original() + " (" + r.kind() + ")").collect(Collectors.toSet());
    assertThat(found).isEqualTo(expected);
  }

  @Test
  void everyRelation_hasEvidenceInsideBothTexts() {
    Map<String, String> text = new TreeMap<>();
    result.articles().forEach(a -> text.put(a.id(), a.text()));
    for (Relation r : result.relations()) {
      assertThat(r.evidence()).isNotEmpty();
      r.evidence().forEach(e -> {
        assertThat(e.copy().end()).isLessThanOrEqualTo(text.get(r.copy()).length());
        assertThat(e.original().end()).isLessThanOrEqualTo(text.get(r.original()).length());
      });
      assertThat(r.directionBasis()).isIn("credit", "published");
    }
  }

  @Test
  void eachEvent_isExactlyOneStory() {
    List<Set<String>> predicted = result.stories().stream().map(s -> Set.copyOf(s.articles())).toList();
    truth.get("stories").fields().forEachRemaining(e -> {
      Set<String> gold = new HashSet<>();
      e.getValue().forEach(n -> gold.add(n.asText()));
      assertThat(predicted).as("story %s", e.getKey()).contains(gold);
    });
    assertThat(result.stories()).hasSize(truth.get("stories").size());
  }

  @Test
  void sameActorsAYearApart_shareAStoryline_othersDoNot() {
    Map<String, String> storyOfFirst = new TreeMap<>();
    truth.get("stories").fields().forEachRemaining(e -> {
      String first = e.getValue().get(0).asText();
      Story s = result.stories().stream().filter(x -> x.articles().contains(first)).findFirst().orElseThrow();
      storyOfFirst.put(e.getKey(), s.storyline());
    });
    assertThat(storyOfFirst.get("varga-visit-2025")).isEqualTo(storyOfFirst.get("varga-visit-2026"));
    assertThat(new HashSet<>(storyOfFirst.values())).hasSize(storyOfFirst.size() - 1);
  }

  @Test
  void storyTitle_isTheEarliestOriginalsTitle_andOriginalsExcludeCopies() {
    Set<String> copies = result.relations().stream().map(Relation::copy).collect(Collectors.toSet());
    for (Story s : result.stories()) {
      assertThat(s.originals()).doesNotContainAnyElementsOf(copies);
      assertThat(s.originals()).isNotEmpty();
    }
    Story strike = result.stories().stream()
        .filter(s -> s.articles().contains("northwind/2025-03-10-halvern-port-strike.html")).findFirst().orElseThrow();
    assertThat(strike.title()).isEqualTo("Dockworkers walk out at Port of Halvern over automated cranes");
  }

  @Test
  void intrinsicRewrite_flagsNoOriginal_andRatesTheSpunReprintAboveItsSource() {
    Set<String> copies = result.relations().stream().map(Relation::copy).collect(Collectors.toSet());
    Map<String, Double> pSpun = new java.util.HashMap<>();
    for (var a : result.articles()) {
      pSpun.put(a.id(), a.rewrite().signals().getOrDefault("p_spun", 0.0));
      if (!copies.contains(a.id())) {
        assertThat(a.rewrite().kind()).as(a.id()).isIn("original", "unknown");
      }
    }
    // the demo's texts are short: the spun reprint stays below the threshold, but read on its own it
    // looks far more spun than the wire story it was made from
    assertThat(pSpun.get("farms/buzzwire-brenholm-treasurer.txt")).isGreaterThan(pSpun.get("meridian/brenholm-treasurer-verdict") + 0.5);
  }

  @Test
  void brokenInput_isRejectedWithAReason_notFatal() {
    List<String> rejected = new ArrayList<>();
    result.rejected().forEach(r -> rejected.add(r.input() + ": " + r.reason()));
    assertThat(rejected).singleElement().asString()
        .contains("truncated-capture.html.gz").contains("truncated gzip stream");
    assertThat(result.articles()).hasSize(26);
  }

  @Test
  void anUndatedTranscript_getsAnEstimateFromItsLead_andJoinsItsYearsStory() {
    var radio = result.articles().stream().filter(a -> a.id().equals("locals/valley-radio-pumping-station-transcript.txt"))
        .findFirst().orElseThrow();
    assertThat(radio.published()).isNull();
    assertThat(radio.estimated()).isNotNull();
    assertThat(radio.estimated().to()).isEqualTo("2026-04-14");
    var story = result.stories().stream().filter(s -> s.articles().contains(radio.id())).findFirst().orElseThrow();
    assertThat(story.articles()).contains("meridian/varga-returns-teranova").doesNotContain("meridian/2025-04-02-varga-teranova-visit.html");
  }

  @Test
  void residue_isRemovedAndListed() {
    var buzz = result.articles().stream().filter(a -> a.id().equals("farms/dailybuzz-halvern-strike.txt")).findFirst().orElseThrow();
    assertThat(buzz.text()).doesNotContain("Leave a Reply").doesNotContain("#Halvern").doesNotContain("Share this");
    assertThat(buzz.removed()).extracting(r -> r.reason()).contains("comment_form", "hashtags", "share", "author_box", "source_stub", "repeated_title");
    assertThat(buzz.credits()).contains("Northwind Press");
    var mirror = result.articles().stream().filter(a -> a.id().equals("https://worldnewsnow.example/halvern-port-strike")).findFirst().orElseThrow();
    assertThat(mirror.text()).doesNotContain("Related Posts").doesNotContain("Leave a Reply").doesNotContain("newsletter");
  }

  @Test
  void outputFiles_written() throws IOException {
    Path out = Files.createTempDirectory("wiretrace-demo");
    Pipeline.write(result, out);
    for (String f : List.of(Pipeline.ARTICLES, Pipeline.RELATIONS, Pipeline.STORIES, Pipeline.REJECTED, Pipeline.REPORT)) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    assertThat(Files.readAllLines(out.resolve(Pipeline.ARTICLES))).hasSize(26);
    String report = Files.readString(out.resolve(Pipeline.REPORT));
    assertThat(report).contains("<mark>").contains("<mark class=\"sub\">tribunal</mark>").contains("verbatim").contains("spun").contains("Storyline").contains("truncated gzip stream");
  }

  @Test
  void everyStory_countsIndependentReportsAndEchoesFromTheLineage() {
    Set<String> copies = new HashSet<>();
    truth.get("relations").forEach(r -> copies.add(r.get("copy").asText()));
    truth.get("stories").fields().forEachRemaining(e -> {
      List<String> members = new java.util.ArrayList<>();
      e.getValue().forEach(n -> members.add(n.asText()));
      long echoes = members.stream().filter(copies::contains).count();
      io.wiretrace.model.Story story = result.stories().stream().filter(s -> s.articles().contains(members.get(0)))
          .findFirst().orElseThrow();
      io.wiretrace.model.Synthesis sy = result.syntheses().stream().filter(x -> x.story().equals(story.id())).findFirst()
          .orElseThrow();
      assertThat(sy.echoes()).as("echoes of %s", e.getKey()).isEqualTo(echoes);
      assertThat(sy.independent()).as("independent reports of %s", e.getKey()).isEqualTo(members.size() - echoes);
      assertThat(sy.summary()).as("summary of %s", e.getKey()).isNotEmpty()
          .allSatisfy(x -> assertThat(copies).doesNotContain(x.article()));
    });
  }

  @Test
  void everyAlteredQuote_inASpunOrParaphrasedCopy_isFlaggedWithItsDiff_andNoOther() {
    Set<String> expected = new HashSet<>();
    truth.get("quote_drift").forEach(d -> expected.add(d.get("copy").asText() + " | " + d.get("quote").asText()));
    Set<String> found = new HashSet<>();
    for (io.wiretrace.model.Synthesis sy : result.syntheses()) {
      for (io.wiretrace.model.Synthesis.StoryQuote q : sy.quotes()) {
        for (io.wiretrace.model.Synthesis.QuoteVariant v : q.variants()) {
          if (v.drift()) {
            assertThat(v.diff()).isNotBlank();
            String prefix = expected.stream().filter(x -> x.startsWith(v.article() + " | ")
                && q.text().startsWith(x.substring(x.indexOf(" | ") + 3))).findFirst().orElse(v.article() + " | " + q.text());
            found.add(prefix);
          }
        }
      }
    }
    assertThat(found).isEqualTo(expected);
  }
}
