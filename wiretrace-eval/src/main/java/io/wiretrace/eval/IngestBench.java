package io.wiretrace.eval;

import io.wiretrace.extract.Extractor;
import io.wiretrace.model.Annotations;
import io.wiretrace.model.Article;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A timed harness for {@code wiretrace ingest}: how the cost of one new article changes as the
 * store grows. The store is filled with {@link ClusterBench}'s synthetic one-year stream, one article
 * in five a planted copy (verbatim or with a sentence dropped) of an earlier one, in publication
 * order; at each size a probe of new articles (again one in five a copy of a stored article) is
 * timed in two parts: the per-document stages (read, extract, annotate: JSONL through
 * {@link Pipeline#prepare}, independent of the store size) and the store's part (candidates from
 * stored postings, verification, lineage, story placement, write, refresh, commit).
 */
public final class IngestBench {
  static final int PROBE = 500;
  static final int WARMUP = 300;
  /** Articles a day in the generated stream (a large monitoring feed). */
  static final int PER_DAY = 1000;

  /** Fills a store in {@code dir} up to each of {@code sizes} and times a probe at each. */
  public EvalTask.Table run(int[] sizes, Path dir, PrintWriter log) throws IOException {
    EvalTask.Table t = new EvalTask.Table("Incremental ingest as the store grows (one thread; probe of " + PROBE
        + " new articles at each size, one in five a copy of a stored article)",
        List.of("stored articles", "store us/article", "pipeline us/article", "total articles/s", "CPU us/article (ingest thread)", "CPU us/article (process)",
            "copies linked in probe", "store bytes/article"));
    int max = 0;
    for (int n : sizes) {
      max = Math.max(max, n);
    }
    // a living store grows with time at a steady daily volume: the stream comes in publication order at
    // PER_DAY articles a day, so the open stories a new article is compared with do not grow with the store
    int total = max + PROBE * sizes.length;
    List<Article> generated = new ArrayList<>(new ClusterBench().stream(total, new HashMap<>(), Math.max(1, total / PER_DAY)));
    generated.sort(java.util.Comparator.comparing(Article::published).thenComparing(Article::id));
    List<Article> stream = withCopies(generated, 41);
    Pipeline pipeline = Pipeline.builder().threads(1).paraphrases(false).build();
    // warm-up: the per-document stages load their models and tables on first use; the probe times the steady state
    Path warm = dir.resolveSibling(dir.getFileName() + "-warmup.jsonl");
    writeJsonl(warm, stream.subList(0, Math.min(WARMUP, stream.size())), stream.subList(0, 1));
    pipeline.prepare(List.of(warm), id -> false);
    Files.delete(warm);
    int filled = 0;
    try (Store store = Store.open(dir, 5000)) {
      for (int s = 0; s < sizes.length; s++) {
        int n = sizes[s];
        while (filled < n) {
          int to = Math.min(n, filled + 5000);
          store.ingest(prepared(stream.subList(filled, to)));
          filled = to;
          log.printf("stored %,d%n", filled);
          log.flush();
        }
        // the probe: new articles from later in the stream (so they may copy stored ones), through the whole path
        List<Article> probe = new ArrayList<>(stream.subList(max + s * PROBE, max + (s + 1) * PROBE));
        Path jsonl = dir.resolveSibling(dir.getFileName() + "-probe-" + n + ".jsonl");
        writeJsonl(jsonl, probe, stream.subList(0, n));
        store.awaitMerges(); // the fill's merges would otherwise run during the probe
        long c0 = cpuNanos();
        long tc0 = threadCpuNanos();
        long t0 = System.nanoTime();
        Pipeline.Prepared p = pipeline.prepare(List.of(jsonl), store::contains);
        long t1 = System.nanoTime();
        Store.IngestReport r = store.ingest(p);
        long t2 = System.nanoTime();
        store.awaitMerges(); // the probe's own merges count into its CPU time
        double cpuUs = (cpuNanos() - c0) / 1e3 / PROBE;
        double threadCpuUs = (threadCpuNanos() - tc0) / 1e3 / PROBE;
        Files.delete(jsonl);
        double storeUs = (t2 - t1) / 1e3 / PROBE;
        double pipeUs = (t1 - t0) / 1e3 / PROBE;
        t.row(String.format(Locale.ROOT, "%,d", n), String.format(Locale.ROOT, "%.0f", storeUs),
            String.format(Locale.ROOT, "%.0f", pipeUs), String.format(Locale.ROOT, "%.0f", 1e6 / (storeUs + pipeUs)),
            String.format(Locale.ROOT, "%.0f", threadCpuUs), String.format(Locale.ROOT, "%.0f", cpuUs), r.relations(), String.format(Locale.ROOT, "%.0f", store.sizeOnDisk() / (double) (n + PROBE * (s + 1))));
        filled = n;
      }
    }
    t.note("The stream: " + PER_DAY + " articles a day in publication order (each size is that many days of news). ");
    t.note("The per-document stages are warmed up on " + WARMUP + " articles first (models and tables load on first use). The fill uses the same store path with articles built directly (no extraction or annotation: that part does not "
        + "depend on the store and is timed in the probe). Probe copies are of stored articles, so their originals are found "
        + "through stored postings.");
    return t;
  }

  private static long threadCpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** CPU time of the whole process (ingest thread, Lucene's merge threads, GC, JIT). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Every fifth article replaced by a copy of an earlier one (verbatim or with its second sentence dropped). */
  static List<Article> withCopies(List<Article> stream, long seed) {
    Random r = new Random(seed);
    List<Article> out = new ArrayList<>(stream.size());
    for (int i = 0; i < stream.size(); i++) {
      Article a = stream.get(i);
      if (i > 10 && i % 5 == 0) {
        Article o = out.get(i - 1 - r.nextInt(Math.min(i - 1, 200)));
        String text = o.text();
        if (r.nextBoolean()) {
          int dot = text.indexOf(". ");
          int dot2 = dot < 0 ? -1 : text.indexOf(". ", dot + 2);
          if (dot2 > 0) {
            text = text.substring(0, dot + 2) + text.substring(dot2 + 2);
          }
        }
        a = new Article(a.id() + "-copy", null, o.title(), a.published(), "Copy Farm " + (i % 7), null, null, "en", text,
            List.of(), List.of(), Extractor.NOT_ASSESSED);
      }
      out.add(a);
    }
    return out;
  }

  private static Pipeline.Prepared prepared(List<Article> articles) {
    List<Annotations> an = new ArrayList<>();
    for (Article a : articles) {
      an.add(new Annotations(a.id(), List.of(), List.of(), List.of()));
    }
    return new Pipeline.Prepared(articles, an, List.of(), 0);
  }

  private static void writeJsonl(Path f, List<Article> probe, List<Article> stored) throws IOException {
    Random r = new Random(probe.size() + stored.size());
    StringBuilder sb = new StringBuilder();
    com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
    for (int i = 0; i < probe.size(); i++) {
      Article a = probe.get(i);
      String text = a.text();
      String title = a.title();
      String id = "probe/" + a.id();
      if (i % 5 == 0) { // a copy of a stored article
        Article o = stored.get(stored.size() - 1 - r.nextInt(Math.min(stored.size(), 2000)));
        text = o.text();
        title = o.title();
        id += "-copy";
      }
      java.util.Map<String, Object> line = new java.util.LinkedHashMap<>();
      line.put("id", id);
      line.put("title", title);
      line.put("published", a.published());
      line.put("outlet", "Probe Wire");
      line.put("text", text);
      sb.append(m.writeValueAsString(line)).append('\n');
    }
    Files.writeString(f, sb, StandardCharsets.UTF_8);
  }
}
