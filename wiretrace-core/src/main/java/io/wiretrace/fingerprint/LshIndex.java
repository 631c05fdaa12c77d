package io.wiretrace.fingerprint;


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
  private final LongIntMultimap buckets = new LongIntMultimap();
  private int[] scratch = new int[64];

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
    int[] hits = new int[16];
    int nHits = 0;
    long[] keys = bandKeys(signature, bands, rows);
    for (int b = 0; b < bands; b++) {
      long h = keys[b];
      int c = buckets.count(h);
      if (c > scratch.length) {
        scratch = new int[Math.max(c, scratch.length * 2)];
      }
      int n = buckets.values(h, scratch);
      if (nHits + n > hits.length) {
        hits = java.util.Arrays.copyOf(hits, Math.max(hits.length * 2, nHits + n));
      }
      System.arraycopy(scratch, 0, hits, nHits, n);
      nHits += n;
      buckets.put(h, doc);
    }
    return java.util.Arrays.stream(hits, 0, nHits).distinct().sorted().toArray();
  }

  /** The bucket key of each band of {@code signature} ({@code bands * rows} values). */
  public static long[] bandKeys(long[] signature, int bands, int rows) {
    if (signature.length != bands * rows) {
      throw new IllegalArgumentException("signature length must be bands*rows = " + bands * rows + ", got " + signature.length);
    }
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = b + 1;
      for (int r = 0; r < rows; r++) {
        h = Hashing64.mix(h * 0x9E3779B97F4A7C15L + signature[b * rows + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  /** Number of distinct band buckets, for memory reporting. */
  public int bucketCount() {
    return buckets.keys();
  }

  @Override
  public String toString() {
    return "LshIndex[bands=" + bands + ", rows=" + rows + ", buckets=" + buckets.keys() + "]";
  }

}
