package io.wiretrace.eval;

import io.wiretrace.extract.Extractor;
import io.wiretrace.fingerprint.MinHash;
import io.wiretrace.model.Article;
import io.wiretrace.model.Relation;
import io.wiretrace.reuse.Alignment;
import io.wiretrace.reuse.CopyDetector;
import io.wiretrace.reuse.Edits;
import io.wiretrace.reuse.Fingerprint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reuse levels on the Clough-Stevenson corpus (95 short answers written by students from 5
 * Wikipedia sources: cut-and-paste, light revision, heavy revision, written independently). Each
 * answer is run through the copy detector together with its source; the table shows, per level,
 * how often a relation is found, its kinds, and the mean alignment signals, and how well "a relation
 * was found" separates derived answers (cut, light, heavy) from independent ones.
 */
final class CloughEval implements EvalTask {
  private static final String DIR = "reuse/clough-stevenson";

  @Override
  public Table run(Path data, PrintWriter log) throws IOException {
    Path dir = data.resolve(DIR);
    Path info = dir.resolve("file_information.csv");
    EvalTask.require(info, "Clough-Stevenson file_information.csv");
    Map<String, List<double[]>> signals = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> kinds = new LinkedHashMap<>();
    Map<String, int[]> found = new LinkedHashMap<>();
    for (String level : List.of("cut", "light", "heavy", "non")) {
      signals.put(level, new ArrayList<>());
      kinds.put(level, new TreeMap<>());
      found.put(level, new int[2]);
    }
    MinHash mh = MinHash.builder().build();
    CopyDetector detector = new CopyDetector();
    List<String> unrelated = new ArrayList<>();
    for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
      String[] f = line.split(",");
      if (f.length < 3 || f[0].equals("File") || !found.containsKey(f[2].trim())) {
        continue;
      }
      String level = f[2].trim();
      Article answer = article("answer/" + f[0], "2011-01-02", read(dir.resolve("files").resolve(f[0])));
      Article source = article("source/task" + f[1], "2011-01-01", read(dir.resolve("files").resolve("orig_task" + f[1].trim() + ".txt")));
      List<Relation> rels = detector.detect(List.of(answer, source));
      if (!level.equals("non") && ReuseEval.containment(ReuseEval.shingles(answer.text()), ReuseEval.shingles(source.text())) == 0) {
        unrelated.add(f[0] + " (" + level + ")");
      }
      found.get(level)[1]++;
      if (!rels.isEmpty()) {
        found.get(level)[0]++;
        kinds.get(level).merge(rels.get(0).kind(), 1, Integer::sum);
      } else {
        kinds.get(level).merge("none", 1, Integer::sum);
      }
      Fingerprint fa = Fingerprint.of(answer, mh);
      Fingerprint fs = Fingerprint.of(source, mh);
      Alignment al = Alignment.of(fa, fs);
      Edits e = Edits.of(al, fa, fs);
      signals.get(level).add(new double[] {(double) al.coveredA().cardinality() / Math.max(1, fa.tokens().size()),
          e.exactShare(), e.synonymRate()});
    }
    Table t = new Table("Reuse levels, Clough-Stevenson corpus (95 answers against their Wikipedia sources)",
        List.of("level", "answers", "relation found", "kinds", "mean coverage", "mean exact share", "mean synonym rate"));
    for (String level : signals.keySet()) {
      List<double[]> v = signals.get(level);
      t.row(level, found.get(level)[1], ratio(found.get(level)[0], found.get(level)[1]), kinds.get(level).toString(),
          mean(v, 0), mean(v, 1), mean(v, 2));
    }
    int tp = found.get("cut")[0] + found.get("light")[0] + found.get("heavy")[0];
    int derived = found.get("cut")[1] + found.get("light")[1] + found.get("heavy")[1];
    int fp = found.get("non")[0];
    int tn = found.get("non")[1] - fp;
    t.note(String.format(Locale.ROOT, "Derived vs independent by 'a relation was found': precision %.3f, recall %.3f, accuracy %.3f.",
        ratio(tp, tp + fp), ratio(tp, derived), ratio(tp + tn, derived + found.get("non")[1])));
    if (!unrelated.isEmpty()) {
      t.note(unrelated.size() + " derived answer(s) share no word 4-gram with their labelled source (they copy text that is not in "
          + "the corpus), so no text-alignment method can find them: " + String.join(", ", unrelated) + ".");
    }
    t.note("Answers are 200-300 words; the detector's thresholds (25 aligned words outside quotes, 15 % coverage) are the news defaults.");
    return t;
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8); // malformed bytes become U+FFFD
  }

  private static Article article(String id, String published, String text) {
    return new Article(id, null, null, published, null, null, null, "en", text, List.of(), List.of(), Extractor.NOT_ASSESSED);
  }

  private static double mean(List<double[]> v, int i) {
    return v.stream().mapToDouble(x -> x[i]).average().orElse(0);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
