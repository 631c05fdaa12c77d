package io.wiretrace.eval;

import io.wiretrace.model.Rewrite;
import io.wiretrace.reuse.RewriteDetector;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Cost of the intrinsic rewrite verdict ({@link RewriteDetector#assess}) on real article text: the
 * 181 Zyte ground-truth bodies (EVAL-only, read in place), one thread. The first pass is timed apart
 * (it loads the reference tables, the vectors and WordNet and fills the word cache); the warm figure is
 * the best and the median of the later passes. A digest of every verdict (kind, score, measurements,
 * spans) is printed, so two builds can be shown to give the same answers.
 */
public final class RewriteBench {
  public EvalTask.Table run(Path data, int passes, PrintWriter log) throws java.io.IOException {
    if (passes < 2) {
      throw new IllegalArgumentException("passes must be at least 2 (one cold, one warm), got " + passes);
    }
    List<String> texts = new ArrayList<>();
    for (ExtractionEval.Page p : ExtractionEval.load(data)) {
      texts.add(p.truth());
    }
    long words = 0;
    for (String t : texts) {
      words += io.wiretrace.text.Tokens.of(t).size();
    }
    long t0 = System.nanoTime();
    RewriteDetector detector = new RewriteDetector();
    double loadSecs = (System.nanoTime() - t0) / 1e9;
    double[] perWord = new double[passes];
    String digest = null;
    for (int pass = 0; pass < passes; pass++) {
      MessageDigest md = sha256();
      long start = System.nanoTime();
      for (String t : texts) {
        Rewrite r = detector.assess(t, "en");
        md.update((r.kind() + r.score() + r.signals() + r.spans()).getBytes(StandardCharsets.UTF_8));
      }
      perWord[pass] = (System.nanoTime() - start) / 1e3 / words;
      String d = HexFormat.of().formatHex(md.digest()).substring(0, 16);
      if (digest != null && !digest.equals(d)) {
        throw new IllegalStateException("pass " + pass + " gave other verdicts than pass 0 (" + d + " against " + digest + ")");
      }
      digest = d;
      if (pass == 0) {
        log.printf(Locale.ROOT, "cold pass: %.2f us/word%n", perWord[0]);
        log.flush();
      }
    }
    double[] warm = Arrays.copyOfRange(perWord, 1, passes);
    Arrays.sort(warm);
    EvalTask.Table table = new EvalTask.Table("Intrinsic rewrite verdict, one thread (" + texts.size() + " Zyte article bodies, "
        + String.format(Locale.ROOT, "%,d", words) + " words)", List.of("measure", "value"));
    table.row("detector construction (tables, vectors, model; first use)", String.format(Locale.ROOT, "%.2f s", loadSecs));
    table.row("cold pass (WordNet read, word cache filled)", String.format(Locale.ROOT, "%.2f us/word", perWord[0]));
    table.row("warm passes: best / median of " + warm.length, String.format(Locale.ROOT, "%.3f / %.3f us/word", warm[0], warm[warm.length / 2]));
    table.row("warm words/s (best)", String.format(Locale.ROOT, "%,.0f", 1e6 / warm[0]));
    table.row("verdict digest (equal across builds = equal answers)", digest);
    return table;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
