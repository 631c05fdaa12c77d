package io.wiretrace.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.pipeline.AnalysisResult;
import io.wiretrace.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode gives byte for byte the output of the embedded {@code analyze} over
 * the same inputs: the demo corpus (every input format, broken files, duplicate ids, paraphrased
 * copies) and a generated stream with planted copies.
 */
class SparkEquivalenceTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkMain.session("local[2]", "wiretrace-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static final List<String> FILES = List.of(Pipeline.ARTICLES, Pipeline.RELATIONS, Pipeline.STORIES, Pipeline.REJECTED,
      Pipeline.REPORT, "manifest.json");

  void assertSameOutput(List<Path> inputs, boolean paraphrases, int partitions, Path tmp) throws Exception {
    AnalysisResult embedded = Pipeline.builder().threads(2).paraphrases(paraphrases).build().analyze(inputs);
    SparkAnalyze.Run run = SparkAnalyze.analyze(spark, inputs.stream().map(Path::toString).toList(),
        new SparkAnalyze.Options(paraphrases, partitions, 2));
    Path a = tmp.resolve("embedded");
    Path b = tmp.resolve("spark");
    Pipeline.write(embedded, a);
    Pipeline.write(run.result(), b);
    for (String f : FILES) {
      assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
    }
    assertThat(run.report().counters()).containsEntry("articles", (long) embedded.articles().size());
    assertThat(run.report().phases()).extracting(Metrics.Phase::name).contains("candidates", "verify");
  }

  @Test
  void demoCorpus_sameOutputAsAnalyze(@TempDir Path tmp) throws Exception {
    Path demo = Path.of("..", "demo", "corpus");
    assertThat(demo).isDirectory();
    assertSameOutput(List.of(demo), true, 3, tmp);
  }

  @Test
  void generatedStream_sameOutputAsAnalyze_andPlantedCopiesFound(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("planted.jsonl");
    List<PlantedCorpus.Planted> planted = new PlantedCorpus(7).write(1500, corpus);
    assertThat(planted).hasSizeGreaterThan(200);
    assertSameOutput(List.of(corpus), false, 5, tmp);
    String relations = Files.readString(tmp.resolve("spark").resolve(Pipeline.RELATIONS));
    long found = planted.stream().filter(p -> relations.contains("\"copy\":\"" + p.copy() + "\",\"original\":\"" + p.original() + "\"")).count();
    List<String> missed = planted.stream()
        .filter(p -> !relations.contains("\"copy\":\"" + p.copy() + "\",\"original\":\"" + p.original() + "\""))
        .map(p -> p.kind() + " " + p.copy() + " <- " + p.original() + " found: " + relations.lines()
            .filter(l -> l.contains("\"copy\":\"" + p.copy() + "\"")).map(l -> l.substring(0, Math.min(160, l.length()))).toList())
        .limit(12).toList();
    assertThat((double) found / planted.size()).as("planted copies linked to their original; missed: %s", missed)
        .isGreaterThan(0.9);
  }

  @Test
  void twoInputsWithTheSameRelativePaths_getTheIdsAnalyzeGives(@TempDir Path tmp) throws Exception {
    for (String side : List.of("a", "b")) {
      Path d = tmp.resolve(side).resolve("html");
      Files.createDirectories(d);
      Files.writeString(d.resolve("x.txt"), "Halvern council votes\n\nThe Halvern council voted on Tuesday to close "
          + "the old bridge over the Vell river for repairs, the mayor said, after inspectors found cracks in " + side
          + " of its supports. Traffic will be sent through the northern ring road until the spring.\n");
    }
    Files.writeString(tmp.resolve("a").resolve("broken.jsonl"), "{\"id\": 1, \"text\": \n{\"id\":\"ok\",\"text\":\"fine text\"}\n");
    assertSameOutput(List.of(tmp.resolve("a"), tmp.resolve("b")), false, 2, tmp.resolve("out"));
  }

  @Test
  void parquetTableIn_sameArticlesAndStoriesAsTheJsonlFile_andParquetOut(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("planted.jsonl");
    new PlantedCorpus(3).write(300, corpus);
    Path table = tmp.resolve("planted.parquet");
    spark.read().json(corpus.toString()).write().parquet(table.toString());
    AnalysisResult embedded = Pipeline.builder().threads(2).paraphrases(false).build().analyze(List.of(corpus));
    SparkAnalyze.Run run = SparkAnalyze.analyze(spark, List.of(table.toString()), new SparkAnalyze.Options(false, 3, 2));
    Path a = tmp.resolve("embedded");
    Path b = tmp.resolve("spark");
    Pipeline.write(embedded, a);
    Pipeline.write(run.result(), b);
    for (String f : List.of(Pipeline.ARTICLES, Pipeline.RELATIONS, Pipeline.STORIES)) {
      assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
    }
    Path out = tmp.resolve("tables");
    ParquetOut.write(spark, run.result(), out.toString());
    assertThat(spark.read().parquet(out.resolve("articles").toString()).count()).isEqualTo(embedded.articles().size());
    assertThat(spark.read().parquet(out.resolve("relations").toString()).count()).isEqualTo(embedded.relations().size());
    assertThat(spark.read().parquet(out.resolve("stories").toString()).select("id", "articles").count())
        .isEqualTo(embedded.stories().size());
    assertThat(spark.read().parquet(out.resolve("rejected").toString()).count()).isEqualTo(embedded.rejected().size());
  }
}
