package io.wiretrace.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Entry point of {@code wiretrace train rewrite}: see {@link RewriteEval} for what is trained on what. */
public final class RewriteTraining {
  private RewriteTraining() {}

  public static void train(Path data, Path outDir, PrintWriter log) throws IOException {
    RewriteEval.train(data, outDir, log);
  }
}
