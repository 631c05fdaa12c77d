package io.wiretrace.cli;

import io.wiretrace.pipeline.AnalysisResult;
import io.wiretrace.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wiretrace analyze}: the whole pipeline from raw inputs to the output contract. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
        "Reads news articles (.txt, .html/.htm[.gz], .jsonl, .warc[.gz], RSS/Atom .xml), extracts clean text,",
        "finds copies and their originals, groups articles into stories, and writes articles.jsonl,",
        "relations.jsonl, stories.jsonl, rejected.jsonl and report.html to the output folder."})
final class AnalyzeCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "wiretrace-out")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
  Integer threads;

  @Option(names = "--no-paraphrases", description = "Lexical copy detection only: skip the sentence-embedding search for "
      + "paraphrased copies (faster; no model is loaded).")
  boolean noParaphrases;

  @Option(names = "--append", description = "Add the INPUTs to the articles already in the output folder (from an earlier "
      + "run) instead of starting afresh; the result is what one run over all the inputs would give.")
  boolean append;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files or folders (read recursively).")
  List<Path> inputs;

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    for (Path p : inputs) {
      if (!Files.exists(p)) {
        throw new CommandLine.ParameterException(cl, "Input not found: '" + p + "'");
      }
    }
    if (threads != null && (threads < 1 || threads > 256)) {
      throw new CommandLine.ParameterException(cl, "--threads must be between 1 and 256, got " + threads);
    }
    Pipeline.Builder b = Pipeline.builder();
    if (noParaphrases) {
      b.paraphrases(false);
    }
    if (threads != null) {
      b.threads(threads);
    }
    if (!quiet && System.console() != null) {
      b.progress(new TerminalProgress(System.err));
    }
    // the folder is held for the whole run: a second run on it refuses at once instead of at the end
    if (append && !Files.isRegularFile(out.resolve(Pipeline.ARTICLES))) { // checked before the folder is made
      throw new CommandLine.ParameterException(cl, "--append: no " + Pipeline.ARTICLES + " in '" + out
          + "' to add to; run without --append first");
    }
    try (io.wiretrace.pipeline.OutputSet set = io.wiretrace.pipeline.OutputSet.lock(out)) {
      io.wiretrace.pipeline.Stored stored = io.wiretrace.pipeline.Stored.NONE;
      if (append) {
        stored = io.wiretrace.pipeline.Stored.read(out);
      }
      long t0 = System.nanoTime();
      AnalysisResult r = b.build().analyze(inputs, stored);
      Pipeline.write(r, set);
      report(cl, r, t0);
    }
    return 0;
  }

  private void report(CommandLine cl, AnalysisResult r, long t0) {
    if (!quiet) {
      PrintWriter w = cl.getOut();
      long copies = r.relations().stream().map(io.wiretrace.model.Relation::copy).distinct().count();
      w.printf("%d articles, %d copy relations (%d copies), %d stories, %d rejected inputs in %.1f s%n",
          r.articles().size(), r.relations().size(), copies, r.stories().size(), r.rejected().size(),
          (System.nanoTime() - t0) / 1e9);
      w.printf("Report: %s%n", out.resolve(Pipeline.REPORT).toAbsolutePath().normalize());
      w.flush();
    }
  }
}
