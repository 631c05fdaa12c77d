package io.wiretrace.eval;

import io.wiretrace.embed.SentenceEmbedder;
import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import io.wiretrace.reuse.CopyDetector;
import io.wiretrace.reuse.ParaphraseDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The embedding path of copy detection, measured three ways:
 * <ol>
 *   <li>MSRP (news sentence pairs, EVAL-only licence): a cosine threshold chosen on the training
 *       split, accuracy and F1 on the test split, beside the majority baseline and the detector's
 *       own sentence threshold;
 *   <li>paraphrased documents built from MSRP test pairs: eight pairs make an original (their first
 *       sentences) and a copy (their second sentences); pairs labelled paraphrase give copies that
 *       must be found, pairs labelled not-paraphrase (same news cluster, different content) give
 *       hard negatives that must not;
 *   <li>ECB+ same-event articles without a lexical relation: independent reports of one event,
 *       which must not be called paraphrases of each other.
 * </ol>
 */
final class ParaphraseEval implements EvalTask {
  record Pair(boolean paraphrase, String a, String b) {}

  static List<Pair> msrp(Path file) throws IOException {
    List<Pair> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t");
      if (f.length >= 5) {
        out.add(new Pair(f[0].strip().endsWith("1"), f[3], f[4]));
      }
    }
    return out;
  }

  @Override
  public Table run(Path data, PrintWriter log) throws IOException {
    Path dir = EvalTask.require(data.resolve("reuse/msrp"), "MSRP");
    List<Pair> train = msrp(dir.resolve("msr_paraphrase_train.txt"));
    List<Pair> test = msrp(dir.resolve("msr_paraphrase_test.txt"));
    SentenceEmbedder embedder = new SentenceEmbedder();
    long t0 = System.nanoTime();
    double[] trainCos = cosines(train, embedder);
    double[] testCos = cosines(test, embedder);
    double secs = (System.nanoTime() - t0) / 1e9;
    long calls = embedder.modelCalls();
    log.printf("embedded %,d distinct sentences in %.1f s (%.0f sentences/s, one thread)%n", calls, secs, calls / secs);
    log.flush();
    double best = 0.5;
    double bestAcc = 0;
    for (int k = 30; k <= 95; k++) {
      double th = k / 100.0;
      double acc = score(train, trainCos, th)[0];
      if (acc > bestAcc) {
        bestAcc = acc;
        best = th;
      }
    }
    Table t = new Table("Paraphrase and translation copies: sentence embeddings (all-MiniLM-L6-v2, quantized)",
        List.of("test", "items", "accuracy", "precision", "recall", "F1", "note"));
    double[] s = score(test, testCos, best);
    t.row("MSRP test, cosine >= " + String.format(Locale.ROOT, "%.2f", best) + " (chosen on train)", test.size(), s[0], s[1], s[2], s[3],
        String.format(Locale.ROOT, "train accuracy %.3f", bestAcc));
    double[] d = score(test, testCos, ParaphraseDetector.SENTENCE_MATCH);
    t.row("MSRP test, cosine >= " + ParaphraseDetector.SENTENCE_MATCH + " (the detector's sentence threshold)", test.size(), d[0], d[1],
        d[2], d[3], "high precision on purpose");
    long positives = test.stream().filter(Pair::paraphrase).count();
    t.row("MSRP test, majority class (always paraphrase)", test.size(), (double) positives / test.size(),
        (double) positives / test.size(), 1.0, 2.0 * positives / (positives + test.size()), "baseline");

    // documents built from MSRP pairs (train: tuning, test: reported) and ECB+ same-event pairs (train+dev topics:
    // tuning, test topics: reported), over a grid of sentence and coverage thresholds
    ParaphraseDetector detector = new ParaphraseDetector(embedder);
    List<String[]> trainPos = docs(train, true);
    List<String[]> trainNeg = docs(train, false);
    List<String[]> testPos = docs(test, true);
    List<String[]> testNeg = docs(test, false);
    List<ClusteringEval.Doc> ecb = ClusteringEval.load(data);
    List<Article> articles = ClusteringEval.articles(ecb);
    List<Relation> lexical = new CopyDetector().detect(articles);
    Set<String> linked = new HashSet<>();
    for (Relation r : lexical) {
      linked.add(r.copy() + "\u0000" + r.original());
      linked.add(r.original() + "\u0000" + r.copy());
    }
    Map<String, List<Integer>> byEvent = new java.util.TreeMap<>();
    for (int i = 0; i < ecb.size(); i++) {
      byEvent.computeIfAbsent(ecb.get(i).event(), k -> new ArrayList<>()).add(i);
    }
    List<String[]> ecbTune = new ArrayList<>();
    List<String[]> ecbTest = new ArrayList<>();
    for (List<Integer> event : byEvent.values()) {
      for (int i : event) {
        for (int j : event) {
          if (i != j && !linked.contains(articles.get(i).id() + "\u0000" + articles.get(j).id())) {
            (ecb.get(i).split().equals("test") ? ecbTest : ecbTune).add(new String[] {articles.get(i).text(), articles.get(j).text()});
          }
        }
      }
    }
    long before = embedder.modelCalls();
    long t1 = System.nanoTime();
    double[] chosen = null;
    double bestObjective = -1;
    List<String> sweepLines = new ArrayList<>();
    for (double th : new double[] {0.75, 0.80, 0.85}) {
      for (double cov : new double[] {0.5, 0.6, 0.7}) {
        double recall = rate(detector, trainPos, th, cov);
        double negFp = rate(detector, trainNeg, th, cov);
        double ecbFp = rate(detector, ecbTune, th, cov);
        sweepLines.add(String.format(Locale.ROOT, "sentence>=%.2f coverage>=%.1f: MSRP-train docs recall %.3f, non-paraphrase docs flagged %.3f, "
            + "ECB+ train/dev same-event pairs flagged %.4f", th, cov, recall, negFp, ecbFp));
        // highest recall among settings that flag at most 0.5 % of independent same-event pairs
        if (ecbFp <= 0.005 && recall > bestObjective) {
          bestObjective = recall;
          chosen = new double[] {th, cov};
        }
      }
    }
    if (chosen == null) {
      chosen = new double[] {0.85, 0.7};
    }
    double ecbSecs = (System.nanoTime() - t1) / 1e9;
    double th = chosen[0];
    double cov = chosen[1];
    String rule = String.format(Locale.ROOT, "sentence>=%.2f, coverage>=%.1f", th, cov);
    t.row("paraphrased documents from MSRP test (" + rule + ")", testPos.size(), rate(detector, testPos, th, cov), "-",
        rate(detector, testPos, th, cov), "-", "recall: share found as paraphrased copies");
    t.row("non-paraphrase documents from MSRP test (" + rule + ")", testNeg.size(), 1 - rate(detector, testNeg, th, cov), "-", "-", "-",
        "hard negatives: share not flagged");
    t.row("ECB+ test same-event pairs, no lexical relation (" + rule + ")", ecbTest.size(), 1 - rate(detector, ecbTest, th, cov), "-",
        "-", "-", "independent reports: share not flagged");
    String shipped = "shipped rule: sentence>=" + ParaphraseDetector.SENTENCE_MATCH + ", coverage>=" + ParaphraseDetector.MIN_COVERAGE;
    t.row("paraphrased documents from MSRP test (" + shipped + ")", testPos.size(),
        rate(detector, testPos, ParaphraseDetector.SENTENCE_MATCH, ParaphraseDetector.MIN_COVERAGE), "-",
        rate(detector, testPos, ParaphraseDetector.SENTENCE_MATCH, ParaphraseDetector.MIN_COVERAGE), "-", "recall");
    t.row("non-paraphrase documents from MSRP test (" + shipped + ")", testNeg.size(),
        1 - rate(detector, testNeg, ParaphraseDetector.SENTENCE_MATCH, ParaphraseDetector.MIN_COVERAGE), "-", "-", "-",
        "hard negatives: share not flagged");
    t.row("ECB+ test same-event pairs, no lexical relation (" + shipped + ")", ecbTest.size(),
        1 - rate(detector, ecbTest, ParaphraseDetector.SENTENCE_MATCH, ParaphraseDetector.MIN_COVERAGE), "-", "-", "-",
        "flagged pairs inspected were AFP rewrites the lexical path missed");
    t.note("content-word Jaccard, median: paraphrased MSRP-test documents " + medianJaccard(testPos)
        + ", non-paraphrase documents " + medianJaccard(testNeg) + ", ECB+ test same-event pairs " + medianJaccard(ecbTest));
    for (String line : sweepLines) {
      t.note("tuning sweep: " + line);
    }
    t.note(String.format(Locale.ROOT, "Embedding cost: %,d model calls for %,d ECB+ articles (%.1f per article, cached by sentence); "
        + "%.1f s for the whole sweep, one thread; %,d calls for MSRP sentences.", embedder.modelCalls() - before, articles.size(),
        (embedder.modelCalls() - before) / (double) articles.size(), ecbSecs, calls));
    t.note("Chosen on the tuning data: the highest MSRP-train document recall that flags at most 0.5 % of ECB+ train/dev "
        + "same-event pairs. ECB+ holds real rewrites of agency copy, so not every flagged pair is false.");
    t.note("Translated copies the lexical path aligns are typed `translated` (see `eval reuse`); one rewritten beyond that "
        + "comes out here as paraphrased: no machine-translated test set ships here to tell the two apart.");
    return t;
  }

  /** Documents of eight pairs with the given label: {copy, original}. */
  private static List<String[]> docs(List<Pair> pairs, boolean paraphrase) {
    List<Pair> chosen = pairs.stream().filter(p -> p.paraphrase() == paraphrase).toList();
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i + 8 <= chosen.size(); i += 8) {
      StringBuilder original = new StringBuilder();
      StringBuilder copy = new StringBuilder();
      for (Pair p : chosen.subList(i, i + 8)) {
        original.append(p.a().strip()).append('\n');
        copy.append(p.b().strip()).append('\n');
      }
      out.add(new String[] {copy.toString(), original.toString()});
    }
    return out;
  }

  private static String medianJaccard(List<String[]> pairs) {
    double[] j = new double[pairs.size()];
    for (int i = 0; i < j.length; i++) {
      j[i] = ParaphraseDetector.contentJaccard(pairs.get(i)[0], pairs.get(i)[1]);
    }
    java.util.Arrays.sort(j);
    return j.length == 0 ? "-" : String.format(Locale.ROOT, "%.3f (p10 %.3f, p90 %.3f)", j[j.length / 2], j[j.length / 10],
        j[Math.min(j.length - 1, j.length * 9 / 10)]);
  }

  /** Share of {copy, original} pairs the rule calls a copy. */
  private static double rate(ParaphraseDetector detector, List<String[]> pairs, double th, double cov) {
    int n = 0;
    for (String[] p : pairs) {
      if (ParaphraseDetector.isCopy(detector.match(p[0], p[1], th), cov)) {
        n++;
      }
    }
    return pairs.isEmpty() ? 0 : (double) n / pairs.size();
  }

  private static double[] cosines(List<Pair> pairs, SentenceEmbedder e) {
    double[] out = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      out[i] = SentenceEmbedder.cosine(e.embed(pairs.get(i).a()), e.embed(pairs.get(i).b()));
    }
    return out;
  }

  /** {accuracy, precision, recall, F1} of "cosine >= th means paraphrase". */
  private static double[] score(List<Pair> pairs, double[] cos, double th) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    for (int i = 0; i < pairs.size(); i++) {
      boolean yes = cos[i] >= th;
      if (yes && pairs.get(i).paraphrase()) {
        tp++;
      } else if (yes) {
        fp++;
      } else if (pairs.get(i).paraphrase()) {
        fn++;
      } else {
        tn++;
      }
    }
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    return new double[] {(double) (tp + tn) / pairs.size(), p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
  }
}
