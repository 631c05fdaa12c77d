package io.wiretrace.eval;

import io.wiretrace.fingerprint.Hashing64;
import io.wiretrace.fingerprint.MinHash;
import io.wiretrace.reuse.CandidateIndex;
import io.wiretrace.text.Tokens;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A timed harness for the fingerprint stage and candidate search, on synthetic articles.
 *
 * <p>Articles are 250-600 words drawn from a Zipf(1.1) vocabulary of 50,000 made-up words, with
 * fixed seeds; one in ten is a copy of an earlier article with 5 % of its words changed, so the
 * index has real candidates to find. Two measurements:
 * <ol>
 *   <li>fingerprinting throughput (tokenize, 4-gram shingles, signature) in MB/s on one thread, for
 *       wiretrace's one-permutation MinHash and, in the same run, a textbook MinHash with 128
 *       independent hash functions;
 *   <li>candidate search at growing corpus sizes: each article is fingerprinted and added to one
 *       {@link CandidateIndex}, streaming (texts are not kept); time per article, candidates found
 *       per copy, and heap in use at each checkpoint.
 * </ol>
 */
public final class MinHashBench {
  private final ZipfWords words = new ZipfWords(11, 50_000, 1.1);

  /** Synthetic article number {@code i}: deterministic in {@code i}; every tenth copies article i/2. */
  String article(int i) {
    if (i > 0 && i % 10 == 0) {
      String base = article(i / 2);
      Random r = new Random(1_000_003L * i);
      String[] w = base.split(" ");
      for (int k = 0; k < w.length; k++) {
        if (r.nextDouble() < 0.05) {
          w[k] = word(r);
        }
      }
      return String.join(" ", w);
    }
    Random r = new Random(7_919L * i + 1);
    int n = 250 + r.nextInt(351);
    StringBuilder sb = new StringBuilder(n * 8);
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        sb.append(k % 17 == 0 ? ". " : " ");
      }
      sb.append(word(r));
    }
    return sb.toString();
  }

  private String word(Random r) {
    return words.next(r);
  }

  static long[] shingles(String text) {
    Tokens t = Tokens.of(text);
    long[] th = new long[t.size()];
    for (int i = 0; i < th.length; i++) {
      th[i] = Hashing64.token(t.form(i));
    }
    return Hashing64.shingles(th, 4);
  }

  /** Textbook MinHash: 128 independent hash functions, each applied to every shingle. */
  static long[] naiveSignature(long[] shingles) {
    long[] sig = new long[128];
    Arrays.fill(sig, Long.MAX_VALUE);
    for (long s : shingles) {
      for (int k = 0; k < 128; k++) {
        long h = Hashing64.mix(s ^ (0x9E3779B97F4A7C15L * (k + 1)));
        if (h < sig[k]) {
          sig[k] = h;
        }
      }
    }
    return sig;
  }

  /** Runs both measurements up to {@code maxArticles} and prints a table. */
  public EvalTask.Table run(int maxArticles, PrintWriter log) {
    MinHash mh = MinHash.builder().build();
    List<String> sample = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < 4000; i++) {
      String a = article(i);
      sample.add(a);
      bytes += a.length();
    }
    long sink = 0;
    for (int pass = 0; pass < 2; pass++) { // warm-up
      for (String a : sample) {
        long[] sh = shingles(a);
        sink += mh.signature(sh)[0] + naiveSignature(sh)[0];
      }
    }
    long t0 = System.nanoTime();
    long tokenOnly = 0;
    for (String a : sample) {
      tokenOnly += shingles(a).length;
    }
    double shingleSecs = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    for (String a : sample) {
      sink += mh.signature(shingles(a))[0];
    }
    double ophSecs = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    for (String a : sample) {
      sink += naiveSignature(shingles(a))[0];
    }
    double naiveSecs = (System.nanoTime() - t0) / 1e9;
    double mb = bytes / 1e6;
    EvalTask.Table t = new EvalTask.Table("Fingerprinting and candidate search on synthetic articles (one thread)",
        List.of("measurement", "value", "detail"));
    t.row("tokenize + 4-gram shingles", String.format(Locale.ROOT, "%.1f MB/s", mb / shingleSecs), tokenOnly + " shingles");
    t.row("+ one-permutation MinHash (wiretrace)", String.format(Locale.ROOT, "%.1f MB/s", mb / ophSecs),
        String.format(Locale.ROOT, "%.1fx the textbook MinHash", naiveSecs / ophSecs));
    t.row("+ textbook MinHash, 128 hash functions (peer)", String.format(Locale.ROOT, "%.1f MB/s", mb / naiveSecs), "same run");
    CandidateIndex index = new CandidateIndex();
    long start = System.nanoTime();
    long lastT = start;
    int lastN = 0;
    long copies = 0;
    long copiesFound = 0;
    long candidates = 0;
    for (int i = 0; i < maxArticles; i++) {
      long[] sh = shingles(article(i));
      int[] c = index.add(mh.signature(sh), sh);
      candidates += c.length;
      if (i > 0 && i % 10 == 0) {
        copies++;
        if (Arrays.binarySearch(c, i / 2) >= 0) {
          copiesFound++;
        }
      }
      int n = i + 1;
      if (n == 10_000 || n == 100_000 || n == 1_000_000 || n == maxArticles && n % 10_000 != 0) {
        long now = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        rt.gc();
        long heap = rt.totalMemory() - rt.freeMemory();
        t.row(String.format(Locale.ROOT, "index %,d articles", n),
            String.format(Locale.ROOT, "%.0f articles/s", (n - lastN) / ((now - lastT) / 1e9)),
            String.format(Locale.ROOT, "articles %,d-%,d: %.1f us/article; %.2f candidates/article; copies found %d/%d; heap %.0f MB (%.0f bytes/article)",
                lastN + 1, n, (now - lastT) / 1e3 / (n - lastN), (double) candidates / n, copiesFound, copies, heap / 1e6, (double) heap / n));
        log.printf("indexed %,d%n", n);
        log.flush();
        lastT = System.nanoTime();
        lastN = n;
      }
    }
    t.note("Articles/s per checkpoint covers only the articles added since the previous checkpoint: flat figures mean the cost per article does not grow with the index.");
    t.note("Textbook MinHash is implemented in the harness as the peer (128 SplitMix-derived hash functions); sink " + (sink & 1));
    return t;
  }
}
