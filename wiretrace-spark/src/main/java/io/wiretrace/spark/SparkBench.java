package io.wiretrace.spark;

import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wiretrace spark bench}: on generated streams with planted copies, the whole job's cost per
 * phase at each size, and in the same run the peer, Spark MLlib's {@code MinHashLSH} with {@code
 * approxSimilarityJoin} over the same 4-gram shingles: wall time, shuffle bytes, and recall and
 * precision of each on the planted (copy, original) pairs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Cost per phase at each size, and MLlib MinHashLSH on the same shingles in the same run.")
final class SparkBench implements Callable<Integer> {
  @Option(names = "--sizes", split = ",", description = "Articles per generated corpus (default 10000)")
  int[] sizes = {10_000};

  @Option(names = "--seed", description = "Corpus seed (default 1)")
  long seed = 1;

  @Option(names = "--dir", description = "Work folder (default: a temporary folder)")
  Path dir;

  @Option(names = "--master", description = "Spark master (default local[*])")
  String master;

  @Option(names = "--mllib-tables", description = "MLlib numHashTables (default 5, as its documentation's example)")
  int tables = 5;

  @Option(names = "--mllib-distance", description = "MLlib join threshold, Jaccard distance (default 0.9: Jaccard >= 0.1, "
      + "so partial copies can be reached)")
  double distance = 0.9;

  @Option(names = "--no-mllib", description = "Skip the peer")
  boolean noMllib;

  @Override
  public Integer call() throws Exception {
    Path work = dir != null ? dir : Files.createTempDirectory("wiretrace-spark-bench");
    Files.createDirectories(work);
    try (SparkSession spark = SparkMain.session(master, "wiretrace spark bench")) {
      for (int n : sizes) {
        Path corpus = work.resolve("planted-" + n + ".jsonl");
        List<PlantedCorpus.Planted> planted = new PlantedCorpus(seed).write(n, corpus);
        Set<String> truth = new HashSet<>();
        planted.forEach(p -> truth.add(p.copy() + "\t" + p.original()));
        System.out.printf(Locale.ROOT, "%n== %,d articles (%,d planted copies), %s ==%n", n, planted.size(),
            spark.sparkContext().master());
        SparkAnalyze.Run run = SparkAnalyze.analyze(spark, List.of(corpus.toString()),
            new SparkAnalyze.Options(false, 0, Runtime.getRuntime().availableProcessors()));
        System.out.print(run.report().table());
        Set<String> found = new HashSet<>();
        for (Relation r : run.result().relations()) {
          found.add(r.copy() + "\t" + r.original());
        }
        double ours = run.report().phases().stream()
            .filter(p -> p.name().equals("candidates") || p.name().equals("verify"))
            .mapToDouble(Metrics.Phase::seconds).sum();
        long oursShuffle = run.report().phases().stream()
            .filter(p -> p.name().equals("candidates") || p.name().equals("verify"))
            .mapToLong(Metrics.Phase::shuffleBytes).sum();
        Score so = score(found, truth);
        String oursKinds = byKind(found, planted);
        System.out.printf(Locale.ROOT, "wiretrace copy detection (candidates + verify): %.2f s, %,.0f articles/s, shuffle %,d bytes "
            + "(%,.0f per article); planted pairs: recall %.3f, precision %.3f (%d relations)%n", ours, n / ours, oursShuffle,
            oursShuffle / (double) n, so.recall(), so.precision(), found.size());
        System.out.println("  recall by planted kind: " + oursKinds);
        if (!noMllib) {
          Peer peer = mllib(spark, run.result().articles(), tables, distance);
          Score sp = score(peer.pairs(), truth);
          System.out.printf(Locale.ROOT, "MLlib MinHashLSH (numHashTables %d, distance < %.2f): %.2f s, %,.0f articles/s, shuffle %,d "
              + "bytes (%,.0f per article); planted pairs: recall %.3f, precision %.3f (%d pairs)%n", tables, distance,
              peer.seconds(), n / peer.seconds(), peer.shuffleBytes(), peer.shuffleBytes() / (double) n, sp.recall(), sp.precision(),
              peer.pairs().size());
          System.out.println("  recall by planted kind: " + byKind(peer.pairs(), planted));
          System.out.printf(Locale.ROOT, "throughput ratio wiretrace / MLlib: %.1fx%n", peer.seconds() / ours);
        }
        System.out.flush();
      }
    }
    return 0;
  }

  record Score(double recall, double precision) {}

  /** Recall and precision of found (copy, original) pairs against the planted ones, direction ignored. */
  static Score score(Set<String> found, Set<String> truth) {
    Set<String> undirected = new HashSet<>();
    for (String t : truth) {
      undirected.add(key(t));
    }
    int hit = 0;
    int relevant = 0;
    for (String f : found) {
      if (undirected.contains(key(f))) {
        hit++;
      }
    }
    Set<String> foundKeys = new HashSet<>();
    found.forEach(f -> foundKeys.add(key(f)));
    for (String t : undirected) {
      if (foundKeys.contains(t)) {
        relevant++;
      }
    }
    return new Score(truth.isEmpty() ? 1 : relevant / (double) undirected.size(), found.isEmpty() ? 1 : hit / (double) found.size());
  }

  /** Recall of each planted kind, e.g. {@code verbatim 1.000 (840/840)}. */
  static String byKind(Set<String> found, List<PlantedCorpus.Planted> planted) {
    Set<String> keys = new HashSet<>();
    found.forEach(f -> keys.add(key(f)));
    java.util.Map<String, int[]> counts = new java.util.TreeMap<>();
    for (PlantedCorpus.Planted p : planted) {
      int[] c = counts.computeIfAbsent(p.kind(), k -> new int[2]);
      c[1]++;
      if (keys.contains(key(p.copy() + "\t" + p.original()))) {
        c[0]++;
      }
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, c) -> sb.append(sb.length() == 0 ? "" : ", ")
        .append(String.format(Locale.ROOT, "%s %.3f (%d/%d)", k, c[0] / (double) c[1], c[0], c[1])));
    return sb.toString();
  }

  private static String key(String pair) {
    String[] p = pair.split("\t");
    return p[0].compareTo(p[1]) < 0 ? p[0] + "\t" + p[1] : p[1] + "\t" + p[0];
  }

  record Peer(Set<String> pairs, double seconds, long shuffleBytes) {}

  /** MLlib MinHashLSH over the same word 4-gram shingles, self-join under the distance threshold. */
  static Peer mllib(SparkSession spark, List<Article> articles, int tables, double distance) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Metrics m = Metrics.attach(spark.sparkContext());
    m.phase("mllib input");
    StructType schema = new StructType().add("id", DataTypes.StringType).add("features", SQLDataTypes.VectorType());
    JavaRDD<Row> rows = jsc.parallelize(articles, Math.max(2, jsc.defaultParallelism() * 2)).flatMap(a -> {
      long[] sh = SparkAnalyze.Executor.detector().fingerprint(a).shingles();
      int[] idx = Arrays.stream(sh).mapToInt(s -> (int) (s & ((1 << 30) - 1))).distinct().sorted().toArray();
      if (idx.length == 0) {
        return java.util.Collections.emptyIterator(); // MLlib rejects empty vectors
      }
      double[] ones = new double[idx.length];
      Arrays.fill(ones, 1.0);
      return List.of(RowFactory.create(a.id(), Vectors.sparse(1 << 30, idx, ones))).iterator();
    });
    Dataset<Row> df = spark.createDataFrame(rows, schema).cache();
    df.count(); // the shingle vectors in memory before the clock starts, as ours are (the per-document stage)
    m.phase("mllib");
    long t0 = System.nanoTime();
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setSeed(42).setInputCol("features")
        .setOutputCol("hashes").fit(df);
    List<Row> joined = model.approxSimilarityJoin(df, df, distance, "distance")
        .selectExpr("datasetA.id as a", "datasetB.id as b")
        .where("a < b").collectAsList();
    double secs = (System.nanoTime() - t0) / 1e9;
    Metrics.Report r = m.finish();
    df.unpersist();
    long shuffle = r.phases().stream().filter(p -> p.name().equals("mllib")).mapToLong(Metrics.Phase::shuffleBytes).sum();
    Set<String> pairs = new HashSet<>();
    for (Row row : joined) {
      pairs.add(row.getString(0) + "\t" + row.getString(1));
    }
    return new Peer(pairs, secs, shuffle);
  }
}
