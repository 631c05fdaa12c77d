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
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.HashPartitioner;
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
 *   <li>executors, in the same per-document stage: each article's literal shingles and sampled keys;
 *   <li>executors: candidates as two shuffles of primitive blocks ({@link CandidateBlocks}) — MinHash-LSH
 *       band keys (32 × 4) and the sampled-shingle postings with the embedded posting cap (the first
 *       {@link CandidateIndex#POSTING_CAP} articles in id order per shingle) and the same
 *       {@link CandidateIndex#MIN_SHARED} threshold — so the candidate set is exactly the one
 *       {@link CandidateIndex} builds one article at a time;
 *   <li>executors: verification and alignment of each candidate pair ({@link CopyDetector#verify}):
 *       the range of the pair's first article sends that article to the range of the second, which
 *       verifies against its own (zipPartitions with the id-ordered ranges; only candidate articles move);
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
    JavaRDD<Object> prepared = kept.mapPartitions(SparkAnalyze::prepare).persist(StorageLevel.MEMORY_AND_DISK_SER());
    rejected.addAll(prepared.filter(o -> o instanceof Rejection).map(o -> (Rejection) o).collect());
    JavaRDD<Keyed> done = prepared.filter(o -> o instanceof Keyed).map(o -> (Keyed) o);
    // articles numbered in id order; range r of the numbering is partition r of every RDD zipped with it below
    JavaPairRDD<Long, Keyed> indexed = done.sortBy(k -> k.prepped().article().id(), true, parts).zipWithIndex()
        .mapToPair(t -> new Tuple2<>(t._2(), t._1())).persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaPairRDD<Long, Slim> slim = indexed.mapValues(k -> new Slim(bytes(k.prepped().article()), k.keys()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long[] starts = starts(slim.mapPartitions(it -> {
      long n = 0;
      for (; it.hasNext(); it.next()) {
        n++;
      }
      return List.of(n).iterator();
    }).collect());
    read.unpersist(false);
    prepared.unpersist(false);

    metrics.phase("candidates");
    int ranges = starts.length;
    JavaRDD<long[]> candidates = slim.mapValues(Slim::keys)
        .mapPartitions(it -> CandidateBlocks.keyBlocks(it, parts, Executor.detector()))
        .mapToPair(t -> t).partitionBy(new HashPartitioner(parts)).values()
        .mapPartitions(it -> CandidateBlocks.pairBlocks(it, starts))
        .mapToPair(t -> t).partitionBy(new HashPartitioner(ranges)).values()
        .mapPartitions(it -> List.of(CandidateBlocks.candidates(it)).iterator(), true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long pairCount = candidates.map(c -> (long) c.length).fold(0L, Long::sum);

    metrics.phase("verify");
    List<CopyDetector.Edge> edges = slim.zipPartitions(candidates, (s, c) -> probes(s, c, starts))
        .mapToPair(t -> t).partitionBy(new HashPartitioner(ranges)).values()
        .zipPartitions(slim, (p, s) -> verify(s, p))
        .collect();
    candidates.unpersist(false);

    metrics.phase("lineage, stories, synthesis (driver)");
    List<Relation> relations = CopyDetector.lineage(edges);
    List<Prepped> all = indexed.values().map(Keyed::prepped).collect(); // partitions in order: id order
    slim.unpersist(false);
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
    metrics.counter("candidate pairs", pairCount);
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

  /** An extracted article with its annotations and its candidate-search keys. */
  record Keyed(Prepped prepped, CandidateBlocks.Keys keys) implements Serializable {}

  /**
   * What copy detection needs of an article: the article, serialized (only the few in a candidate
   * pair are read back, and Spark's cache sizes a byte array at once where it walks an article's
   * object graph), and its candidate-search keys.
   */
  record Slim(byte[] article, CandidateBlocks.Keys keys) implements Serializable {
    Article read() {
      return SparkAnalyze.article(article);
    }
  }

  static Article article(byte[] bytes) {
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return (Article) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read back a serialized article", e);
    }
  }

  static byte[] bytes(Article a) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(2048);
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(b)) {
      out.writeObject(a);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static Iterator<Object> prepare(Iterator<Object> in) {
    Pipeline pipeline = Executor.pipeline();
    CopyDetector detector = Executor.detector();
    List<Object> out = new ArrayList<>();
    while (in.hasNext()) {
      Object o = in.next();
      if (o instanceof Rejection r) {
        out.add(r);
        continue;
      }
      Object x = pipeline.extract((RawDocument) o);
      if (x instanceof Article a) {
        Fingerprint f = detector.fingerprint(a); // per document, as MLlib's input vectors are in the bench
        CandidateBlocks.Keys k = new CandidateBlocks.Keys(f.shingles(), CandidateIndex.sampled(f.keys()));
        out.add(new Keyed(new Prepped(a, pipeline.annotate(a)), k));
      } else {
        out.add(x);
      }
    }
    return out.iterator();
  }

  /** The first article number of each range, from the ranges' sizes. */
  static long[] starts(List<Long> sizes) {
    long[] out = new long[sizes.size()];
    for (int i = 1; i < out.length; i++) {
      out[i] = out[i - 1] + sizes.get(i - 1);
    }
    return out;
  }

  /** Candidate pairs (x, y) with x in this range, with x's article, one block per range of y. */
  record Probes(List<byte[]> articles, int[] articleOf, int[] ys) implements Serializable {}

  static Iterator<Tuple2<Integer, Probes>> probes(Iterator<Tuple2<Long, Slim>> range, Iterator<long[]> candidates,
      long[] starts) {
    List<Tuple2<Long, Slim>> local = new ArrayList<>();
    range.forEachRemaining(local::add);
    Map<Integer, List<byte[]>> articles = new java.util.TreeMap<>();
    Map<Integer, Map<Integer, Integer>> slotOf = new HashMap<>();
    Map<Integer, List<int[]>> pairs = new HashMap<>();
    while (candidates.hasNext()) {
      for (long pair : candidates.next()) {
        int x = (int) (pair >>> 32);
        int y = (int) pair;
        int r = CandidateBlocks.range(y, starts);
        List<byte[]> arts = articles.computeIfAbsent(r, k -> new ArrayList<>());
        int slot = slotOf.computeIfAbsent(r, k -> new HashMap<>()).computeIfAbsent(x, k -> {
          arts.add(local.get(Math.toIntExact(x - local.get(0)._1()))._2().article());
          return arts.size() - 1;
        });
        pairs.computeIfAbsent(r, k -> new ArrayList<>()).add(new int[] {slot, y});
      }
    }
    List<Tuple2<Integer, Probes>> out = new ArrayList<>();
    articles.forEach((r, arts) -> {
      List<int[]> ps = pairs.get(r);
      int[] of = new int[ps.size()];
      int[] ys = new int[ps.size()];
      for (int i = 0; i < ps.size(); i++) {
        of[i] = ps.get(i)[0];
        ys[i] = ps.get(i)[1];
      }
      out.add(new Tuple2<>(r, new Probes(arts, of, ys)));
    });
    return out.iterator();
  }

  /** Verification and alignment of the probes sent to this range against its articles. */
  static Iterator<CopyDetector.Edge> verify(Iterator<Tuple2<Long, Slim>> range, Iterator<Probes> probes) {
    List<Tuple2<Long, Slim>> local = new ArrayList<>();
    range.forEachRemaining(local::add);
    CopyDetector d = Executor.detector();
    Map<Integer, Fingerprint> fys = new HashMap<>();
    List<CopyDetector.Edge> out = new ArrayList<>();
    while (probes.hasNext()) {
      Probes p = probes.next();
      Fingerprint[] fxs = new Fingerprint[p.articles().size()];
      for (int i = 0; i < p.ys().length; i++) {
        int slot = p.articleOf()[i];
        if (fxs[slot] == null) {
          fxs[slot] = d.verifiable(article(p.articles().get(slot)));
        }
        int y = Math.toIntExact(p.ys()[i] - local.get(0)._1());
        Fingerprint fy = fys.computeIfAbsent(y, k -> d.verifiable(local.get(k)._2().read()));
        CopyDetector.Edge e = d.verify(fxs[slot], fy);
        if (e != null) {
          out.add(e);
        }
      }
    }
    return out.iterator();
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
