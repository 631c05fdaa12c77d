package io.wiretrace.fingerprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Banded locality-sensitive hashing over MinHash signatures.
 *
 * <p>A signature of {@code bands * rows} values is cut into bands; two documents become candidates
 * when any band matches exactly, which happens with probability {@code 1 - (1 - J^rows)^bands} for
 * Jaccard similarity J (Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3). With the
 * default 32 bands of 4 rows: J = 0.3 → 0.23, J = 0.5 → 0.87, J = 0.6 → 0.98.
 *
 * <p>Not thread-safe: add documents from one thread, then query.
 */
public final class LshIndex {
  private final int bands;
  private final int rows;
  private final Map<Long, List<Integer>> buckets = new HashMap<>();

  /**
   * @param bands number of bands, at least 1
   * @param rows values per band, at least 1
   */
  public LshIndex(int bands, int rows) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be at least 1, got " + bands + " and " + rows);
    }
    this.bands = bands;
    this.rows = rows;
  }

  /**
   * Adds document {@code doc} and returns the earlier documents that share a band with it, sorted
   * and without repeats.
   */
  public int[] addAndQuery(int doc, long[] signature) {
    if (signature.length != bands * rows) {
      throw new IllegalArgumentException("signature length must be bands*rows = " + bands * rows + ", got " + signature.length);
    }
    List<Integer> hits = new ArrayList<>();
    for (int b = 0; b < bands; b++) {
      long h = b + 1;
      for (int r = 0; r < rows; r++) {
        h = Hashing64.mix(h * 0x9E3779B97F4A7C15L + signature[b * rows + r]);
      }
      List<Integer> bucket = buckets.computeIfAbsent(h, x -> new ArrayList<>(2));
      hits.addAll(bucket);
      bucket.add(doc);
    }
    return hits.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
  }

  /** Number of distinct band buckets, for memory reporting. */
  public int bucketCount() {
    return buckets.size();
  }

  @Override
  public String toString() {
    return "LshIndex[bands=" + bands + ", rows=" + rows + ", buckets=" + buckets.size() + "]";
  }

}
