package io.wiretrace.cli;

import io.wiretrace.model.Rejection;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wiretrace ingest}: adds inputs to the store, linking and placing each new article. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {"Add articles to the store (default ./wiretrace-data): each new article is linked to its stored "
        + "original and placed in its story. Idempotent: articles whose id is stored are skipped.",
        "Rejected inputs are printed to stderr with their reasons; the rest goes on."})
final class IngestCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Store folder (default: ${DEFAULT-VALUE}).", defaultValue = "wiretrace-data")
  Path data;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads for reading, extraction and annotation (default: available processors).")
  Integer threads;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "" + Store.COMMIT_EVERY,
      description = "Commit (make durable) every N new articles (default: ${DEFAULT-VALUE}); a crash loses at most the "
          + "articles since the last commit, which the next ingest of the same inputs adds.")
  int commitEvery;

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
    Pipeline.Builder b = Pipeline.builder().paraphrases(false);
    if (threads != null) {
      if (threads < 1 || threads > 256) {
        throw new CommandLine.ParameterException(cl, "--threads must be between 1 and 256, got " + threads);
      }
      b.threads(threads);
    }
    if (!quiet && System.console() != null) {
      b.progress(new TerminalProgress(System.err));
    }
    if (commitEvery < 1 || commitEvery > 100_000) {
      throw new CommandLine.ParameterException(cl, "--commit-every must be between 1 and 100000, got " + commitEvery);
    }
    long t0 = System.nanoTime();
    try (Store store = Store.open(data, commitEvery)) {
      Pipeline.Prepared p = b.build().prepare(inputs, store::contains);
      Store.IngestReport r = store.ingest(p);
      PrintWriter err = cl.getErr();
      for (Rejection x : r.rejected()) {
        err.println("rejected: " + x.input() + ": " + x.reason());
      }
      err.flush();
      if (!quiet) {
        PrintWriter w = cl.getOut();
        w.printf("%d added, %d already stored, %d relations new or changed, %d stories started, %d rejected in %.1f s%n",
            r.added(), r.skipped(), r.relations(), r.storiesStarted(), r.rejected().size(), (System.nanoTime() - t0) / 1e9);
        w.printf("Store: %s %s%n", data.toAbsolutePath().normalize(), store.counts());
        w.flush();
      }
    }
    return 0;
  }
}
