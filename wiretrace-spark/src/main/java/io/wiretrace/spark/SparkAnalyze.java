package io.wiretrace.spark;

import io.wiretrace.model.Annotations;
import io.wiretrace.model.Article;
import io.wiretrace.model.RawDocument;
import io.wiretrace.model.Rejection;
import io.wiretrace.model.Relation;
import io.wiretrace.pipeline.AnalysisResult;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.reuse.CandidateIndex;
import io.wiretrace.reuse.CopyDetector;
import io.wiretrace.reuse.Fingerprint;
import io.wiretrace.source.ReadResult;
import io.wiretrace.source.Sources;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The {@code analyze} pipeline on Spark. What runs where:
 * <ol>
 *   <li>driver: the input listing ({@link Inputs}), the same ids as {@code analyze} gives;
 *   <li>executors, per file: read (any Hadoop file system), then per document, after ids are made
 *       unique by a shuffle on id (first in discovery order wins, as in {@code analyze}): extract,
 *       intrinsic rewrite verdict, annotate — {@link Pipeline#extract} and {@link Pipeline#annotate},
 *       the embedded code itself;
 *   <li>executors: fingerprints; candidates as two shuffles — MinHash-LSH band keys (32 × 4) and the
 *       sampled-shingle postings with the embedded posting cap (the first {@link
 *       CandidateIndex#POSTING_CAP} articles in id order per shingle) and the same
 *       {@link CandidateIndex#MIN_SHARED} threshold — so the candidate set is exactly the one
 *       {@link CandidateIndex} builds one article at a time;
 *   <li>executors: verification and alignment of each candidate pair ({@link CopyDetector#verify}),
 *       after joining the pair with both articles;
 *   <li>driver: lineage over the verified edges ({@link CopyDetector#lineage}), then stories,
 *       paraphrased copies and synthesis ({@link Pipeline#finish}).
 * </ol>
 * The result equals {@code Pipeline.analyze} over the same inputs (tested on the demo corpus and
 * generated corpora in local mode); nothing depends on partitioning, as every cross-document step
 * is ordered by article id.
 */
public final class SparkAnalyze {
  private SparkAnalyze() {}

  /** Options of a run. */
  public record Options(boolean paraphrases, int partitions, int driverThreads) implements Serializable {
    public static final Options DEFAULT = new Options(true, 0, Runtime.getRuntime().availableProcessors());
  }

  /** What a run produced and what each phase cost. */
  public record Run(AnalysisResult result, Metrics.Report report) {}

  /** Analyzes {@code inputs} (local paths or Hadoop URIs: file:, hdfs:, s3a:, ...). */
  public static Run analyze(SparkSession spark, List<String> inputs, Options options) throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Metrics metrics = Metrics.attach(spark.sparkContext());
    int parts = options.partitions() > 0 ? options.partitions() : Math.max(2, jsc.defaultParallelism() * 2);
    Broadcast<Map<String, String>> conf = jsc.broadcast(hadoopConf(jsc.hadoopConfiguration()));

    metrics.phase("list");
    Inputs.Listing listing = Inputs.list(inputs, jsc.hadoopConfiguration());
    List<Rejection> rejected = new ArrayList<>(listing.rejections());

    metrics.phase("read");
    JavaRDD<Inputs.Task> tasks = jsc.parallelize(listing.tasks(), Math.max(1, Math.min(parts, listing.tasks().size())));
    JavaRDD<Read> read = tasks.flatMap(t -> readFile(t, conf.value()))
        .union(Inputs.parquetDocuments(spark, listing.parquet(), listing.tasks().size()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    rejected.addAll(read.filter(r -> r.rejection() != null).map(Read::rejection).collect());

    metrics.phase("unique ids");
    JavaPairRDD<String, Iterable<Read>> byId = read.filter(r -> r.doc() != null)
        .mapToPair(r -> new Tuple2<>(r.doc().id(), r)).groupByKey(parts);
    JavaRDD<Object> kept = byId.flatMap(SparkAnalyze::firstOfId);

    metrics.phase("extract and annotate");
    JavaRDD<Object> prepared = kept.mapPartitions(SparkAnalyze::prepare).persist(StorageLevel.MEMORY_AND_DISK());
    rejected.addAll(prepared.filter(o -> o instanceof Rejection).map(o -> (Rejection) o).collect());
    JavaRDD<Prepped> done = prepared.filter(o -> o instanceof Prepped).map(o -> (Prepped) o);
    JavaPairRDD<Long, Prepped> indexed = done.sortBy(p -> p.article().id(), true, parts).zipWithIndex()
        .mapToPair(t -> new Tuple2<>(t._2(), t._1())).persist(StorageLevel.MEMORY_AND_DISK());
    read.unpersist(false);

    metrics.phase("candidates");
    JavaPairRDD<Long, Long> pairs = candidates(indexed.mapValues(Prepped::article), parts);

    metrics.phase("verify");
    JavaPairRDD<Long, Article> articles = indexed.mapValues(Prepped::article);
    List<CopyDetector.Edge> edges = pairs
        .join(articles, parts) // (x, (y, ax))
        .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
        .join(articles, parts) // (y, (ax, ay))
        .flatMap(t -> verify(t._2()._1(), t._2()._2()))
        .collect();

    metrics.phase("lineage, stories, synthesis (driver)");
    List<Relation> relations = CopyDetector.lineage(edges);
    List<Prepped> all = indexed.sortByKey().values().collect();
    prepared.unpersist(false);
    indexed.unpersist(false);
    List<Article> arts = new ArrayList<>(all.size());
    List<Annotations> anns = new ArrayList<>(all.size());
    for (Prepped p : all) {
      arts.add(p.article());
      anns.add(p.annotated().annotations());
      if (p.annotated().failure() != null) {
        rejected.add(p.annotated().failure());
      }
    }
    Pipeline pipeline = Pipeline.builder().threads(Math.max(1, Math.min(256, options.driverThreads())))
        .paraphrases(options.paraphrases()).build();
    AnalysisResult result = pipeline.finish(new Pipeline.Prepared(arts, anns, rejected, 0), relations);
    metrics.counter("articles", arts.size());
    metrics.counter("candidate pairs", pairs.count());
    metrics.counter("verified edges", edges.size());
    metrics.counter("relations", relations.size());
    return new Run(result, metrics.finish());
  }

  /** One thing a reader found: a document (with its place in discovery order) or a rejection. */
  record Read(long file, int record, RawDocument doc, Rejection rejection) implements Serializable {}

  /** An extracted article with its annotations (and the failure report when the annotator failed). */
  record Prepped(Article article, Pipeline.Annotated annotated) implements Serializable {}

  static Iterator<Read> readFile(Inputs.Task t, Map<String, String> conf) {
    Configuration c = new Configuration(false);
    if (!t.local()) {
      conf.forEach(c::set);
    }
    ReadResult r;
    if (t.local()) { // the embedded reader itself: regular-file checks and rejection texts included
      r = Sources.read(new io.wiretrace.source.SourceFile(java.nio.file.Path.of(t.where()), t.id()));
    } else {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(t.uri());
      r = Sources.read(t.id(), t.where(), t.fileName(), () -> p.getFileSystem(c).open(p));
    }
    List<Read> out = new ArrayList<>(r.documents().size() + r.rejections().size());
    for (int i = 0; i < r.documents().size(); i++) {
      out.add(new Read(t.index(), i, r.documents().get(i), null));
    }
    for (Rejection j : r.rejections()) {
      out.add(new Read(t.index(), -1, null, j));
    }
    return out.iterator();
  }

  /** The first document of an id in discovery order, then the rejections of the later ones. */
  static Iterator<Object> firstOfId(Tuple2<String, Iterable<Read>> group) {
    List<Read> reads = new ArrayList<>();
    group._2().forEach(reads::add);
    // discovery order; rows of one Parquet table share (file, record): their content breaks the tie
    reads.sort(Comparator.comparingLong(Read::file).thenComparingInt(Read::record)
        .thenComparing(r -> r.doc().input()).thenComparing(r -> r.doc().content()));
    List<Object> out = new ArrayList<>(reads.size());
    RawDocument first = reads.get(0).doc();
    out.add(first);
    for (int i = 1; i < reads.size(); i++) {
      out.add(Pipeline.duplicate(reads.get(i).doc(), first));
    }
    return out.iterator();
  }

  static Iterator<Object> prepare(Iterator<Object> in) {
    Pipeline pipeline = Executor.pipeline();
    List<Object> out = new ArrayList<>();
    while (in.hasNext()) {
      Object o = in.next();
      if (o instanceof Rejection r) {
        out.add(r);
        continue;
      }
      Object x = pipeline.extract((RawDocument) o);
      if (x instanceof Article a) {
        out.add(new Prepped(a, pipeline.annotate(a)));
      } else {
        out.add(x);
      }
    }
    return out.iterator();
  }

  /**
   * The candidate pairs {@link CandidateIndex} finds adding the articles in index (id) order, as
   * {@code (x, y)} with {@code x < y}.
   */
  static JavaPairRDD<Long, Long> candidates(JavaPairRDD<Long, Article> articles, int parts) {
    JavaPairRDD<Long, Keys> keys = articles.mapValues(SparkAnalyze::keys).filter(t -> t._2().bands().length > 0)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // channel 1: documents sharing an LSH band bucket
    JavaPairRDD<Long, Long> lsh = keys
        .flatMapToPair(t -> Arrays.stream(t._2().bands()).mapToObj(b -> new Tuple2<>(b, t._1())).iterator())
        .groupByKey(parts)
        .flatMapToPair(g -> allPairs(g._2(), Integer.MAX_VALUE));
    // channel 2: documents sharing MIN_SHARED sampled shingles, each shingle listed for its first POSTING_CAP documents
    JavaPairRDD<Long, Long> sampled = keys
        .flatMapToPair(t -> Arrays.stream(t._2().sampled()).mapToObj(s -> new Tuple2<>(s, t._1())).iterator())
        .groupByKey(parts)
        .flatMapToPair(g -> allPairs(g._2(), CandidateIndex.POSTING_CAP))
        .mapToPair(p -> new Tuple2<>(p, 1))
        .reduceByKey(Integer::sum, parts)
        .filter(t -> t._2() >= CandidateIndex.MIN_SHARED)
        .mapToPair(Tuple2::_1);
    JavaPairRDD<Long, Long> out = lsh.union(sampled).distinct(parts).persist(StorageLevel.MEMORY_AND_DISK());
    out.count();
    keys.unpersist(false);
    return out;
  }

  /** Band keys and sampled shingles of one article. */
  record Keys(long[] bands, long[] sampled) implements Serializable {}

  static Keys keys(Article a) {
    Fingerprint f = Executor.detector().fingerprint(a);
    if (f.shingles().length == 0) { // CandidateIndex indexes nothing for such a document
      return new Keys(new long[0], new long[0]);
    }
    return new Keys(CandidateIndex.bandKeys(f.signature()), CandidateIndex.sampled(f.keys()));
  }

  /** Every pair among the first {@code cap} documents (by index) of a bucket. */
  static Iterator<Tuple2<Long, Long>> allPairs(Iterable<Long> docs, int cap) {
    List<Long> ids = new ArrayList<>();
    docs.forEach(ids::add);
    ids.sort(null);
    int n = Math.min(cap, ids.size());
    List<Tuple2<Long, Long>> out = new ArrayList<>(n * (n - 1) / 2);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        out.add(new Tuple2<>(ids.get(i), ids.get(j)));
      }
    }
    return out.iterator();
  }

  static Iterator<CopyDetector.Edge> verify(Article x, Article y) {
    CopyDetector d = Executor.detector();
    CopyDetector.Edge e = d.verify(d.fingerprint(x), d.fingerprint(y));
    return e == null ? java.util.Collections.emptyIterator() : List.of(e).iterator();
  }

  static Map<String, String> hadoopConf(Configuration c) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, String> e : c) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** What each executor JVM builds once (models load lazily inside). */
  static final class Executor {
    private static volatile Pipeline pipeline;
    private static volatile CopyDetector detector;

    static Pipeline pipeline() {
      if (pipeline == null) {
        synchronized (Executor.class) {
          if (pipeline == null) {
            pipeline = Pipeline.builder().threads(1).paraphrases(false).build();
          }
        }
      }
      return pipeline;
    }

    static CopyDetector detector() {
      if (detector == null) {
        synchronized (Executor.class) {
          if (detector == null) {
            detector = new CopyDetector();
          }
        }
      }
      return detector;
    }
  }

}
