package io.wiretrace.fingerprint;

import java.util.Arrays;

/**
 * MinHash signatures by one-permutation hashing with optimal densification.
 *
 * <pre>{@code
 * MinHash mh = MinHash.builder().numHashes(128).build();
 * long[] sig = mh.signature(shingleHashes);
 * double j = MinHash.similarity(sig, other);
 * }</pre>
 *
 * <p>Defaults: {@code numHashes} 128, {@code seed} {@link #DEFAULT_SEED}. Immutable; thread-safe.
 */
public final class MinHash {
  /*
   * How: each shingle hash is re-mixed with the seed; its top bits pick one of k bins (fast range
   * reduction) and the bin keeps the minimum value. That is one hash per shingle instead of k
   * (Li, Owen & Zhang, "One Permutation Hashing", NIPS 2012 [1]). Empty bins, frequent for short
   * texts, are filled by copying the value of a non-empty bin found by a seeded probe sequence
   * that depends only on the bin index and attempt number (Shrivastava, "Optimal Densification for
   * Fast and Accurate Minwise Hashing", ICML 2017 [2]); this keeps the collision probability of
   * every bin equal to the Jaccard similarity.
   *
   * [1] https://arxiv.org/abs/1208.1259   [2] https://arxiv.org/abs/1703.04664
   */

  /** Default seed; part of the signature format. */
  public static final long DEFAULT_SEED = 0x5EED_0F_CA11_AB1EL;
  /** Signature format version, stored with any persisted signature. */
  public static final int FORMAT_VERSION = 1;
  private static final long EMPTY = Long.MAX_VALUE;

  private final int numHashes;
  private final long seed;

  private MinHash(int numHashes, long seed) {
    this.numHashes = numHashes;
    this.seed = seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int numHashes() {
    return numHashes;
  }

  public long seed() {
    return seed;
  }

  /** The signature of a set of shingle hashes; all {@link Long#MAX_VALUE} for an empty set. */
  public long[] signature(long[] shingles) {
    int k = numHashes;
    long[] sig = new long[k];
    Arrays.fill(sig, EMPTY);
    for (long s : shingles) {
      long y = Hashing64.mix(s ^ seed);
      int bin = (int) (((y >>> 32) * k) >>> 32);
      long v = y & 0x7fff_ffff_ffff_ffffL; // EMPTY stays out of reach
      if (v < sig[bin]) {
        sig[bin] = v;
      }
    }
    if (shingles.length == 0) {
      return sig;
    }
    long[] filled = sig.clone();
    for (int i = 0; i < k; i++) {
      if (sig[i] != EMPTY) {
        continue;
      }
      for (int attempt = 1; ; attempt++) {
        long r = Hashing64.mix(seed + 0x632BE59BD9B4E019L * (i + 1) + attempt);
        int j = (int) (((r >>> 32) * k) >>> 32);
        if (sig[j] != EMPTY) {
          filled[i] = sig[j];
          break;
        }
      }
    }
    return filled;
  }

  /** Estimated Jaccard similarity: the share of equal positions. */
  public static double similarity(long[] a, long[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("Signatures must have the same length, got " + a.length + " and " + b.length);
    }
    int eq = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i] && a[i] != EMPTY) {
        eq++;
      }
    }
    return a.length == 0 ? 0 : (double) eq / a.length;
  }

  /** Builds a {@link MinHash}; each setter may be called once. */
  public static final class Builder {
    private int numHashes = -1;
    private Long seed;

    /** Number of bins (signature length), 16..1024; default 128. */
    public Builder numHashes(int n) {
      if (numHashes != -1) {
        throw new IllegalStateException("numHashes was already set to " + numHashes);
      }
      if (n < 16 || n > 1024) {
        throw new IllegalArgumentException("numHashes must be between 16 and 1024, got " + n);
      }
      numHashes = n;
      return this;
    }

    /** Seed of the permutation; default {@link #DEFAULT_SEED}. */
    public Builder seed(long s) {
      if (seed != null) {
        throw new IllegalStateException("seed was already set to " + seed);
      }
      seed = s;
      return this;
    }

    public MinHash build() {
      return new MinHash(numHashes == -1 ? 128 : numHashes, seed == null ? DEFAULT_SEED : seed);
    }
  }
}
