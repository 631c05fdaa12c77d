package io.wiretrace.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.extract.Language;
import io.wiretrace.model.Relation;
import io.wiretrace.pipeline.AnalysisResult;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.reuse.CandidateIndex;
import io.wiretrace.reuse.CopyDetector;
import io.wiretrace.reuse.Fingerprint;
import io.wiretrace.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Restoration as a search key: are synonym-spun copies found when their wording has moved far from
 * the original's, and when the original arrives after the copy?
 *
 * <p>Copy sources are English Zyte bodies and ECB+ test articles; each is spun with WordNet
 * ({@link CopyGenerator#spin}, the share of WordNet-known content words replaced) or with the pivot
 * thesaurus of {@code eval rewrite} (English words sharing a Catalan translation in Apertium's
 * dictionary, not WordNet), in full and cut to its first 100 words or so (short copies keep few
 * shingles). Per setting:
 * <ul>
 *   <li><b>candidates</b>: the share of (copy, original) pairs that the partial-copy and LSH channels
 *       propose, with literal shingles as keys and with the restored text's shingles
 *       ({@link Fingerprint#restored}, the keys wiretrace uses);
 *   <li><b>verifiable</b>: the share whose alignment passes the relation thresholds once proposed
 *       (an upper bound for any key);
 *   <li><b>through {@link Pipeline#analyze}</b>: the share of copies related to their original, and
 *       the relations outside the truth, the product's batch path;
 *   <li><b>through the store, copy first</b>: copies ingested in one call, their originals in a later
 *       one ({@link Store#ingest}, as {@code wiretrace ingest} does): the share of copies linked to
 *       their original.
 * </ul>
 * The literal-key figure for the batch path is what the product gave before restoration: the pairs
 * proposed by literal keys that verify. Needs Apertium's English-Catalan dictionary for the pivot
 * thesaurus (see {@code train rewrite}).
 */
public final class RestorationEval implements EvalTask {
  static final long SEED = 29;
  private static final Instant DAY = Instant.parse("2025-03-03T08:00:00Z");
  /** Words a short copy keeps (whole sentences up to about this many). */
  static final int SHORT_WORDS = 100;

  @Override
  public Table run(Path data, PrintWriter log) throws IOException {
    Apertium.require("cat");
    // {id, text, title}: records carry a title, as feeds do (without one the extractor takes the first line for it)
    List<String[]> sources = new ArrayList<>();
    for (ExtractionEval.Page p : ExtractionEval.load(data)) {
      if ("en".equals(Language.guess(p.truth())) && p.truth().length() >= 800) {
        sources.add(new String[] {"zyte-" + p.id().substring(0, 12), p.truth(), "Zyte page " + p.id().substring(0, 12)});
      }
    }
    for (ClusteringEval.Doc d : ClusteringEval.load(data)) {
      if (d.split().equals("test") && d.text().split("\\s+").length >= 150) {
        sources.add(new String[] {"ecb-" + d.id(), d.text(), d.title() == null ? "ECB+ article " + d.id() : d.title()});
      }
    }
    // the sets hold reprints of one story (ECB+ wire copies, one agency story on two Zyte sites): a copy of
    // a reprint would rightly be linked to the first print, which the truth would not name, so only the first is used
    List<String[]> distinct = new ArrayList<>();
    List<Set<String>> kept = new ArrayList<>();
    for (String[] s : sources) {
      Set<String> sh = ReuseEval.shingles(s[1]);
      if (kept.stream().noneMatch(k -> ReuseEval.containment(sh, k) >= 0.05)) {
        kept.add(sh);
        distinct.add(s);
      }
    }
    log.printf(Locale.ROOT, "copy sources: %d (%d reprints of another left out)%n", distinct.size(), sources.size() - distinct.size());
    sources = distinct;
    Map<String, List<String>> thesaurus = Apertium.pivotThesaurus("cat");
    Table t = new Table("Spun copies found through restored keys (" + sources.size() + " sources: English Zyte bodies, ECB+ test articles; seed "
        + SEED + ")", List.of("setting", "pairs", "4-grams kept", "candidates: literal / restored keys", "verifiable",
            "found via Pipeline: literal keys / restored (product)", "relations outside truth", "found via store, copy first"));
    Path dir = Files.createTempDirectory("wiretrace-restoration-eval");
    int settings = 0;
    long[] keyCounts = new long[2]; // sampled keys of the originals: literal, literal + restored
    try {
      for (boolean shortCopies : new boolean[] {false, true}) {
        for (String spinner : List.of("wordnet 0.5", "wordnet 0.7", "wordnet 0.9", "pivot 0.5", "pivot 0.8")) {
          String[] sp = spinner.split(" ");
          double rate = Double.parseDouble(sp[1]);
          Random rnd = new Random(SEED + Math.round(rate * 100) + (shortCopies ? 1000 : 0) + (sp[0].equals("pivot") ? 7 : 0));
          List<String[]> originals = new ArrayList<>();
          List<String[]> copies = new ArrayList<>();
          for (String[] s : sources) {
            String text = shortCopies ? lead(s[1]) : s[1];
            String spun = sp[0].equals("wordnet") ? CopyGenerator.spin(text, rate, rnd) : Apertium.spin(text, rate, thesaurus, rnd).text();
            originals.add(new String[] {"o/" + s[0], text, s[2]});
            copies.add(new String[] {"c/" + s[0], spun, s[2]});
          }
          String label = (sp[0].equals("wordnet") ? "WordNet" : "pivot thesaurus") + " " + Math.round(rate * 100) + " %"
              + (shortCopies ? ", short (~" + SHORT_WORDS + " words)" : "");
          log.println(label);
          log.flush();
          setting(t, label, originals, copies, dir.resolve("s" + (settings++)), keyCounts);
        }
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    t.note("Restored keys (Fingerprint.keys): the literal shingles plus those of the restored text, where every content word WordNet "
        + "knows stands as the head of its usual sense (Synonyms.head), in the copy and in the original alike, so a swap within one "
        + "WordNet sense leaves the key unchanged. The pivot thesaurus swaps words that share a "
        + "Catalan translation, often of different WordNet senses, which restoration cannot undo.");
    t.note(String.format(Locale.ROOT, "Cost: an original (unspun) article has %.2f times as many partial-copy keys with restored shingles "
        + "as with literal ones alone (%d against %d over all settings).", (double) keyCounts[1] / keyCounts[0], keyCounts[1], keyCounts[0]));
    t.note("Candidates, verifiable and the literal-key figure are measured on the articles as Pipeline.analyze extracted them; "
        + "candidates ignore the posting cap (it only matters at corpus scale); verifiable = CopyDetector.verify on the pair; "
        + "4-grams kept: share of the original's word 4-grams left in the copy as written.");
    return t;
  }

  private static void setting(Table t, String label, List<String[]> originals, List<String[]> copies, Path dir, long[] keyCounts)
      throws IOException {
    Files.createDirectories(dir);
    int n = originals.size();
    Path origFile = dir.resolve("originals.jsonl");
    Path copyFile = dir.resolve("copies.jsonl");
    write(origFile, originals, 0);
    write(copyFile, copies, 1);
    // the batch path, as `wiretrace analyze` runs it (lexical path only: the embedding path is another channel)
    AnalysisResult r = Pipeline.builder().paraphrases(false).build().analyze(List.of(origFile, copyFile));
    Map<String, io.wiretrace.model.Article> extracted = new HashMap<>();
    r.articles().forEach(a -> extracted.put(a.id(), a));
    // the channels and the verification on the articles as extracted
    CopyDetector d = new CopyDetector();
    int literal = 0;
    int restored = 0;
    int verifiable = 0;
    int literalFound = 0;
    double kept = 0;
    for (int i = 0; i < n; i++) {
      io.wiretrace.model.Article ao = extracted.get(originals.get(i)[0]);
      io.wiretrace.model.Article ac = extracted.get(copies.get(i)[0]);
      kept += share(d.fingerprint(article(originals.get(i), 0)).shingles(), d.fingerprint(article(copies.get(i), 1)).shingles());
      if (ao == null || ac == null) {
        continue; // rejected: found by no key
      }
      Fingerprint o = d.fingerprint(ao);
      Fingerprint c = d.fingerprint(ac);
      keyCounts[0] += CandidateIndex.sampled(o.shingles()).length;
      keyCounts[1] += CandidateIndex.sampled(o.keys()).length;
      boolean lsh = shareAny(CandidateIndex.bandKeys(o.signature()), CandidateIndex.bandKeys(c.signature()));
      boolean byLiteral = lsh || shared(CandidateIndex.sampled(o.shingles()), CandidateIndex.sampled(c.shingles())) >= CandidateIndex.MIN_SHARED;
      boolean byRestored = lsh || shared(CandidateIndex.sampled(o.keys()), CandidateIndex.sampled(c.keys())) >= CandidateIndex.MIN_SHARED;
      boolean verified = d.verify(o, c) != null;
      literal += byLiteral ? 1 : 0;
      restored += byRestored ? 1 : 0;
      verifiable += verified ? 1 : 0;
      literalFound += byLiteral && verified ? 1 : 0;
    }
    Map<String, String> truth = new HashMap<>();
    for (int i = 0; i < n; i++) {
      truth.put(copies.get(i)[0], originals.get(i)[0]);
    }
    int found = 0;
    int outside = 0;
    for (Relation rel : r.relations()) {
      if (rel.original().equals(truth.get(rel.copy()))) {
        found++;
      } else {
        outside++;
      }
    }
    // the store, the copy first: the original arrives in a later ingest
    int linked = 0;
    Pipeline p = Pipeline.builder().paraphrases(false).build();
    try (Store store = Store.open(dir.resolve("store"))) {
      store.ingest(p.prepare(List.of(copyFile), store::contains));
      store.ingest(p.prepare(List.of(origFile), store::contains));
      for (int i = 0; i < n; i++) {
        for (JsonNode rel : store.searcher().relations(copies.get(i)[0], "copy")) {
          if (rel.get("original").asText().equals(originals.get(i)[0])) {
            linked++;
          }
        }
      }
    }
    t.row(label, n, String.format(Locale.ROOT, "%.2f", kept / n), String.format(Locale.ROOT, "%.3f / %.3f", ratio(literal, n), ratio(restored, n)),
        ratio(verifiable, n), String.format(Locale.ROOT, "%.3f / %.3f", ratio(literalFound, n), ratio(found, n)), outside, ratio(linked, n));
  }

  /** The first sentences of {@code text} up to about {@link #SHORT_WORDS} words. */
  static String lead(String text) {
    StringBuilder sb = new StringBuilder();
    int words = 0;
    for (String para : CopyGenerator.paragraphs(text)) {
      if (words >= SHORT_WORDS) {
        break;
      }
      StringBuilder p = new StringBuilder();
      for (String s : para.split("(?<=[.!?][\"”’]?)\\s+")) {
        if (words >= SHORT_WORDS) {
          break;
        }
        p.append(p.length() > 0 ? " " : "").append(s.strip());
        words += s.split("\\s+").length;
      }
      sb.append(sb.length() > 0 ? "\n\n" : "").append(p);
    }
    return sb.toString();
  }

  private static io.wiretrace.model.Article article(String[] idText, int day) {
    return new io.wiretrace.model.Article(idText[0], null, idText[2], DAY.plus(day, ChronoUnit.DAYS).toString(), null, null, null, "en",
        idText[1], List.of(), List.of(), io.wiretrace.extract.Extractor.NOT_ASSESSED);
  }

  private static void write(Path f, List<String[]> docs, int day) throws IOException {
    ObjectMapper om = new ObjectMapper();
    StringBuilder sb = new StringBuilder();
    for (String[] d : docs) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("id", d[0]);
      m.put("title", d[2]);
      m.put("published", DAY.plus(day, ChronoUnit.DAYS).toString());
      m.put("text", d[1]);
      sb.append(om.writeValueAsString(m)).append('\n');
    }
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
  }

  private static boolean shareAny(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        return true; // band keys are per band, position by position
      }
    }
    return false;
  }

  /** Distinct values of {@code b} that {@code a} holds too. */
  private static int shared(long[] a, long[] b) {
    Set<Long> s = new HashSet<>();
    for (long x : a) {
      s.add(x);
    }
    return (int) java.util.Arrays.stream(b).distinct().filter(s::contains).count();
  }

  /** Share of the original's distinct shingles found in the copy. */
  private static double share(long[] original, long[] copy) {
    long distinct = java.util.Arrays.stream(original).distinct().count();
    return distinct == 0 ? 0 : (double) shared(copy, original) / distinct;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
