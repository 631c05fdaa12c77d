package io.wiretrace.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wiretrace train ner}: rebuilds the name-finder model that ships in wiretrace-core. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Rebuilds a model that ships inside wiretrace-core, from openly licensed data only.",
    subcommands = {TrainCommand.Ner.class, TrainCommand.Rewrite.class})
final class TrainCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'wiretrace train ner --help'");
  }

  @Command(name = "ner", mixinStandardHelpOptions = true,
      description = {"Trains the person/organization/location name finder (OpenNLP maxent) on the SHIP-OK sets under",
          "DATA/enrich (wikigold, BTC, WNUT-17, GUM's CC BY genres, MEANTIME airbus+apple, re3d's open sources)",
          "and writes it where wiretrace-core loads it from. Deterministic: same data, same model."})
  static final class Ner implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR", description = "Dataset root (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", defaultValue = "wiretrace-core/src/main/resources/io/wiretrace/nlp/ner-en.bin", paramLabel = "FILE",
        description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
      PrintWriter log = spec.commandLine().getOut();
      new io.wiretrace.eval.NerTrainer().train(data, out, log);
      log.flush();
      return 0;
    }
  }

  @Command(name = "rewrite", mixinStandardHelpOptions = true,
      description = {"Rebuilds the intrinsic rewrite detector's reference tables (WordNet glosses, MEANTIME, wikigold) and",
          "its model (GUM news/interview/academic/court as written, spun, and round-tripped through Spanish, Catalan and",
          "Galician by Apertium, run locally: apt-get install apertium apertium-eng-spa apertium-eng-cat apertium-en-gl",
          "lttoolbox-dev) and writes both where wiretrace-core loads them from. Deterministic."})
  static final class Rewrite implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR", description = "Dataset root (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", defaultValue = "wiretrace-core/src/main/resources/io/wiretrace/reuse", paramLabel = "DIR",
        description = "Folder to write fluency-en.tsv.gz and rewrite-model.tsv to (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
      PrintWriter log = spec.commandLine().getOut();
      io.wiretrace.eval.RewriteTraining.train(data, out, log);
      log.flush();
      return 0;
    }
  }
}
