package io.wiretrace.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * A made-up vocabulary (3-10 random letters per word, from a fixed seed) and a sampler that draws
 * its words with Zipf-distributed frequencies, for the synthetic corpora of the benchmarks.
 * Immutable once built; the sampler uses the caller's {@link Random}.
 */
final class ZipfWords {
  private final String[] words;
  private final double[] cumulative;

  /**
   * @param seed seed of the vocabulary
   * @param size number of words
   * @param exponent Zipf exponent (word of rank r has weight 1 / r^exponent)
   */
  ZipfWords(long seed, int size, double exponent) {
    Random r = new Random(seed);
    words = new String[size];
    for (int i = 0; i < size; i++) {
      int len = 3 + r.nextInt(8);
      StringBuilder sb = new StringBuilder(len);
      for (int k = 0; k < len; k++) {
        sb.append((char) ('a' + r.nextInt(26)));
      }
      words[i] = sb.toString();
    }
    cumulative = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += 1 / Math.pow(i + 1, exponent);
      cumulative[i] = sum;
    }
    for (int i = 0; i < size; i++) {
      cumulative[i] /= sum;
    }
  }

  /** A word drawn by frequency. */
  String next(Random r) {
    int idx = Arrays.binarySearch(cumulative, r.nextDouble());
    return words[Math.min(words.length - 1, idx < 0 ? -idx - 1 : idx)];
  }

  /** The word of rank {@code i} (0 = most frequent). */
  String word(int i) {
    return words[i];
  }

  int size() {
    return words.length;
  }
}
