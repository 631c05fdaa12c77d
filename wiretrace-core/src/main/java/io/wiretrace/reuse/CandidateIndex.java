package io.wiretrace.reuse;

import io.wiretrace.fingerprint.Hashing64;
import io.wiretrace.fingerprint.LongIntMultimap;
import io.wiretrace.fingerprint.LshIndex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Incremental candidate search for copy detection: documents are added one at a time and each
 * addition returns the earlier documents worth verifying. Two channels:
 * <ul>
 *   <li>banded MinHash-LSH (32 bands x 4 rows) for near copies (Jaccard above about 0.4);
 *   <li>a sampled-shingle index (one shingle in {@code 2^SAMPLE_BITS}, chosen by hash value so
 *       every copy samples the same shingles) for partial copies, whose Jaccard is low: a pair
 *       sharing {@link #MIN_SHARED_SAMPLES} sampled shingles is a candidate. Posting lists stop
 *       growing at {@link #MAX_POSTING} entries: such shingles are boilerplate phrases.
 * </ul>
 * Memory per document: its signature is not kept; 32 band postings and one posting per sampled
 * shingle, in primitive arrays ({@link LongIntMultimap}). Cost per document is bounded by the number of bands, its sampled shingles and
 * the posting cap, so indexing a stream is linear in its length. Not thread-safe.
 */
public final class CandidateIndex {
  static final int SAMPLE_BITS = 3;
  static final int MIN_SHARED_SAMPLES = 3;
  static final int MAX_POSTING = 200;

  private final LshIndex lsh = new LshIndex(32, 4);
  private final LongIntMultimap postings = new LongIntMultimap();
  private final int[] scratch = new int[MAX_POSTING];
  private int size;

  /**
   * Adds document number {@code size()} and returns the earlier documents that are candidates for
   * it, ascending.
   *
   * @param signature MinHash signature of the document's shingles (near-copy channel)
   * @param shingles the keys of the partial-copy channel: its shingles and those of its restored
   *     text ({@link Fingerprint#keys}), so synonym swaps do not hide a copy
   */
  public int[] add(long[] signature, long[] shingles) {
    int doc = size++;
    if (shingles.length == 0) {
      return new int[0];
    }
    Set<Integer> out = new HashSet<>();
    for (int j : lsh.addAndQuery(doc, signature)) {
      out.add(j);
    }
    long mask = (1L << SAMPLE_BITS) - 1;
    Map<Integer, Integer> shared = new HashMap<>();
    Set<Long> seen = new HashSet<>();
    for (long s : shingles) {
      if ((Hashing64.mix(s) & mask) != 0 || !seen.add(s)) {
        continue;
      }
      int n = postings.count(s);
      if (n >= MAX_POSTING) {
        continue;
      }
      int got = postings.values(s, scratch);
      for (int i = 0; i < got; i++) {
        shared.merge(scratch[i], 1, Integer::sum);
      }
      postings.put(s, doc);
    }
    for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
      if (e.getValue() >= MIN_SHARED_SAMPLES) {
        out.add(e.getKey());
      }
    }
    return out.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /**
   * The shingles this index samples for the partial-copy channel (one in {@code 2^SAMPLE_BITS},
   * chosen by hash value), distinct, in first-appearance order.
   */
  public static long[] sampled(long[] shingles) {
    long mask = (1L << SAMPLE_BITS) - 1;
    Set<Long> seen = new java.util.LinkedHashSet<>();
    for (long s : shingles) {
      if ((Hashing64.mix(s) & mask) == 0) {
        seen.add(s);
      }
    }
    return seen.stream().mapToLong(Long::longValue).toArray();
  }

  /** The LSH band keys of a signature: two documents are LSH candidates when they share one. */
  public static long[] bandKeys(long[] signature) {
    return LshIndex.bandKeys(signature, 32, 4);
  }

  /** Sampled shingles a pair must share to be a partial-copy candidate. */
  public static final int MIN_SHARED = MIN_SHARED_SAMPLES;
  /** Documents a sampled shingle may be listed for before it is taken for boilerplate and ignored. */
  public static final int POSTING_CAP = MAX_POSTING;

  /** Documents added so far. */
  public int size() {
    return size;
  }

  /** Distinct sampled shingles indexed, for memory reporting. */
  public int postingLists() {
    return postings.keys();
  }

  /** Distinct LSH band buckets, for memory reporting. */
  public int lshBuckets() {
    return lsh.bucketCount();
  }

}
