package io.wiretrace.eval;

import io.wiretrace.model.Entity;
import io.wiretrace.nlp.EntityRecognizer;
import io.wiretrace.nlp.QuoteExtractor;
import io.wiretrace.nlp.TimeTagger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Throughput of the enrichment stage on real news text (PolNeAR's article texts, read in place,
 * EVAL-only): one thread, after a warm-up pass, tokens per second for each component and articles
 * per second for all three together.
 */
public final class EnrichBench {
  public EvalTask.Table run(Path data, PrintWriter log) throws IOException {
    Path dir = EvalTask.require(data.resolve("enrich/polnear/data/train/text"), "PolNeAR texts");
    List<String> texts = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        texts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    long tokens = 0;
    for (String t : texts) {
      tokens += EntityRecognizer.tokenize(t).size();
    }
    EntityRecognizer ner = EntityRecognizer.load();
    QuoteExtractor quotes = new QuoteExtractor();
    TimeTagger time = new TimeTagger();
    LocalDate ref = LocalDate.of(2016, 6, 1);
    List<List<Entity>> entities = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) { // pass 0 warms up
      entities.clear();
      long t0 = System.nanoTime();
      for (String t : texts) {
        entities.add(ner.recognize(t));
      }
      long t1 = System.nanoTime();
      long quoteCount = 0;
      for (int i = 0; i < texts.size(); i++) {
        quoteCount += quotes.extract(texts.get(i), entities.get(i)).size();
      }
      long t2 = System.nanoTime();
      long timexes = 0;
      for (String t : texts) {
        timexes += time.tag(t, ref).size();
      }
      long t3 = System.nanoTime();
      if (pass == 0) {
        log.printf("warm-up done: %d articles, %,d tokens, %,d quotes, %,d timexes%n", texts.size(), tokens, quoteCount, timexes);
        log.flush();
        continue;
      }
      double ne = (t1 - t0) / 1e9;
      double qu = (t2 - t1) / 1e9;
      double ti = (t3 - t2) / 1e9;
      double all = ne + qu + ti;
      EvalTask.Table table = new EvalTask.Table("Enrichment throughput, one thread (" + texts.size()
          + " PolNeAR news articles, " + String.format(Locale.ROOT, "%,d", tokens) + " tokens)",
          List.of("component", "seconds", "tokens/s", "articles/s"));
      table.row("entities (name finder + gazetteer + coreference)", String.format(Locale.ROOT, "%.2f", ne), rate(tokens, ne), rate(texts.size(), ne));
      table.row("quotes (given entities)", String.format(Locale.ROOT, "%.2f", qu), rate(tokens, qu), rate(texts.size(), qu));
      table.row("time (TIMEX3 tagging + normalization)", String.format(Locale.ROOT, "%.2f", ti), rate(tokens, ti), rate(texts.size(), ti));
      table.row("all three", String.format(Locale.ROOT, "%.2f", all), rate(tokens, all), rate(texts.size(), all));
      table.note("Target (issue 6): >= 100 articles/s per core for the enrichment stage.");
      return table;
    }
    throw new AssertionError("unreachable");
  }

  private static String rate(double n, double seconds) {
    return String.format(Locale.ROOT, "%,.0f", n / Math.max(1e-9, seconds));
  }
}
