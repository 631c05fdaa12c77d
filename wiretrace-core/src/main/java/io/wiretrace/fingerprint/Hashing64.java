package io.wiretrace.fingerprint;

/**
 * Fixed 64-bit hashing for tokens and shingles (format version 1).
 *
 * <p>Tokens are hashed with FNV-1a over their UTF-16 code units followed by the SplitMix64
 * finalizer; a shingle is the order-sensitive combination of its tokens' 64-bit hashes, so
 * {@code "ab c"} and {@code "a bc"} can never collide by concatenation. Stateless; thread-safe.
 */
public final class Hashing64 {
  private Hashing64() {}

  /** Version of the token and shingle hash functions. */
  public static final int FORMAT_VERSION = 1;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long COMBINE = 0x9E3779B97F4A7C15L;

  /** The 64-bit hash of one token. */
  public static long token(String token) {
    long h = FNV_OFFSET;
    for (int i = 0; i < token.length(); i++) {
      h ^= token.charAt(i);
      h *= FNV_PRIME;
    }
    return mix(h);
  }

  /** SplitMix64's finalizer: a bijective avalanche mix of 64 bits. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * Hashes of all {@code k}-token shingles: element {@code i} covers tokens {@code i..i+k-1}.
   * A text with fewer than {@code k} tokens yields no shingles.
   *
   * @throws IllegalArgumentException if {@code k} is outside 1..16
   */
  public static long[] shingles(long[] tokenHashes, int k) {
    if (k < 1 || k > 16) {
      throw new IllegalArgumentException("Shingle size must be between 1 and 16, got " + k);
    }
    int n = tokenHashes.length - k + 1;
    if (n <= 0) {
      return new long[0];
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = k;
      for (int j = 0; j < k; j++) {
        h = mix(h * COMBINE + tokenHashes[i + j]);
      }
      out[i] = h;
    }
    return out;
  }
}
