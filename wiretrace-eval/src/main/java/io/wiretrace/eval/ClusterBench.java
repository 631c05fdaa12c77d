package io.wiretrace.eval;

import io.wiretrace.cluster.StoryClusterer;
import io.wiretrace.extract.Extractor;
import io.wiretrace.model.Article;
import io.wiretrace.model.Story;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A timed harness for the story-clustering stage on a synthetic news stream: events start through
 * a year (a fixed seed), each with its own names and topic words; each event gets a burst of 3-15
 * articles over its first days, each article 120-220 words mixing the event's words with common
 * Zipf-distributed background words. Reports articles per second and the agreement with the
 * generated events (BCubed F1), for growing stream lengths.
 */
public final class ClusterBench {
  private final ZipfWords vocabulary = new ZipfWords(5, 60_000, 1.05);

  private String background(Random r) {
    return vocabulary.next(r);
  }

  /** A stream of {@code n} articles over one year with their gold event ids. */
  List<Article> stream(int n, Map<String, Integer> gold) {
    return stream(n, gold, 365);
  }

  /** A stream of {@code n} articles whose events start on one of {@code days} days, with their gold event ids. */
  List<Article> stream(int n, Map<String, Integer> gold, int days) {
    Random r = new Random(17);
    List<Article> out = new ArrayList<>(n);
    LocalDate start = LocalDate.of(2025, 1, 1);
    int event = 0;
    while (out.size() < n) {
      int day = r.nextInt(days);
      String[] words = new String[18];
      for (int k = 0; k < words.length; k++) {
        // event words come from the rare end of the vocabulary: names and specific terms
        words[k] = Character.toUpperCase(vocabulary.word(20_000 + r.nextInt(40_000)).charAt(0)) + vocabulary.word(20_000 + r.nextInt(40_000)).substring(1);
      }
      int burst = 3 + r.nextInt(13);
      for (int a = 0; a < burst && out.size() < n; a++) {
        int len = 120 + r.nextInt(101);
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < len; w++) {
          sb.append(w % 15 == 0 && w > 0 ? ". " : " ");
          sb.append(r.nextDouble() < 0.3 ? words[r.nextInt(words.length)] : background(r));
        }
        String id = String.format(Locale.ROOT, "e%06d-a%02d", event, a);
        String date = start.plusDays(Math.min(days - 1, day + r.nextInt(4))).toString();
        out.add(new Article(id, null, words[0] + " " + words[1] + " " + background(r), date, null, null, null, "en",
            sb.toString().strip(), List.of(), List.of(), Extractor.NOT_ASSESSED));
        gold.put(id, event);
      }
      event++;
    }
    return out;
  }

  /** Clusters streams of each size in {@code sizes} and prints a table. */
  public EvalTask.Table run(int[] sizes, PrintWriter log) {
    EvalTask.Table t = new EvalTask.Table("Story clustering on a synthetic stream over one year (one thread)",
        List.of("articles", "articles/s", "us/article", "stories (events)", "BCubed F1 vs generated events"));
    StoryClusterer c = StoryClusterer.builder().build();
    for (int n : sizes) {
      Map<String, Integer> gold = new HashMap<>();
      List<Article> articles = stream(n, gold);
      if (n == sizes[0]) {
        c.cluster(articles.subList(0, Math.min(2000, n)), List.of()); // warm-up
      }
      long t0 = System.nanoTime();
      List<Story> stories = c.cluster(articles, List.of());
      double secs = (System.nanoTime() - t0) / 1e9;
      List<String> pred = new ArrayList<>();
      List<Integer> truth = new ArrayList<>();
      for (Story s : stories) {
        for (String id : s.articles()) {
          pred.add(s.id());
          truth.add(gold.get(id));
        }
      }
      t.row(String.format(Locale.ROOT, "%,d", n), String.format(Locale.ROOT, "%.0f", n / secs),
          String.format(Locale.ROOT, "%.0f", secs * 1e6 / n), stories.size() + " (" + truth.stream().distinct().count() + ")",
          ClusterScores.bcubed(pred, truth).f1());
      log.printf("clustered %,d%n", n);
      log.flush();
    }
    t.note("The whole stage as the pipeline runs it: term extraction, batch IDF, online assignment with the inverted story index, storylines, evidence.");
    return t;
  }
}
