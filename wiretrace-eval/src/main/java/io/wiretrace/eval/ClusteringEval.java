package io.wiretrace.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.cluster.StoryClusterer;
import io.wiretrace.extract.Extractor;
import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import io.wiretrace.reuse.CopyDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Story clustering on ECB+ (Cybulska &amp; Vossen 2014): gold story = {@code event_cluster} (a seminal
 * event), gold storyline-like group = {@code topic}. Prints BCubed and pairwise P/R/F1 on the
 * published cross-validation split's test topics (36-45) and, for reference, dev (tuning happens
 * on dev only), next to the topic-lumping baseline (every gold topic predicted as one story).
 *
 * <p>ECB+ documents carry no dates, so the clusterer's time term is off (undated articles are never
 * excluded from a story by the time window) and articles are visited in id order.
 */
final class ClusteringEval implements EvalTask {
  private static final String FILE = "clustering/ecbplus/ecbplus_documents.jsonl";

  record Doc(String id, String title, String text, String split, String event, String topic) {}

  static List<Doc> load(Path data) throws IOException {
    Path f = data.resolve(FILE);
    if (!Files.exists(f)) {
      throw new NoSuchFileException(f.toString(), null, "ECB+ documents not found");
    }
    ObjectMapper om = new ObjectMapper();
    List<Doc> docs = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = om.readTree(line);
        docs.add(new Doc(n.get("doc_name").asText(), n.path("title").asText(null), n.get("text").asText(),
            n.get("split_cv2015").asText(), n.get("event_cluster").asText(), n.get("topic").asText()));
      }
    }
    return docs;
  }

  @Override
  public Table run(Path data, PrintWriter log) throws IOException {
    List<Doc> all = load(data);
    Table t = new Table("Story clustering on ECB+ (" + FILE + ")",
        List.of("split / level", "system", "clusters (gold)", "BCubed P", "BCubed R", "BCubed F1", "pair P", "pair R", "pair F1"));
    for (String split : List.of("dev", "test")) {
      List<Doc> docs = all.stream().filter(d -> d.split().equals(split)).toList();
      List<Article> articles = new ArrayList<>();
      for (Doc d : docs) {
        // sentences are one per line in the dataset; make them one paragraph each
        articles.add(new Article(d.id(), null, d.title(), null, null, null, null, "en",
            d.text().replace("\n", "\n\n"), List.of(), List.of(), Extractor.NOT_ASSESSED));
      }
      List<Relation> rels = new CopyDetector().detect(articles);
      List<Story> stories = StoryClusterer.builder().build().cluster(articles, rels);
      Map<String, String> storyOf = new HashMap<>();
      Map<String, String> lineOf = new HashMap<>();
      for (Story s : stories) {
        for (String a : s.articles()) {
          storyOf.put(a, s.id());
          lineOf.put(a, s.storyline());
        }
      }
      List<String> predStory = new ArrayList<>();
      List<String> predLine = new ArrayList<>();
      List<String> goldEvent = new ArrayList<>();
      List<String> goldTopic = new ArrayList<>();
      for (Doc d : docs) {
        predStory.add(storyOf.get(d.id()));
        predLine.add(lineOf.get(d.id()));
        goldEvent.add(d.event());
        goldTopic.add(d.topic());
      }
      long events = goldEvent.stream().distinct().count();
      long topics = goldTopic.stream().distinct().count();
      row(t, split + " / event", "wiretrace stories", predStory, goldEvent, events);
      row(t, split + " / event", "topic lumping (baseline)", goldTopic, goldEvent, events);
      row(t, split + " / topic", "wiretrace storylines", predLine, goldTopic, topics);
      row(t, split + " / topic", "wiretrace stories", predStory, goldTopic, topics);
      log.printf("%s: %d documents, %d copy relations found%n", split, docs.size(), rels.size());
      log.flush();
    }
    t.note("ECB+ has no publication dates: the time window is inactive (undated articles are never excluded), order is by id.");
    t.note("Parameters are the shipped defaults of StoryClusterer; tuned on dev only.");
    return t;
  }

  private static void row(Table t, String level, String system, List<String> pred, List<String> gold, long goldClusters) {
    ClusterScores.Prf b = ClusterScores.bcubed(pred, gold);
    ClusterScores.PairCounts p = ClusterScores.pairs(pred, gold);
    t.row(level, system, pred.stream().distinct().count() + " (" + goldClusters + ")", b.precision(), b.recall(), b.f1(),
        p.precision(), p.recall(), p.f1());
  }
}
