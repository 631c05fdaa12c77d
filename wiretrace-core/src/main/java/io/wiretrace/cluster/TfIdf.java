package io.wiretrace.cluster;

import io.wiretrace.text.Terms;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TF-IDF vectors over a fixed batch of documents: sublinear term frequency, smoothed IDF, unit
 * length. Term ids follow the sorted term strings, so vectors and every sum over them are the same
 * whatever order the documents came in.
 */
final class TfIdf {
  /** A sparse unit vector: ascending term ids and their weights. */
  record Vec(int[] ids, double[] weights) {
    static final Vec EMPTY = new Vec(new int[0], new double[0]);

    /** The ids that contribute most to {@code this · o}, strongest first (ties: lower id), at most {@code k}. */
    int[] topShared(Vec o, int k) {
      List<double[]> contrib = new java.util.ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < ids.length && j < o.ids.length) {
        if (ids[i] == o.ids[j]) {
          contrib.add(new double[] {weights[i] * o.weights[j], ids[i]});
          i++;
          j++;
        } else if (ids[i] < o.ids[j]) {
          i++;
        } else {
          j++;
        }
      }
      contrib.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
      return contrib.stream().limit(k).mapToInt(c -> (int) c[1]).toArray();
    }

    /** The ids of the {@code k} largest weights, ascending by id (ties between weights: lower id). */
    int[] topTerms(int k) {
      if (ids.length <= k) {
        return ids.clone();
      }
      Integer[] order = new Integer[ids.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> weights[a] != weights[b] ? Double.compare(weights[b], weights[a]) : Integer.compare(ids[a], ids[b]));
      int[] out = new int[k];
      for (int i = 0; i < k; i++) {
        out[i] = ids[order[i]];
      }
      java.util.Arrays.sort(out);
      return out;
    }

    /** This vector keeping only its {@code k} largest weights, rescaled to unit length. */
    Vec truncate(int k) {
      if (ids.length <= k) {
        return this;
      }
      int[] keep = topTerms(k);
      double[] w = new double[k];
      for (int i = 0, j = 0; i < ids.length && j < k; i++) {
        if (ids[i] == keep[j]) {
          w[j++] = weights[i];
        }
      }
      return unit(keep, w);
    }

    double dot(Vec o) {
      double s = 0;
      int i = 0;
      int j = 0;
      while (i < ids.length && j < o.ids.length) {
        if (ids[i] == o.ids[j]) {
          s += weights[i++] * o.weights[j++];
        } else if (ids[i] < o.ids[j]) {
          i++;
        } else {
          j++;
        }
      }
      return s;
    }
  }

  private final Map<String, Integer> ids = new HashMap<>();
  private final String[] terms;
  private final double[] idf;

  /** Builds the vocabulary and IDF from {@code docs}, each a list of index terms. */
  TfIdf(List<List<String>> docs) {
    TreeMap<String, Integer> df = new TreeMap<>();
    for (List<String> d : docs) {
      for (String t : new java.util.HashSet<>(d)) {
        df.merge(t, 1, Integer::sum);
      }
    }
    idf = new double[df.size()];
    terms = df.keySet().toArray(new String[0]);
    int n = docs.size();
    int next = 0;
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      ids.put(e.getKey(), next);
      idf[next++] = Math.log((n + 1.0) / (e.getValue() + 1.0)) + 1;
    }
  }

  /** The term of an id. */
  String term(int id) {
    return terms[id];
  }

  Vec vector(List<String> docTerms) {
    TreeMap<Integer, Integer> tf = new TreeMap<>();
    for (String t : docTerms) {
      Integer id = ids.get(t);
      if (id != null) {
        tf.merge(id, 1, Integer::sum);
      }
    }
    int[] is = new int[tf.size()];
    double[] ws = new double[tf.size()];
    int k = 0;
    for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
      is[k] = e.getKey();
      ws[k] = (1 + Math.log(e.getValue())) * idf[e.getKey()];
      k++;
    }
    return unit(is, ws);
  }

  /** A vector of the given ids and weights scaled to unit length; empty if all weights are zero. */
  private static Vec unit(int[] ids, double[] weights) {
    double norm = 0;
    for (double w : weights) {
      norm += w * w;
    }
    if (norm == 0) {
      return Vec.EMPTY;
    }
    double inv = 1 / Math.sqrt(norm);
    for (int i = 0; i < weights.length; i++) {
      weights[i] *= inv;
    }
    return new Vec(ids, weights);
  }

  /**
   * Index terms of an article: body terms, title terms twice more, and with {@code properNouns}
   * each capitalized mid-sentence word once more (a proper-noun cue for names and places).
   */
  static List<String> terms(String title, String text, boolean properNouns) {
    List<String> t = new java.util.ArrayList<>(Terms.of(text));
    if (title != null) {
      List<String> tt = Terms.of(title);
      t.addAll(tt);
      t.addAll(tt);
    }
    if (properNouns) {
      t.addAll(Terms.properNouns(text));
    }
    return t;
  }

  /** The unit-length centroid of an accumulated sum of vectors. */
  static Vec centroid(Map<Integer, Double> sum) {
    int[] is = sum.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    double[] ws = new double[is.length];
    for (int i = 0; i < is.length; i++) {
      ws[i] = sum.get(is[i]);
    }
    return unit(is, ws);
  }

  static void accumulate(Map<Integer, Double> sum, Vec v) {
    for (int i = 0; i < v.ids().length; i++) {
      sum.merge(v.ids()[i], v.weights()[i], Double::sum);
    }
  }

  @Override
  public String toString() {
    return "TfIdf[terms=" + idf.length + ", idf[0..3]=" + Arrays.toString(Arrays.copyOf(idf, Math.min(3, idf.length))) + "]";
  }
}
