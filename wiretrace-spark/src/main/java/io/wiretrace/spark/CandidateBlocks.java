package io.wiretrace.spark;

import io.wiretrace.reuse.CandidateIndex;
import io.wiretrace.reuse.CopyDetector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import scala.Tuple2;

/**
 * The candidate search of {@link CandidateIndex} as two shuffles of primitive blocks instead of one
 * record per key or pair: Spark's per-record cost (a tuple of boxed numbers, serialized one by one)
 * was most of the time of the record-per-key form, while the work itself is hashing and sorting.
 *
 * <ol>
 *   <li>per article partition ({@link #keyBlocks}): the MinHash signature's 32 band keys and the
 *       sampled shingles of each article, as (key, article number) entries in one block per key
 *       partition;
 *   <li>per key partition ({@link #pairBlocks}): the entries grouped by key; every pair of a band
 *       bucket, and every pair among the first {@link CandidateIndex#POSTING_CAP} articles (by number)
 *       of a sampled shingle's list; each pair {@code x < y} with a weight — {@link
 *       CandidateIndex#MIN_SHARED} for a band pair, one per shared sampled shingle — summed per pair
 *       and sent in one sorted block to the article range that holds {@code x};
 *   <li>per article range ({@link #candidates}): the blocks merged; a pair whose weights reach
 *       {@code MIN_SHARED} is a candidate, i.e. it shares a band bucket or {@code MIN_SHARED} sampled
 *       shingles: exactly the pairs {@code CandidateIndex} returns adding the articles in number
 *       order (a shingle's posting list stops at the cap, so later articles neither query nor join it).
 * </ol>
 * Pairs are {@code (long) x << 32 | y} with article numbers below {@code 2^31}.
 */
final class CandidateBlocks {
  private CandidateBlocks() {}

  /** The per-article inputs of candidate search: literal shingles (for the signature) and sampled keys. */
  record Keys(long[] shingles, long[] sampled) implements Serializable {}

  /** (key, article) entries of both channels bound for one key partition. */
  record KeyBlock(long[] bandKeys, int[] bandDocs, long[] sampledKeys, int[] sampledDocs) implements Serializable {}

  /** Pairs {@code x << 32 | y}, ascending and distinct, with their summed weights, bound for one article range. */
  record PairBlock(long[] pairs, int[] weights) implements Serializable {}

  /** Stage 1: the entries of one partition of (article number, keys), one block per key partition. */
  static Iterator<Tuple2<Integer, KeyBlock>> keyBlocks(Iterator<Tuple2<Long, Keys>> articles, int keyParts,
      CopyDetector detector) {
    LongIntBuffer[] bands = new LongIntBuffer[keyParts];
    LongIntBuffer[] sampled = new LongIntBuffer[keyParts];
    for (int p = 0; p < keyParts; p++) {
      bands[p] = new LongIntBuffer();
      sampled[p] = new LongIntBuffer();
    }
    while (articles.hasNext()) {
      Tuple2<Long, Keys> t = articles.next();
      Keys k = t._2();
      if (k.shingles().length == 0) { // CandidateIndex indexes nothing for such an article
        continue;
      }
      int doc = Math.toIntExact(t._1());
      for (long b : CandidateIndex.bandKeys(detector.signature(k.shingles()))) {
        bands[keyPartition(b, keyParts)].add(b, doc);
      }
      for (long s : k.sampled()) {
        sampled[keyPartition(s, keyParts)].add(s, doc);
      }
    }
    List<Tuple2<Integer, KeyBlock>> out = new ArrayList<>(keyParts);
    for (int p = 0; p < keyParts; p++) {
      if (bands[p].size() + sampled[p].size() > 0) {
        out.add(new Tuple2<>(p, new KeyBlock(bands[p].keys(), bands[p].values(), sampled[p].keys(), sampled[p].values())));
      }
    }
    return out.iterator();
  }

  static int keyPartition(long key, int parts) {
    return Math.floorMod(Long.hashCode(key * 0x9E3779B97F4A7C15L), parts);
  }

  /**
   * Stage 2: the blocks of one key partition grouped by key, their pairs summed and sent to the
   * article range of their first article ({@code starts}: the first article number of each range).
   */
  static Iterator<Tuple2<Integer, PairBlock>> pairBlocks(Iterator<KeyBlock> blocks, long[] starts) {
    LongIntBuffer band = new LongIntBuffer();
    LongIntBuffer sampled = new LongIntBuffer();
    while (blocks.hasNext()) {
      KeyBlock b = blocks.next();
      band.addAll(b.bandKeys(), b.bandDocs());
      sampled.addAll(b.sampledKeys(), b.sampledDocs());
    }
    LongBuffer[] bandPairs = new LongBuffer[starts.length];
    LongBuffer[] sampledPairs = new LongBuffer[starts.length];
    for (int r = 0; r < starts.length; r++) {
      bandPairs[r] = new LongBuffer();
      sampledPairs[r] = new LongBuffer();
    }
    emitPairs(band, Integer.MAX_VALUE, bandPairs, starts);
    emitPairs(sampled, CandidateIndex.POSTING_CAP, sampledPairs, starts);
    List<Tuple2<Integer, PairBlock>> out = new ArrayList<>();
    for (int r = 0; r < starts.length; r++) {
      PairBlock pb = weigh(bandPairs[r].sortedArray(), sampledPairs[r].sortedArray());
      if (pb.pairs().length > 0) {
        out.add(new Tuple2<>(r, pb));
      }
    }
    return out.iterator();
  }

  /** Every pair among the first {@code cap} distinct articles of each key's group, to its range's buffer. */
  private static void emitPairs(LongIntBuffer entries, int cap, LongBuffer[] to, long[] starts) {
    Groups g = Groups.of(entries);
    for (int k = 0; k < g.count(); k++) {
      int from = g.start(k);
      int n = Math.min(cap, g.end(k) - from);
      int[] m = g.members();
      for (int i = 0; i < n; i++) {
        int x = m[from + i];
        LongBuffer buf = to[range(x, starts)];
        for (int j = i + 1; j < n; j++) {
          buf.add((long) x << 32 | m[from + j]);
        }
      }
    }
  }

  /** Sorted pairs of both channels (repeats allowed) as distinct pairs with summed weights. */
  static PairBlock weigh(long[] band, long[] sampled) {
    long[] pairs = new long[band.length + sampled.length];
    int[] weights = new int[pairs.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < band.length || j < sampled.length) {
      long p = j >= sampled.length || i < band.length && band[i] <= sampled[j] ? band[i] : sampled[j];
      int w = 0;
      if (i < band.length && band[i] == p) {
        w = CandidateIndex.MIN_SHARED;
        while (i < band.length && band[i] == p) {
          i++;
        }
      }
      while (j < sampled.length && sampled[j] == p) {
        w++;
        j++;
      }
      pairs[n] = p;
      weights[n++] = w;
    }
    return new PairBlock(Arrays.copyOf(pairs, n), Arrays.copyOf(weights, n));
  }

  /** Stage 3: the blocks of one article range merged; the candidate pairs, ascending. */
  static long[] candidates(Iterator<PairBlock> blocks) {
    List<PairBlock> in = new ArrayList<>();
    blocks.forEachRemaining(in::add);
    PriorityQueue<int[]> heads = new PriorityQueue<>((a, b) -> Long.compare(in.get(a[0]).pairs()[a[1]],
        in.get(b[0]).pairs()[b[1]]));
    for (int b = 0; b < in.size(); b++) {
      heads.add(new int[] {b, 0});
    }
    LongBuffer out = new LongBuffer();
    long current = -1;
    int weight = 0;
    while (!heads.isEmpty()) {
      int[] h = heads.poll();
      PairBlock b = in.get(h[0]);
      long p = b.pairs()[h[1]];
      if (p != current) {
        if (weight >= CandidateIndex.MIN_SHARED) {
          out.add(current);
        }
        current = p;
        weight = 0;
      }
      weight += b.weights()[h[1]];
      if (++h[1] < b.pairs().length) {
        heads.add(h);
      }
    }
    if (weight >= CandidateIndex.MIN_SHARED) {
      out.add(current);
    }
    return out.toArray(); // ascending already: the merge visits pairs in order
  }

  /** The range holding article {@code x}: the last one starting at or before it (empty ranges share a start). */
  static int range(long x, long[] starts) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= x) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Keys grouped: group {@code k}'s distinct members, ascending, are {@code members[start(k) .. end(k))}. */
  record Groups(int[] offsets, int[] members, int[] ends) {
    int count() {
      return ends.length;
    }

    int start(int k) {
      return offsets[k];
    }

    int end(int k) {
      return ends[k];
    }

    /** Counting sort of the entries by key (keys numbered by an open-addressing table), members sorted and distinct per key. */
    static Groups of(LongIntBuffer entries) {
      int n = entries.size();
      long[] keys = entries.rawKeys();
      int[] values = entries.rawValues();
      int cap = Integer.highestOneBit(Math.max(4, n * 2)) * 2;
      long[] table = new long[cap];
      int[] slot = new int[cap];
      Arrays.fill(slot, -1);
      int[] groupOf = new int[n];
      int groups = 0;
      int[] sizes = new int[Math.max(1, n)];
      for (int i = 0; i < n; i++) {
        long k = keys[i];
        int h = (int) (io.wiretrace.fingerprint.Hashing64.mix(k) & (cap - 1));
        while (slot[h] >= 0 && table[h] != k) {
          h = (h + 1) & (cap - 1);
        }
        if (slot[h] < 0) {
          table[h] = k;
          slot[h] = groups++;
        }
        groupOf[i] = slot[h];
        sizes[slot[h]]++;
      }
      int[] offsets = new int[groups + 1];
      for (int g = 0; g < groups; g++) {
        offsets[g + 1] = offsets[g] + sizes[g];
      }
      int[] fill = Arrays.copyOf(offsets, groups);
      int[] members = new int[n];
      for (int i = 0; i < n; i++) {
        members[fill[groupOf[i]]++] = values[i];
      }
      int[] ends = new int[groups];
      for (int g = 0; g < groups; g++) {
        int from = offsets[g];
        int to = offsets[g + 1];
        Arrays.sort(members, from, to);
        int w = from;
        for (int i = from; i < to; i++) {
          if (i == from || members[i] != members[i - 1]) {
            members[w++] = members[i];
          }
        }
        ends[g] = w;
      }
      return new Groups(offsets, members, ends);
    }
  }

  /** A growable list of (long, int) entries. */
  static final class LongIntBuffer {
    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int size;

    void add(long k, int v) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = k;
      values[size++] = v;
    }

    void addAll(long[] k, int[] v) {
      for (int i = 0; i < k.length; i++) {
        add(k[i], v[i]);
      }
    }

    int size() {
      return size;
    }

    long[] keys() {
      return Arrays.copyOf(keys, size);
    }

    int[] values() {
      return Arrays.copyOf(values, size);
    }

    long[] rawKeys() {
      return keys;
    }

    int[] rawValues() {
      return values;
    }
  }

  /** A growable list of longs. */
  static final class LongBuffer {
    private long[] a = new long[16];
    private int size;

    void add(long v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(a, size);
    }

    long[] sortedArray() {
      long[] out = toArray();
      Arrays.sort(out);
      return out;
    }
  }
}
