package io.wiretrace.spark;

import io.wiretrace.pipeline.OutputSet;
import io.wiretrace.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wiretrace spark analyze|bench ...}: the Spark job, run by {@code spark-submit} (which sets
 * the master) or on its own in local mode ({@code --master local[N]}, the default when none is set).
 */
@Command(name = "wiretrace spark", mixinStandardHelpOptions = true, version = "wiretrace-spark 0.1.0",
    description = "The wiretrace pipeline on Apache Spark.",
    subcommands = {SparkMain.Analyze.class, SparkBench.class})
public final class SparkMain implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.setProperty("ORT_DISABLE_TELEMETRY", "1");
    int code = new CommandLine(new SparkMain()).execute(args);
    System.exit(code);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }

  /** A session: the master spark-submit chose, else local mode; loopback only, no UI. */
  static SparkSession session(String master, String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    if (!conf.contains("spark.master")) {
      conf.setMaster(master == null ? "local[*]" : master);
    } else if (master != null) {
      conf.setMaster(master);
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    conf.setIfMissing("spark.executorEnv.ORT_DISABLE_TELEMETRY", "1");
    return SparkSession.builder().config(conf).getOrCreate();
  }

  @Command(name = "analyze", mixinStandardHelpOptions = true,
      description = "Analyze INPUTs (local paths or Hadoop URIs; .jsonl, .warc(.gz), .html, .txt, feeds, .parquet tables)"
          + " on Spark; writes the output contract of 'wiretrace analyze' to --out, and Parquet tables to --parquet.")
  static final class Analyze implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT")
    List<String> inputs;

    @Option(names = "--out", description = "Output folder of the contract (articles/relations/stories/rejected .jsonl, report.html); default wiretrace-out")
    Path out = Path.of("wiretrace-out");

    @Option(names = "--parquet", description = "Also write articles, relations and stories as Parquet tables under this Hadoop path")
    String parquet;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--partitions", description = "Partitions of each shuffle (default: 2 x the default parallelism)")
    int partitions;

    @Option(names = "--no-paraphrases", description = "Lexical copy detection only (no sentence-embedding model)")
    boolean noParaphrases;

    @Option(names = "-q", description = "Print nothing but errors")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
      try (OutputSet set = OutputSet.lock(out); SparkSession spark = session(master, "wiretrace analyze")) {
        SparkAnalyze.Run run = SparkAnalyze.analyze(spark, inputs,
            new SparkAnalyze.Options(!noParaphrases, partitions, Runtime.getRuntime().availableProcessors()));
        Pipeline.write(run.result(), set);
        if (parquet != null) {
          ParquetOut.write(spark, run.result(), parquet);
        }
        if (!quiet) {
          System.err.print(run.report().table());
          System.err.printf("%d articles, %d relations, %d stories, %d rejected -> %s%n", run.result().articles().size(),
              run.result().relations().size(), run.result().stories().size(), run.result().rejected().size(), out);
        }
        return 0;
      }
    }
  }
}
