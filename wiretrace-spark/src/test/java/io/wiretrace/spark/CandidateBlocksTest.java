package io.wiretrace.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.fingerprint.Hashing64;
import io.wiretrace.reuse.CandidateIndex;
import io.wiretrace.reuse.CopyDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The block form of candidate search finds exactly the pairs {@link CandidateIndex} finds adding the
 * same articles one at a time, whatever the number of article ranges and key partitions — including
 * the posting cap (a boilerplate shingle shared by more than {@code POSTING_CAP} articles joins only
 * its first ones), pairs only the bands find (short copies) and pairs only the samples find
 * (partial copies), and articles with no shingles.
 */
class CandidateBlocksTest {
  static final CopyDetector DETECTOR = new CopyDetector();

  /** Shingle sets: random texts over a small vocabulary, near copies of some, and boilerplate on many. */
  static List<long[]> corpus(int n, long seed) {
    Random r = new Random(seed);
    long[] boiler = sampledValues(3, 1);
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long[] s;
      boolean shortText = i % 7 == 3 || i % 7 == 4;
      if (i % 17 == 5) {
        s = new long[0]; // no text: indexed as nothing, still numbered
      } else if (i % 7 == 3) { // short text: too few sampled shingles for that channel
        s = new long[12];
        for (int k = 0; k < s.length; k++) {
          s[k] = 1000 + r.nextInt(40_000);
        }
      } else if (i % 7 == 4) { // its copy: found by the bands alone
        s = out.get(i - 1).clone();
      } else if (i > 10 && i % 4 == 0) { // near copy of an earlier article: most shingles kept
        long[] src = out.get(r.nextInt(i));
        s = src.clone();
        for (int k = 0; k < s.length; k++) {
          if (r.nextInt(10) == 0) {
            s[k] = r.nextLong();
          }
        }
      } else if (i > 10 && i % 4 == 1) { // partial copy: a slice of an earlier article in new text
        long[] src = out.get(r.nextInt(i));
        s = new long[120];
        for (int k = 0; k < s.length; k++) {
          s[k] = k < 40 && k < src.length ? src[k] : 1000 + r.nextInt(40_000);
        }
      } else {
        s = new long[60 + r.nextInt(100)];
        for (int k = 0; k < s.length; k++) {
          s[k] = 1000 + r.nextInt(40_000);
        }
      }
      if (s.length > 0 && i % 3 != 2 && !shortText) { // boilerplate on two articles in three (far more than the cap)
        s = java.util.Arrays.copyOf(s, s.length + boiler.length);
        System.arraycopy(boiler, 0, s, s.length - boiler.length, boiler.length);
      }
      out.add(s);
    }
    return out;
  }

  /** {@code n} values the sampled channel keeps. */
  static long[] sampledValues(int n, long from) {
    long[] out = new long[n];
    int k = 0;
    for (long v = from; k < n; v++) {
      if ((Hashing64.mix(v) & 7) == 0) {
        out[k++] = v;
      }
    }
    return out;
  }

  static Set<Long> embedded(List<long[]> shingles) {
    CandidateIndex index = new CandidateIndex();
    Set<Long> out = new TreeSet<>();
    for (int i = 0; i < shingles.size(); i++) {
      long[] s = shingles.get(i);
      for (int j : index.add(DETECTOR.signature(s), s)) {
        out.add((long) j << 32 | i);
      }
    }
    return out;
  }

  /** The three stages with the shuffles done by hand: blocks grouped by their target partition. */
  static Set<Long> blocks(List<long[]> shingles, int ranges, int keyParts) {
    int n = shingles.size();
    long[] starts = new long[ranges];
    for (int r = 0; r < ranges; r++) {
      starts[r] = (long) n * r / ranges;
    }
    Map<Integer, List<CandidateBlocks.KeyBlock>> byKey = new HashMap<>();
    for (int r = 0; r < ranges; r++) {
      List<Tuple2<Long, CandidateBlocks.Keys>> part = new ArrayList<>();
      long end = r + 1 < ranges ? starts[r + 1] : n;
      for (long i = starts[r]; i < end; i++) {
        long[] s = shingles.get((int) i);
        part.add(new Tuple2<>(i, new CandidateBlocks.Keys(s, CandidateIndex.sampled(s))));
      }
      CandidateBlocks.keyBlocks(part.iterator(), keyParts, DETECTOR)
          .forEachRemaining(t -> byKey.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2()));
    }
    Map<Integer, List<CandidateBlocks.PairBlock>> byRange = new HashMap<>();
    byKey.values().forEach(list -> CandidateBlocks.pairBlocks(list.iterator(), starts)
        .forEachRemaining(t -> byRange.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2())));
    Set<Long> out = new TreeSet<>();
    byRange.forEach((r, list) -> {
      for (long p : CandidateBlocks.candidates(list.iterator())) {
        int x = (int) (p >>> 32);
        assertThat(CandidateBlocks.range(x, starts)).as("pair sent to the range of its first article").isEqualTo(r);
        assertThat(out.add(p)).as("each pair once").isTrue();
      }
    });
    return out;
  }

  @Test
  void sameCandidatesAsCandidateIndex_anyPartitioning() {
    List<long[]> corpus = corpus(600, 7);
    Set<Long> expected = embedded(corpus);
    assertThat(expected).hasSizeGreaterThan(200);
    for (int[] p : new int[][] {{1, 1}, {3, 4}, {7, 2}, {16, 9}}) {
      assertThat(blocks(corpus, p[0], p[1])).as("ranges %d, key partitions %d", p[0], p[1]).isEqualTo(expected);
    }
  }

  @Test
  void postingCapHolds_boilerplateJoinsOnlyTheFirstArticles() {
    List<long[]> corpus = corpus(600, 7);
    Set<Long> found = blocks(corpus, 3, 4);
    // articles sharing nothing but the boilerplate: two of the first ones are a pair, two later ones are not
    long early = -1;
    long late = -1;
    List<Integer> plain = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      if (i % 3 != 2 && i % 4 >= 2 && i % 17 != 5 && i % 7 != 3 && i % 7 != 4) {
        plain.add(i);
      }
    }
    Set<Long> withoutBoiler = embedded(strip(corpus));
    for (int a = 0; a < plain.size() && (early < 0 || late < 0); a++) {
      for (int b = a + 1; b < plain.size(); b++) {
        long p = (long) plain.get(a) << 32 | plain.get(b);
        if (withoutBoiler.contains(p)) {
          continue;
        }
        if (plain.get(b) < 40 && early < 0) {
          early = p;
        } else if (plain.get(a) > 500 && late < 0) { // some 220 articles carry the boilerplate before 500
          late = p;
        }
      }
    }
    assertThat(early).isNotNegative();
    assertThat(late).isNotNegative();
    assertThat(found).contains(early).doesNotContain(late);
  }

  static List<long[]> strip(List<long[]> corpus) {
    Set<Long> boiler = new TreeSet<>();
    for (long v : sampledValues(3, 1)) {
      boiler.add(v);
    }
    List<long[]> out = new ArrayList<>();
    for (long[] s : corpus) {
      out.add(java.util.Arrays.stream(s).filter(v -> !boiler.contains(v)).toArray());
    }
    return out;
  }

  @Test
  void rangeOfAnArticle_skipsEmptyRanges() {
    long[] starts = {0, 5, 5, 9};
    assertThat(CandidateBlocks.range(0, starts)).isZero();
    assertThat(CandidateBlocks.range(4, starts)).isZero();
    assertThat(CandidateBlocks.range(5, starts)).isEqualTo(2);
    assertThat(CandidateBlocks.range(8, starts)).isEqualTo(2);
    assertThat(CandidateBlocks.range(9, starts)).isEqualTo(3);
    assertThat(CandidateBlocks.range(1_000, starts)).isEqualTo(3);
  }

  @Test
  void weigh_bandPairsCountAsEnough_sampledPairsCountPerShingle() {
    CandidateBlocks.PairBlock b = CandidateBlocks.weigh(new long[] {3, 3, 9}, new long[] {1, 1, 3, 7, 7, 7});
    assertThat(b.pairs()).containsExactly(1, 3, 7, 9);
    assertThat(b.weights()).containsExactly(2, CandidateIndex.MIN_SHARED + 1, 3, CandidateIndex.MIN_SHARED);
    Iterator<CandidateBlocks.PairBlock> in = List.of(b, new CandidateBlocks.PairBlock(new long[] {1, 8}, new int[] {1, 2}))
        .iterator();
    assertThat(CandidateBlocks.candidates(in)).containsExactly(1, 3, 7, 9);
  }
}
