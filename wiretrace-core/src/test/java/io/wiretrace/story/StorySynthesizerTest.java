package io.wiretrace.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Annotations;
import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import io.wiretrace.model.Synthesis;
import io.wiretrace.nlp.Annotator;
import io.wiretrace.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorySynthesizerTest {
  private static final String ORIGINAL = """
      HALVERN (Northwind Press) — The Halvern city council approved a new flood barrier on Monday after a year of debate.

      “The river will not wait for us, and neither can we,” Mayor Lena Brandt said after the vote.

      Work on the barrier will begin on June 2, the council said. Brandt said the barrier would protect 4,000 homes.""";
  private static final String SPUN = ORIGINAL.replace("The river will not wait for us, and neither can we",
      "The stream will not stay for us, and neither can we");

  private static final Annotator ANNOTATOR = new Annotator();

  private static Synthesis synthesize(List<Article> articles, List<Relation> relations, List<String> originals) {
    Map<String, Article> byId = new HashMap<>();
    Map<String, Annotations> annotations = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (Article a : articles) {
      byId.put(a.id(), a);
      annotations.put(a.id(), ANNOTATOR.annotate(a));
      ids.add(a.id());
    }
    Story story = new Story("s0001", "Flood barrier", "s0001", ids, originals, List.of(), null);
    return new StorySynthesizer().synthesize(story, byId, annotations, relations);
  }

  private static Relation copy(String copy, String original, String kind) {
    return new Relation(copy, original, kind, 1.0, 1.0, List.of(), "publish_time", Map.of());
  }

  @Test
  void oneOriginalAndFourReprintsIsOneIndependentReportAndFourEchoes() {
    List<Article> articles = new ArrayList<>();
    articles.add(Fixtures.article("orig", "2025-03-10T08:00:00Z", "Northwind Press", "Flood barrier", ORIGINAL));
    List<Relation> relations = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      articles.add(Fixtures.article("reprint" + i, "2025-03-10T1" + i + ":00:00Z", "Site " + i, "Flood barrier", ORIGINAL));
      relations.add(copy("reprint" + i, "orig", "verbatim"));
    }
    Synthesis s = synthesize(articles, relations, List.of("orig"));
    assertThat(s.independent()).isEqualTo(1);
    assertThat(s.echoes()).isEqualTo(4);
    assertThat(s.lineage()).hasSize(4);
    // the summary credits the original's outlet and is drawn from independent reports only
    assertThat(s.summary()).isNotEmpty().allSatisfy(x -> {
      assertThat(x.article()).isEqualTo("orig");
      assertThat(x.outlet()).isEqualTo("Northwind Press");
      assertThat(x.sources()).isEqualTo(1);
    });
  }

  @Test
  void aQuoteAlteredInASpunCopyIsFlaggedWithTheDiff() {
    List<Article> articles = List.of(
        Fixtures.article("orig", "2025-03-10T08:00:00Z", "Northwind Press", "Flood barrier", ORIGINAL),
        Fixtures.article("spun", "2025-03-10T20:00:00Z", "buzz", "Flood barrier", SPUN),
        Fixtures.article("reprint", "2025-03-10T21:00:00Z", "reprints", "Flood barrier", ORIGINAL));
    Synthesis s = synthesize(articles, List.of(copy("spun", "orig", "spun"), copy("reprint", "orig", "verbatim")),
        List.of("orig"));
    Synthesis.StoryQuote q = s.quotes().stream().filter(x -> x.text().contains("neither can we")).findFirst().orElseThrow();
    assertThat(q.first()).isEqualTo("orig");
    assertThat(q.speaker()).isEqualTo("Mayor Lena Brandt");
    assertThat(q.variants()).extracting(Synthesis.QuoteVariant::article).containsExactly("orig", "spun", "reprint");
    Synthesis.QuoteVariant spun = q.variants().get(1);
    assertThat(spun.drift()).isTrue();
    assertThat(spun.diff()).isEqualTo("+stream -river +stay -wait");
    assertThat(q.variants().get(2).drift()).isFalse();
    assertThat(q.variants().get(0).drift()).isFalse();
  }

  @Test
  void timelineResolvesDatesAgainstThePublishDateAndMergesOutlets() {
    List<Article> articles = List.of(
        Fixtures.article("a", "2025-03-10T08:00:00Z", "Northwind Press", "Flood barrier", ORIGINAL),
        Fixtures.article("b", "2025-03-10T09:00:00Z", "Gazette", "Barrier approved",
            "The city council approved a new flood barrier on Monday after a long debate about its cost."));
    Synthesis s = synthesize(articles, List.of(), List.of("a", "b"));
    assertThat(s.timeline()).extracting(Synthesis.TimelineEvent::date).contains("2025-03-10", "2025-06-02");
    Synthesis.TimelineEvent monday = s.timeline().stream().filter(e -> e.date().equals("2025-03-10")).findFirst().orElseThrow();
    assertThat(monday.articles()).containsExactly("a", "b");
  }

  @Test
  void diffListsRemovedAndAddedWords() {
    assertThat(StorySynthesizer.diff("we will rebuild the town", "we shall rebuild the town")).isEqualTo("+shall -will");
    assertThat(StorySynthesizer.diff("same words", "Same words!")).isEmpty();
  }
  @Test
  void sparseGraph_givesTheDenseMatrixsSimilaritiesAndRanks_bitForBit() {
    java.util.Random random = new java.util.Random(7);
    String[] vocabulary = new String[60];
    for (int t = 0; t < vocabulary.length; t++) {
      vocabulary[t] = "term" + t;
    }
    List<Map<String, Double>> vectors = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Map<String, Double> v = new java.util.TreeMap<>();
      int size = 4 + random.nextInt(12);
      while (v.size() < size) {
        // a skewed choice, so some terms are shared widely and many pairs share nothing
        String t = vocabulary[(int) Math.floor(Math.pow(random.nextDouble(), 2) * vocabulary.length)];
        v.merge(t, 1.0 + random.nextInt(3), Double::sum);
      }
      vectors.add(v);
    }
    int n = vectors.size();
    double[][] dense = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        dense[i][j] = dense[j][i] = StorySynthesizer.cosine(vectors.get(i), vectors.get(j));
      }
    }
    StorySynthesizer.Graph g = StorySynthesizer.Graph.of(vectors);
    for (int i = 0; i < n; i++) {
      assertThat(g.row(i)).as("row %d", i).containsExactly(dense[i]);
    }
    assertThat(g.lexRank()).containsExactly(denseLexRank(dense));
    long edges = java.util.Arrays.stream(dense).flatMapToDouble(java.util.Arrays::stream).filter(c -> c >= StorySynthesizer.EDGE).count();
    assertThat(edges).as("a graph with edges and gaps").isBetween(200L, (long) n * (n - 1) - 200);
  }

  /** LexRank over a dense similarity matrix, as the synthesizer computed it before its graph was sparse. */
  private static double[] denseLexRank(double[][] sim) {
    int n = sim.length;
    double[] degree = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j && sim[i][j] >= StorySynthesizer.EDGE) {
          degree[i] += sim[i][j];
        }
      }
    }
    double[] r = new double[n];
    java.util.Arrays.fill(r, 1.0 / n);
    for (int it = 0; it < 50; it++) {
      double[] next = new double[n];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          if (i != j && sim[j][i] >= StorySynthesizer.EDGE && degree[j] > 0) {
            s += sim[j][i] / degree[j] * r[j];
          }
        }
        next[i] = (1 - StorySynthesizer.DAMPING) / n + StorySynthesizer.DAMPING * s;
      }
      r = next;
    }
    return r;
  }
}
