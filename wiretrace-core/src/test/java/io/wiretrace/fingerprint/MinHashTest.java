package io.wiretrace.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashTest {
  private final MinHash mh = MinHash.builder().build();

  /** Format pins: a change here changes every stored signature and must be a new FORMAT_VERSION. */
  @Test
  void knownAnswers_tokenShingleAndSignature() {
    assertThat(Hashing64.token("halvern")).isEqualTo(KNOWN_TOKEN);
    long[] tokens = {Hashing64.token("the"), Hashing64.token("port"), Hashing64.token("of"), Hashing64.token("halvern")};
    assertThat(Hashing64.shingles(tokens, 4)).containsExactly(KNOWN_SHINGLE);
    long[] sig = mh.signature(new long[] {1, 2, 3, 4, 5});
    assertThat(sig[0]).isEqualTo(KNOWN_SIG0);
    assertThat(sig[127]).isEqualTo(KNOWN_SIG127);
  }

  static final long KNOWN_TOKEN = 220893260942968992L;
  static final long KNOWN_SHINGLE = -9150048338939028526L;
  static final long KNOWN_SIG0 = 2219759869384568829L;
  static final long KNOWN_SIG127 = 6331253964221735090L;

  @Test
  void shingles_areDelimited_tokenBoundariesMatter() {
    long[] ab_c = {Hashing64.token("ab"), Hashing64.token("c")};
    long[] a_bc = {Hashing64.token("a"), Hashing64.token("bc")};
    assertThat(Hashing64.shingles(ab_c, 2)[0]).isNotEqualTo(Hashing64.shingles(a_bc, 2)[0]);
  }

  @Test
  void shingles_shorterThanK_emitsNothing() {
    assertThat(Hashing64.shingles(new long[] {1, 2, 3}, 4)).isEmpty();
  }

  @Test
  void shingleSize_outOfRange_namesParameterAndValue() {
    assertThatThrownBy(() -> Hashing64.shingles(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Shingle size must be between 1 and 16, got 0");
  }

  @Test
  void builder_rejectsBadAndRepeatedSettings() {
    assertThatThrownBy(() -> MinHash.builder().numHashes(8)).hasMessage("numHashes must be between 16 and 1024, got 8");
    assertThatThrownBy(() -> MinHash.builder().numHashes(64).numHashes(128)).hasMessage("numHashes was already set to 64");
  }

  @Test
  void identicalSets_similarityOne_disjointSets_nearZero() {
    Random r = new Random(1);
    long[] a = r.longs(300).toArray();
    long[] b = r.longs(300).toArray();
    assertThat(MinHash.similarity(mh.signature(a), mh.signature(a.clone()))).isEqualTo(1.0);
    assertThat(MinHash.similarity(mh.signature(a), mh.signature(b))).isLessThan(0.05);
  }

  @Test
  void estimate_isUnbiased_overManyPairs() {
    Random r = new Random(42);
    double totalError = 0;
    int pairs = 60;
    for (int p = 0; p < pairs; p++) {
      int shared = 50 + r.nextInt(400);
      int onlyA = 20 + r.nextInt(300);
      int onlyB = 20 + r.nextInt(300);
      long[] common = r.longs(shared).toArray();
      long[] a = concat(common, r.longs(onlyA).toArray());
      long[] b = concat(common, r.longs(onlyB).toArray());
      double truth = (double) shared / (shared + onlyA + onlyB);
      totalError += MinHash.similarity(mh.signature(a), mh.signature(b)) - truth;
    }
    assertThat(Math.abs(totalError / pairs)).isLessThan(0.02);
  }

  @Test
  void shortTexts_densificationFillsEveryBin() {
    long[] sig = mh.signature(new long[] {7, 8, 9});
    for (long v : sig) {
      assertThat(v).isNotEqualTo(Long.MAX_VALUE);
    }
  }

  @Test
  void lsh_returnsEarlierDocsSharingABand() {
    LshIndex lsh = new LshIndex(32, 4);
    Random r = new Random(3);
    long[] a = r.longs(400).toArray();
    long[] nearA = a.clone();
    for (int i = 0; i < 20; i++) {
      nearA[i] = r.nextLong();
    }
    assertThat(lsh.addAndQuery(0, mh.signature(a))).isEmpty();
    assertThat(lsh.addAndQuery(1, mh.signature(r.longs(400).toArray()))).isEmpty();
    assertThat(lsh.addAndQuery(2, mh.signature(nearA))).containsExactly(0);
  }

  private static long[] concat(long[] x, long[] y) {
    long[] out = java.util.Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }
}
